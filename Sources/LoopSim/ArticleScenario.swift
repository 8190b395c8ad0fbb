extension Scenario {
    /// The default scenario `article-2025`: the article's figures (November 2025) with the
    /// filings' balances where the article gives none, all as of one date, 30 September
    /// 2025 (the last quarter filed before the start). Also shipped as
    /// `scenarios/article-2025.yaml` (a test keeps the two identical; the sources are
    /// in its comments).
    ///
    /// Contracts (H unless noted): OpenAI $11.9B + $4.0B + $6.5B = $22.4B; Meta $14.2B to
    /// 2031-12; Microsoft, the largest customer (62% of 2024 revenue, 67% of 2025), $17.4B
    /// over 2025–2029 sized to its 2025 revenue (assumption on value and term); "other
    /// customers" the rest of the $55.6B Q3-2025 backlog (assumption). Debt: the filed
    /// $14,205.3M total principal at 30 Sep 2025 (Q3-2025 10-Q) by facility with filed
    /// maturities and rates; the split between DDTL 1.0, 2.0, 3.0 and OEM is an assumption.
    public static let article2025 = Scenario(
        name: "article-2025",
        title: "The CoreWeave–Vast deal as announced, November 2025",
        start: YearMonth(year: 2025, month: 11),
        horizon: 60,
        parameters: .defaults,
        coreweaveCash: 1.9e9,
        contracts: [
            Contract(customer: .microsoft, value: 17.4e9, start: YearMonth(year: 2025, month: 1), termMonths: 60),
            Contract(customer: .openai, value: 11.9e9, start: YearMonth(year: 2025, month: 4), termMonths: 60),
            Contract(customer: .openai, value: 4.0e9, start: YearMonth(year: 2025, month: 6), termMonths: 55),
            Contract(customer: .openai, value: 6.5e9, start: YearMonth(year: 2026, month: 1), termMonths: 48),
            Contract(customer: .meta, value: 14.2e9, start: YearMonth(year: 2025, month: 10), termMonths: 75),
            Contract(customer: .otherCustomers, value: 5.7e9, start: YearMonth(year: 2026, month: 3), termMonths: 60),
        ],
        facilities: [
            DebtFacility(name: "DDTL 1.0", balance: 1.66e9, rate: 0.15, maturity: YearMonth(year: 2028, month: 3),
                         floating: true, amortizing: true),
            DebtFacility(name: "DDTL 2.0", balance: 5.0e9, rate: 0.11, maturity: YearMonth(year: 2029, month: 5),
                         floating: true, amortizing: true),
            DebtFacility(name: "DDTL 3.0", balance: 1.0e9, rate: 0.083, maturity: YearMonth(year: 2030, month: 8),
                         floating: true, amortizing: true),
            DebtFacility(name: "OEM financing", balance: 2.530602e9, rate: 0.095, maturity: YearMonth(year: 2028, month: 5),
                         floating: false, amortizing: true),
            DebtFacility(name: "Magnetar loan", balance: 264.666e6, rate: 0.12, maturity: YearMonth(year: 2029, month: 1),
                         floating: false, amortizing: false),
            DebtFacility(name: "Senior notes 2030", balance: 2.0e9, rate: 0.0925,
                         maturity: YearMonth(year: 2030, month: 6), floating: false, amortizing: false),
            DebtFacility(name: "Senior notes 2031", balance: 1.75e9, rate: 0.09,
                         maturity: YearMonth(year: 2031, month: 2), floating: false, amortizing: false),
        ],
        scenes: [
            Scene(name: "As announced", caption: "The deal as the article tells it: who runs out first?"),
            Scene(name: "The 90% promise", caption: "75% → 90% utilization: +20% only on usage-billed hours",
                  levers: [SceneLever(id: .cwUtilization, value: 0.9)]),
            Scene(name: "Article framing", caption: "If 30% of the fleet were usage-billed, utilization would matter",
                  levers: [SceneLever(id: .cwUsageShare, value: 0.3)]),
            Scene(name: "Demand arrives late", caption: "Contracts slip 9 months; the GPUs built for them wait idle",
                  month: 12, levers: [SceneLever(id: .demandDelayMonths, value: 9)]),
            Scene(name: "Price war and rate shock", caption: "Usage prices fall 35% a year; floating debt +200 bp",
                  levers: [SceneLever(id: .priceDeclinePerYear, value: 0.35),
                           SceneLever(id: .ratesShockBps, value: 200)]),
            Scene(name: "Deal halved", caption: "CoreWeave renegotiates Vast's deal to half at month 12",
                  month: 12, levers: [SceneLever(id: .vastRenegotiateMonth, value: 12),
                                      SceneLever(id: .vastRenegotiateShare, value: 0.5)]),
            Scene(name: "Markets close", caption: "No rollovers, no raises: only cash and the committed revolver",
                  levers: [SceneLever(id: .creditWindow, value: 0)]),
        ],
        uncertainty: .article2025,
        sources: article2025DebtSources,
        asOf: "2025-09-30"
    )
}
