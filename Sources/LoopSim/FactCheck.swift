/// Whether a claim of the article holds against the model.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case agrees, disagrees
    /// True when said, but about an earlier time than the article implies.
    case dated
}

/// One of the article's claims beside what the model computes from the same inputs.
public struct Claim: Sendable, Equatable, Identifiable {
    /// Stable id (`vast-share`, `stall-cost`, …).
    public var id: String
    /// The claim, in a sentence.
    public var claim: String
    /// The article's figure as the article puts it ("20–30%").
    public var article: String
    /// The model's headline number for the claim (a ratio, hours, dollars, months).
    public var computed: Double
    /// The computed figures, as a person reads them.
    public var display: String
    public var verdict: Verdict
    /// Why, with the arithmetic.
    public var explanation: String
}

/// The fact check (DESIGN §3): the article's claims recomputed live. Every number comes
/// from the registry, the scenario or the engine; change a parameter and the check
/// changes with it.
public enum FactCheck {
    /// The claim ids, in display order.
    public static let ids = ["vast-share", "utilization-uplift", "stall-cost", "revenue-growth", "openai-total",
                             "vast-multiple", "fleet-throughput", "revenue-per-gpu", "debt-raise-year", "headline"]

    /// Data centres the article counts (A: "250,000 GPUs in 32 data centres").
    public static let dataCentres = 32.0
    /// When the $7.5B the article cites was raised (H: the DDTL 2.0 facility, May 2024).
    public static let debtRaiseDate = YearMonth(year: 2024, month: 5)

    /// Every claim for `scenario` with the values `values` (the scenario's when nil).
    public static func run(_ scenario: Scenario, values: ParameterValues? = nil) -> [Claim] {
        let p = values ?? scenario.parameters
        return [vastShare(p), utilizationUplift(scenario, p), stallCost(p), revenueGrowth(p),
                openaiTotal(scenario), vastMultiple(scenario, p), fleetThroughput(p),
                revenuePerGPU(scenario, p), debtRaiseYear(scenario, p), headline(scenario, p)]
    }

    /// a ÷ b, or 0 when b is 0 (a ratio of nothing is shown as nothing).
    static func ratio(_ a: Double, _ b: Double) -> Double { b != 0 && a.isFinite && b.isFinite ? a / b : 0 }

    static func pct(_ v: Double) -> String { Format.percent(v, digits: 0) }

    static func vastShare(_ p: ParameterValues) -> Claim {
        let years = p[.vastDealYears]
        let perYear = ratio(p[.vastDealTotal], years)
        let low = p[.vastBaseARR], high = p[.vastBaseARRHigh]
        let ofBase = [ratio(perYear, high), ratio(perYear, low)].sorted()
        let ofAll = [ratio(perYear, high + perYear), ratio(perYear, low + perYear)].sorted()
        let overlaps = { (r: [Double]) in r[1] >= 0.20 - 1e-9 && r[0] <= 0.30 + 1e-9 }
        let agrees = overlaps(ofBase) || overlaps(ofAll)
        return Claim(
            id: "vast-share", claim: "The Vast deal is 20–30% of Vast's near-term revenue",
            article: "20–30% of a $200–250M base", computed: ofAll[1],
            display: "\(pct(ofAll[0]))–\(pct(ofAll[1])) of Vast's revenue; "
                + "\(pct(ofBase[0]))–\(pct(ofBase[1])) the size of its base",
            verdict: agrees ? .agrees : .disagrees,
            explanation: "\(Format.dollars(p[.vastDealTotal], digits: 2)) over \(Int(years)) years is "
                + "\(Format.dollars(perYear)) a year: with a \(Format.dollars(low))–\(Format.dollars(high)) base "
                + "that is \(pct(ofAll[0]))–\(pct(ofAll[1])) of Vast's revenue (base plus deal); the deal alone "
                + "is \(pct(ofBase[0]))–\(pct(ofBase[1])) as large as the base")
    }

    static func utilizationUplift(_ scenario: Scenario, _ p: ParameterValues) -> Claim {
        let param = ParameterRegistry.parameter(.cwUtilization)
        let from = param?.defaultValue ?? 0.75, to = param?.target ?? 0.90
        func month0(_ u: Double) -> MonthSnapshot {
            var v = p
            v.setClamped(.cwUtilization, u)
            return Engine.project(scenario, schedule: LeverSchedule(base: v), months: 1).months[0]
        }
        let a = month0(from).coreweave, b = month0(to).coreweave
        let onUsage = ratio(b.usageRevenue, a.usageRevenue) - (a.usageRevenue > 0 ? 1 : 0)
        let onRevenue = ratio(b.committedRevenue + b.usageRevenue, a.committedRevenue + a.usageRevenue)
            - (a.revenue > 0 ? 1 : 0)
        let usageShare = ratio(a.usageRevenue, a.committedRevenue + a.usageRevenue)
        let claimed = ratio(to, from) - 1
        return Claim(
            id: "utilization-uplift", claim: "Raising utilization from 75% to 90% raises revenue by 20%",
            article: "~75% → ~90%", computed: onRevenue,
            display: "+\(Format.percent(onUsage, digits: 1)) on usage-billed hours; "
                + "+\(Format.percent(onRevenue, digits: 1)) on revenue",
            verdict: abs(onRevenue - claimed) <= 0.01 ? .agrees : .disagrees,
            explanation: "\(pct(to)) ÷ \(pct(from)) = +\(Format.percent(claimed, digits: 0)) applies only to "
                + "usage-billed hours, \(Format.percent(usageShare, digits: 1)) of month-0 revenue; take-or-pay "
                + "contracts pay the same at any utilization")
    }

    static func stallCost(_ p: ParameterValues) -> Claim {
        let s = StallCost(p)
        let inRange = s.stallCost >= s.costLow && s.stallCost <= s.costHigh
        let h = { (v: Double) in Format.fixed(v, 1) }
        return Claim(
            id: "stall-cost", claim: "A stall of a 512-GPU cluster costs $30k–$50k",
            article: "\(Format.dollars(s.costLow, digits: 0))–\(Format.dollars(s.costHigh, digits: 0))",
            computed: s.lowHours,
            display: "\(h(s.lowHours))–\(h(s.highHours)) h of stall; a \(Format.fixed(s.recallTB, 0)) TB recall "
                + "stalls \(h(s.stallHours)) h (\(Format.dollars(s.stallCost)))",
            verdict: inRange ? .agrees : .disagrees,
            explanation: "at \(Format.parameterValue(s.gpuHourPrice, unit: .dollarsPerHour)) × "
                + "\(Format.grouped(s.clusterGPUs)) GPUs = \(Format.dollars(s.clusterDollarsPerHour)) an hour, "
                + "\(Format.dollars(s.costLow, digits: 0))–\(Format.dollars(s.costHigh, digits: 0)) is "
                + "\(h(s.lowHours))–\(h(s.highHours)) hours idle; a \(Format.fixed(s.recallTB, 0)) TB recall at "
                + "\(Format.fixed(s.deliveredGBps, 0)) GB/s takes \(h(s.stallHours)) h")
    }

    static func revenueGrowth(_ p: ParameterValues) -> Claim {
        let growth = ratio(p[.cwRevenue2024], p[.cwRevenue2023])
        return Claim(
            id: "revenue-growth", claim: "CoreWeave's 2024 revenue of $1.9B was 8× the year before",
            article: "8×", computed: growth, display: "\(Format.fixed(growth, 1))×",
            verdict: (7.5..<8.5).contains(growth) ? .agrees : .disagrees,
            explanation: "\(Format.dollars(p[.cwRevenue2024])) ÷ \(Format.dollars(p[.cwRevenue2023])) = "
                + "\(Format.fixed(growth, 2))×")
    }

    static func openaiTotal(_ scenario: Scenario) -> Claim {
        let openai = scenario.contracts.filter { $0.customer == .openai }
        let total = openai.reduce(0) { $0 + $1.value }
        let parts = openai.map { Format.dollars($0.value) }.joined(separator: " + ")
        return Claim(
            id: "openai-total", claim: "OpenAI's contracts with CoreWeave total more than $22B",
            article: "> $22B", computed: total, display: Format.dollars(total),
            verdict: total > 22e9 ? .agrees : .disagrees,
            explanation: openai.isEmpty ? "the scenario has no OpenAI contract"
                : "\(parts) = \(Format.dollars(total)) in \(openai.count) contracts")
    }

    static func vastMultiple(_ scenario: Scenario, _ p: ParameterValues) -> Claim {
        let implied = ratio(p[.vastValuation2025], p[.vastBaseARR])
        let first = Engine.project(scenario, schedule: LeverSchedule(base: p), months: 1).months[0].vast
        let rise = ratio(p[.vastValuation2025], p[.vastValuation2023])
        let modelled = ratio(first.valuation, p[.vastValuation2025])
        return Claim(
            id: "vast-multiple", claim: "Vast is valued at ~$30B on ~$200M of ARR",
            article: "$30B ÷ $200M", computed: first.valuation,
            display: "model's month-0 valuation \(Format.dollars(first.valuation)) "
                + "(\(Format.fixed(modelled, 1))× the article's \(Format.dollars(p[.vastValuation2025])))",
            verdict: abs(modelled - 1) <= 0.10 ? .agrees : .disagrees,
            explanation: "the article's figures imply \(Format.fixed(implied, 0))× base ARR; the model applies "
                + "\(Format.fixed(first.multiple, 0))× to a run rate that counts the deal, "
                + "\(Format.dollars(first.arr)), so it values Vast at \(Format.dollars(first.valuation)); the "
                + "multiple then moves toward \(Format.fixed(p[.vastTerminalMultiple], 0))× (half the gap every "
                + "\(Int(p[.vastMultipleHalfLifeMonths])) months); \(Format.fixed(rise, 1))× the 2023 valuation")
    }

    static func fleetThroughput(_ p: ParameterValues) -> Claim {
        let fleet = p[.cwGpusEnd2024]
        let gbps = fleet * p[.stallGbPerSecPerGPU]
        let perSite = ratio(gbps, dataCentres)
        let grown = ratio(p[.cwGpus], fleet)
        return Claim(
            id: "fleet-throughput", claim: "250,000 GPUs each reading up to 7 GB/s",
            article: "250,000 × 7 GB/s", computed: gbps,
            display: "\(Format.fixed(gbps / 1e6, 2)) PB/s fleet-wide; \(Format.fixed(perSite / 1e3, 1)) TB/s per site",
            verdict: abs(grown - 1) <= 0.05 ? .agrees : .dated,
            explanation: "\(Format.grouped(fleet)) × \(Format.fixed(p[.stallGbPerSecPerGPU], 1)) GB/s = "
                + "\(Format.grouped(gbps)) GB/s, over \(Int(dataCentres)) data centres "
                + "\(Format.fixed(perSite / 1e3, 1)) TB/s each, if every GPU read at peak at once; 250,000 is the "
                + "end-2024 count, and the model opens with \(Format.grouped(p[.cwGpus])) GPUs "
                + "(\(Format.fixed(grown, 2))×)")
    }

    static func revenuePerGPU(_ scenario: Scenario, _ p: ParameterValues) -> Claim {
        let articleFigure = ratio(p[.cwRevenue2024], p[.cwGpusEnd2024])
        let first = Engine.project(scenario, schedule: LeverSchedule(base: p), months: 1).months[0].coreweave
        let model = ratio(first.annualRevenue, first.gpusInService)
        let perHour = { (v: Double) in Format.parameterValue(v / Engine.hoursPerMonth / 12, unit: .dollarsPerHour) }
        let gap = ratio(model, articleFigure)
        return Claim(
            id: "revenue-per-gpu", claim: "$1.9B of revenue on 250,000 GPUs",
            article: "\(Format.dollars(articleFigure)) per GPU-year", computed: model,
            display: "\(Format.dollars(model)) per GPU-year (\(perHour(model))) vs \(Format.dollars(articleFigure)) "
                + "(\(perHour(articleFigure)))",
            verdict: abs(gap - 1) <= 0.25 ? .agrees : .dated,
            explanation: "the article sets 2024 revenue against the end-2024 fleet of "
                + "\(Format.grouped(p[.cwGpusEnd2024])) GPUs, most of which arrived during the year; the model's "
                + "month-0 run rate is \(Format.dollars(first.annualRevenue)) a year on "
                + "\(Format.grouped(first.gpusInService)) GPUs, \(Format.fixed(gap, 2))× the article's figure")
    }

    static func debtRaiseYear(_ scenario: Scenario, _ p: ParameterValues) -> Claim {
        let age = scenario.start.months(since: debtRaiseDate)
        return Claim(
            id: "debt-raise-year", claim: "CoreWeave raised $7.5B of debt",
            article: Format.dollars(p[.cwDebtRaise]), computed: Double(age),
            display: "\(debtRaiseDate.shortLabel): \(age) months before \(scenario.start.shortLabel)",
            verdict: age > 12 ? .dated : .agrees,
            explanation: "the \(Format.dollars(p[.cwDebtRaise])) facility (DDTL 2.0) closed in May 2024, "
                + "\(age) months before the scenario starts; debt has grown since")
    }

    /// This tool's own default headline, computed both ways: with the financing the
    /// credit window allows, and with markets closed.
    static func headline(_ scenario: Scenario, _ p: ParameterValues) -> Claim {
        let h = Headline(Engine.project(scenario, schedule: LeverSchedule(base: p)), month: 0)
        let closed = h.coreweaveRunwayIfClosed
        return Claim(
            id: "headline", claim: "CoreWeave runs out of cash (the default headline)",
            article: closed.map { "out \(h.calendar($0).shortLabel) if markets close" } ?? "—",
            computed: Double(h.coreweaveRunway ?? h.horizon + 1),
            display: (h.coreweaveRunway.map { "out \(h.calendar($0).shortLabel) even with financing" }
                ?? h.needText(.coreweave)) + "; " + h.closedText(.coreweave),
            verdict: h.coreweaveRunway != nil ? .agrees : .disagrees,
            explanation: h.explanation)
    }
}
