/// Every input the model takes, with its range, default and source. The one list that
/// sliders, scenario files, `--set`, `moneyloop params` and the docs read from.
///
/// Confidence marks (DESIGN §2): A the article, H a filing or several sources agreeing,
/// M a reputable secondary source, L a single weak source, `assumption` a modelling
/// choice. Every assumption says in its `source` why its default is what it is.
public enum ParameterRegistry {
    /// All parameters, in display order.
    public static let all: [Parameter] = coreweave + debt + financing + vast + nvidia + stall + history

    static let coreweave: [Parameter] = [
        Parameter(.cwGpus, "GPUs in service at start", unit: .gpus, default: 400_000,
                  min: 50_000, max: 1_000_000, step: 5_000, confidence: .low,
                  source: "assumption from 590 MW active at 30 Sep 2025 (Q3-2025 call, M): 463k H100s at 1.275 kW, "
                      + "328k GB200s at 1.8 kW; the article's 250,000 is the end-2024 count (S-1)"),
        Parameter(.cwGpusEnd2024, "GPUs in service at end-2024", unit: .gpus, default: 250_000,
                  min: 1_000, max: 1_000_000, step: 5_000, confidence: .article,
                  source: "article: 250,000 GPUs in 32 data centres (the S-1's end-2024 count)"),
        Parameter(.cwUtilization, "GPU utilization", unit: .fraction, default: 0.75,
                  min: 0.40, max: 1.0, step: 0.01, target: 0.90, confidence: .article,
                  source: "article: ~75% industry average, ~90% target with Vast", lever: true),
        Parameter(.cwUsageShare, "Usage-billed share of fleet", unit: .fraction, default: 0.04,
                  min: 0, max: 1, step: 0.01, confidence: .medium,
                  source: "filings: 96–98% of revenue take-or-pay, so 2–4% usage-billed; the article's framing "
                      + "is a larger share. The rest of the fleet serves contracts", lever: true),
        Parameter(.cwContractRate, "Contract revenue per reserved GPU-hour", unit: .dollarsPerHour, default: 1.80,
                  min: 0.50, max: 10.0, step: 0.05, confidence: .assumption,
                  source: "assumption: sizes each contract's GPUs (monthly value ÷ 730 h ÷ rate); with the fleet "
                      + "limit, $1.80 on 400,000 GPUs reproduces Q4-2025 revenue (≈ $1.57B a quarter, 10-K FY2025, M)"),
        Parameter(.priceGpuHour, "Usage price per GPU-hour", unit: .dollarsPerHour, default: 2.40,
                  min: 0.50, max: 8.0, step: 0.05, confidence: .medium,
                  source: "H100 1-yr reserved ≈ $2.35, spot $2.46", lever: true),
        Parameter(.priceDeclinePerYear, "Price pressure (decline per year)", unit: .fraction, default: 0.10,
                  min: 0, max: 0.60, step: 0.01, confidence: .assumption,
                  source: "assumption: hyperscaler price pressure on usage-billed hours; a price war is ~0.35",
                  lever: true),
        Parameter(.cwOpexPerGPUHour, "Power + rent per GPU-hour", unit: .dollarsPerHour, default: 0.36,
                  min: 0.05, max: 2.0, step: 0.01, confidence: .medium,
                  source: "1.275 kW × PUE 1.2 × $0.08/kWh + $137.5/kW-month rent; paid busy or idle"),
        Parameter(.cwOverheadMonthly, "Other operating costs per month", unit: .dollars, default: 130e6,
                  min: 0, max: 2e9, step: 10e6, confidence: .assumption,
                  source: "assumption: Q3-2025 cash operating costs ≈ $200M/mo less power and rent"),
        Parameter(.cwBuildPerMonth, "Extra GPUs ordered per month beyond the backlog", unit: .gpus, default: 0,
                  min: 0, max: 60_000, step: 500, confidence: .assumption,
                  source: "assumption: CoreWeave builds for its backlog; extra builds are speculative",
                  lever: true),
        Parameter(.cwCapexPerGPU, "All-in capex per new GPU", unit: .dollars, default: 45_000,
                  min: 10_000, max: 120_000, step: 500, confidence: .low,
                  source: "$37.5k per H100 to $52k per GB200"),
        Parameter(.cwLeadTimeMonths, "Build lead time", unit: .months, default: 6,
                  min: 0, max: 24, step: 1, confidence: .assumption,
                  source: "assumption: order to GPU in service; GPUs on order at the start land evenly over it"),
        Parameter(.buildDelayMonths, "Build delay (power, permits)", unit: .months, default: 0,
                  min: 0, max: 24, step: 1, confidence: .assumption,
                  source: "shock: GPUs on order land later", lever: true),
        Parameter(.demandDelayMonths, "Demand delay", unit: .months, default: 0,
                  min: 0, max: 24, step: 1, confidence: .assumption,
                  source: "shock: contracts not yet started slip; GPUs built for them wait idle", lever: true),
        Parameter(.contractsHaircut, "Haircut on customers' contract payments", unit: .fraction, default: 0,
                  min: 0, max: 1, step: 0.05, confidence: .assumption,
                  source: "shock: customers renegotiate what they pay", lever: true),
    ]

    static let debt: [Parameter] = [
        Parameter(.cwLoanToValue, "Loan-to-value on new GPUs", unit: .fraction, default: 0.8,
                  min: 0, max: 1, step: 0.05, confidence: .assumption,
                  source: "assumption: GPU-backed delayed-draw loans"),
        Parameter(.cwNewDebtRate, "Rate on new GPU debt", unit: .fraction, default: 0.11,
                  min: 0, max: 0.30, step: 0.005, confidence: .high, source: "DDTL 2.0 at ~11%; DDTL rates 11–15%"),
        Parameter(.cwNewDebtTermMonths, "Term of new GPU debt", unit: .months, default: 48,
                  min: 12, max: 120, step: 6, confidence: .assumption,
                  source: "assumption: amortised over a typical contract term"),
        Parameter(.cwNewDebtCapacity, "Committed debt undrawn for new GPUs", unit: .dollars, default: 4.6e9,
                  min: 0, max: 100e9, step: 100e6, confidence: .medium,
                  source: "DDTL 2.1 $3.0B (8-K Oct 2025) + DDTL 3.0 $1.6B undrawn of $2.6B (assumption on the draw); "
                      + "beyond it capex is paid in cash or raised while credit is open"),
        Parameter(.ratesShockBps, "Rate shock on floating debt", unit: .basisPoints, default: 0,
                  min: 0, max: 1_000, step: 25, confidence: .assumption,
                  source: "shock: applies to floating facilities and new GPU debt", lever: true),
    ]

    static let vast: [Parameter] = [
        Parameter(.vastDealTotal, "CoreWeave–Vast deal total", unit: .dollars, default: 1.17e9,
                  min: 0, max: 5e9, step: 10e6, confidence: .article, source: "article: $1.17B over 3–5 years"),
        Parameter(.vastDealYears, "Deal term", unit: .years, default: 4,
                  min: 3, max: 5, step: 1, confidence: .article, source: "article: 3–5 years", lever: true),
        Parameter(.vastDealUsageLinked, "Deal paid per GPU-hour used (1) or flat (0)", unit: .count, default: 0,
                  min: 0, max: 1, step: 1, confidence: .assumption,
                  source: "assumption: billing mode of the storage deal; per-hour rate sized on the opening "
                      + "fleet at 75% utilization", lever: true),
        Parameter(.vastRenegotiateMonth, "Deal renegotiated at month (0 = never)", unit: .months, default: 0,
                  min: 0, max: 120, step: 1, confidence: .assumption, source: "shock", lever: true),
        Parameter(.vastRenegotiateShare, "Share of remaining deal kept after renegotiation", unit: .fraction,
                  default: 0.5, min: 0, max: 1.5, step: 0.05, confidence: .assumption,
                  source: "shock: applied once, to what is left at the renegotiation month", lever: true),
        Parameter(.vastRenegotiateTermMonths, "Term after renegotiation (0 = the remaining term)",
                  unit: .months, default: 0, min: 0, max: 60, step: 1, confidence: .assumption, source: "shock"),
        Parameter(.vastBaseARR, "Vast base ARR", unit: .dollars, default: 200e6,
                  min: 0, max: 5e9, step: 10e6, confidence: .article, source: "article: ~$200M ARR"),
        Parameter(.vastBaseARRHigh, "Vast base revenue, article's upper figure", unit: .dollars, default: 250e6,
                  min: 0, max: 5e9, step: 10e6, confidence: .article,
                  source: "article: deal is 20–30% of near-term revenue on a $200–250M base"),
        Parameter(.vastArrGrowth, "Vast base ARR growth per year", unit: .fraction, default: 0.5,
                  min: -0.5, max: 3, step: 0.05, confidence: .assumption,
                  source: "assumption: not in the article", lever: true),
        Parameter(.vastGrossMargin, "Vast gross margin", unit: .fraction, default: 0.8,
                  min: 0, max: 1, step: 0.01, confidence: .assumption,
                  source: "assumption: typical for storage software"),
        Parameter(.vastFixedMonthly, "Vast fixed costs per month at start", unit: .dollars, default: 25e6,
                  min: 0, max: 1e9, step: 1e6, confidence: .assumption,
                  source: "assumption: staff and R&D, not disclosed; the base business alone does not cover "
                      + "them at the start, base plus deal does"),
        Parameter(.vastCostGrowth, "Vast fixed-cost growth per year", unit: .fraction, default: 0.30,
                  min: 0, max: 3, step: 0.05, confidence: .assumption,
                  source: "assumption: hiring to serve growth"),
        Parameter(.vastCash, "Vast cash at start", unit: .dollars, default: 1.0e9,
                  min: 0, max: 20e9, step: 50e6, confidence: .assumption, source: "assumption: not disclosed"),
        Parameter(.vastMultiple, "Vast valuation ÷ ARR", unit: .multiple, default: 150,
                  min: 1, max: 300, step: 5, confidence: .article,
                  source: "article: ~$30B on ~$200M ARR", lever: true),
        Parameter(.vastTerminalMultiple, "Vast valuation ÷ ARR it tends to", unit: .multiple, default: 20,
                  min: 1, max: 300, step: 5, confidence: .assumption,
                  source: "assumption: fast-growing public software trades near 10–25× revenue; a 150× multiple "
                      + "cannot hold while ARR compounds"),
        Parameter(.vastMultipleHalfLifeMonths, "Months for Vast's multiple to close half the gap", unit: .months,
                  default: 24, min: 1, max: 120, step: 1, confidence: .assumption,
                  source: "assumption: the premium halves every two years; 120 keeps it near the article's 150×"),
        Parameter(.vastEquityRaise, "New equity for Vast", unit: .dollars, default: 0,
                  min: 0, max: 20e9, step: 50e6, confidence: .assumption,
                  source: "none assumed: runway counts no new financing"),
        Parameter(.vastEquityRaiseMonth, "Month of Vast's equity raise", unit: .months, default: 0,
                  min: 0, max: 120, step: 1, confidence: .assumption, source: "shock"),
        Parameter(.vastNvidiaShareOfRaise, "NVIDIA's share of Vast's raise", unit: .fraction, default: 0,
                  min: 0, max: 1, step: 0.05, confidence: .assumption,
                  source: "article: NVIDIA may invest in Vast too"),
    ]

    static let nvidia: [Parameter] = [
        Parameter(.nvidiaStake, "NVIDIA's stake in CoreWeave", unit: .fraction, default: 0.07,
                  min: 0, max: 0.5, step: 0.01, confidence: .high, source: "filings: ≈ 7%"),
        Parameter(.nvidiaCapexShare, "NVIDIA's share of CoreWeave's capex", unit: .fraction, default: 0.70,
                  min: 0, max: 1, step: 0.05, confidence: .low, source: "≈ 70% of capex is NVIDIA's"),
        Parameter(.nvidiaBackstop, "NVIDIA backstop buys unused capacity (1 on)", unit: .count, default: 0,
                  min: 0, max: 1, step: 1, confidence: .high,
                  source: "filings: buys residual unused capacity, up to $6.3B through 2032; off by default so idle GPUs show on CoreWeave, switch on to see NVIDIA absorb them",
                  lever: true),
        Parameter(.nvidiaBackstopTotal, "NVIDIA backstop ceiling", unit: .dollars, default: 6.3e9,
                  min: 0, max: 20e9, step: 100e6, confidence: .high, source: "filings: $6.3B through 2032"),
        Parameter(.cwValueMultiple, "CoreWeave equity ÷ annual revenue", unit: .multiple, default: 10,
                  min: 1, max: 50, step: 1, confidence: .assumption,
                  source: "assumption: values NVIDIA's stake"),
        Parameter(.nvidiaMonthlyRevenue, "NVIDIA revenue per month", unit: .dollars, default: 19e9,
                  min: 1e9, max: 100e9, step: 1e9, confidence: .high,
                  source: "filings: $57.0B in the quarter to Oct 2025; for NVIDIA's concentration"),
    ]

    static let stall: [Parameter] = [
        Parameter(.stallClusterGPUs, "Cluster size", unit: .gpus, default: 512,
                  min: 8, max: 100_000, step: 8, confidence: .article, source: "article: 512-GPU cluster"),
        Parameter(.stallGbPerSecPerGPU, "Peak read per GPU", unit: .gbPerSecond, default: 7,
                  min: 0.1, max: 100, step: 0.5, confidence: .article, source: "article: 7 GB/s per GPU"),
        Parameter(.stallGpuHourPrice, "Stall price per GPU-hour", unit: .dollarsPerHour, default: 6.155,
                  min: 0.5, max: 20, step: 0.05, confidence: .medium, source: "CoreWeave H100 list price"),
        Parameter(.stallCostLow, "Article's stall cost, low", unit: .dollars, default: 30_000,
                  min: 0, max: 10e6, step: 1_000, confidence: .article, source: "article: $30k–$50k"),
        Parameter(.stallCostHigh, "Article's stall cost, high", unit: .dollars, default: 50_000,
                  min: 0, max: 10e6, step: 1_000, confidence: .article, source: "article: $30k–$50k"),
        Parameter(.stallRecallTB, "Cold-tier recall size", unit: .terabytes, default: 200,
                  min: 1, max: 10_000, step: 10, confidence: .assumption,
                  source: "assumption: a checkpoint plus a dataset shard"),
        Parameter(.stallDeliveredGBps, "Cold-tier bandwidth delivered", unit: .gbPerSecond, default: 100,
                  min: 1, max: 100_000, step: 10, confidence: .assumption,
                  source: "assumption: object tier, not all-flash"),
        Parameter(.stallRecallsPerMonth, "Cold recalls per month", unit: .count, default: 4,
                  min: 0, max: 100, step: 1, confidence: .assumption, source: "assumption: not in the article"),
    ]

    /// Figures the fact check compares with the article's claims.
    static let history: [Parameter] = [
        Parameter(.cwRevenue2023, "CoreWeave revenue 2023", unit: .dollars, default: 228.9e6,
                  min: 1e6, max: 100e9, step: 1e6, confidence: .high, source: "filings: $228.9M"),
        Parameter(.cwRevenue2024, "CoreWeave revenue 2024", unit: .dollars, default: 1.9e9,
                  min: 1e6, max: 100e9, step: 10e6, confidence: .article,
                  source: "article: $1.9B (filings: $1,915M)"),
        Parameter(.cwDebtRaise, "The debt raise the article cites", unit: .dollars, default: 7.5e9,
                  min: 0, max: 100e9, step: 100e6, confidence: .article,
                  source: "article: $7.5B; filings: the DDTL 2.0 facility of May 2024"),
        Parameter(.vastValuation2023, "Vast valuation 2023", unit: .dollars, default: 9.1e9,
                  min: 0, max: 500e9, step: 100e6, confidence: .article, source: "article: $9.1B (2023)"),
        Parameter(.vastValuation2025, "Vast valuation 2025", unit: .dollars, default: 30e9,
                  min: 0, max: 500e9, step: 1e9, confidence: .article, source: "article: ~$30B (2025)"),
    ]

    private static let byID: [ParameterID: Parameter] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The parameter with this id, or nil.
    public static func parameter(_ id: ParameterID) -> Parameter? { byID[id] }

    /// The parameter `text` names, or `.unknown` with the closest id.
    public static func parameter(validating text: String) throws(ParameterError) -> Parameter {
        let id = try ParameterID(validating: text)
        guard let p = byID[id] else { preconditionFailure("validated id \(id) has no parameter") }
        return p
    }

    /// The parameters offered as dashboard levers, in display order.
    public static var levers: [Parameter] { all.filter(\.isLever) }
}
