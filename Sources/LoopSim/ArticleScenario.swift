extension Scenario {
    /// The default scenario `article-2025`: the article's figures (November 2025) with the
    /// filings' balances where the article gives none. Also shipped as
    /// `scenarios/article-2025.yaml` (a test keeps the two identical).
    ///
    /// Contracts (H unless noted): OpenAI $11.9B + $4.0B + $6.5B = $22.4B over 2025–2030;
    /// Meta $14.2B from 2025-10 to 2031-12; Microsoft, 62% of 2024 revenue, $10B over
    /// 2024–2029 (assumption on the split); "other customers" is the rest of the $55.6B
    /// Q3-2025 backlog: $13.4B from 2026-03 over five years (assumption). Debt (H, end-2025):
    /// ≈ $21.4B at a blended ≈ 10%: DDTL 1.0 15% to 2028, DDTL 2.0 11% to 2029, notes 9–10%
    /// to 2030–31; the split between them is an assumption.
    public static let article2025 = Scenario(
        name: "article-2025",
        title: "The CoreWeave–Vast deal as announced, November 2025",
        start: YearMonth(year: 2025, month: 11),
        horizon: 60,
        parameters: .defaults,
        coreweaveCash: 4.2e9,
        contracts: [
            Contract(customer: .microsoft, value: 10.0e9, start: YearMonth(year: 2024, month: 1), termMonths: 72),
            Contract(customer: .openai, value: 11.9e9, start: YearMonth(year: 2025, month: 4), termMonths: 60),
            Contract(customer: .openai, value: 4.0e9, start: YearMonth(year: 2025, month: 6), termMonths: 55),
            Contract(customer: .openai, value: 6.5e9, start: YearMonth(year: 2026, month: 1), termMonths: 48),
            Contract(customer: .meta, value: 14.2e9, start: YearMonth(year: 2025, month: 10), termMonths: 75),
            Contract(customer: .otherCustomers, value: 13.4e9, start: YearMonth(year: 2026, month: 3), termMonths: 60),
        ],
        facilities: [
            DebtFacility(name: "DDTL 1.0", balance: 2.0e9, rate: 0.15, maturity: YearMonth(year: 2028, month: 3),
                         floating: true, amortizing: true),
            DebtFacility(name: "DDTL 2.0", balance: 7.4e9, rate: 0.11, maturity: YearMonth(year: 2029, month: 6),
                         floating: true, amortizing: true),
            DebtFacility(name: "Other secured and OEM financing", balance: 8.25e9, rate: 0.10,
                         maturity: YearMonth(year: 2030, month: 12), floating: true, amortizing: true),
            DebtFacility(name: "Senior notes 2030", balance: 2.0e9, rate: 0.0925,
                         maturity: YearMonth(year: 2030, month: 5), floating: false, amortizing: false),
            DebtFacility(name: "Senior notes 2031", balance: 1.75e9, rate: 0.09,
                         maturity: YearMonth(year: 2031, month: 7), floating: false, amortizing: false),
        ],
        scenes: [
            Scene(name: "As announced", caption: "The deal as the article tells it: who runs out first?"),
            Scene(name: "The 90% promise", caption: "75% → 90% utilization: +20% only on usage-billed hours",
                  levers: [SceneLever(id: "cw.utilization", value: 0.9)]),
            Scene(name: "Article framing", caption: "If 30% of the fleet were usage-billed, utilization would matter",
                  levers: [SceneLever(id: "cw.usageShare", value: 0.3)]),
            Scene(name: "Demand arrives late", caption: "Contracts slip 9 months; the GPUs built for them wait idle",
                  month: 12, levers: [SceneLever(id: "demand.delayMonths", value: 9)]),
            Scene(name: "Price war and rate shock", caption: "Usage prices fall 35% a year; floating debt +200 bp",
                  levers: [SceneLever(id: "price.declinePerYear", value: 0.35),
                           SceneLever(id: "rates.shockBps", value: 200)]),
            Scene(name: "Deal halved", caption: "CoreWeave renegotiates Vast's deal to half at month 12",
                  month: 12, levers: [SceneLever(id: "vast.renegotiateMonth", value: 12),
                                      SceneLever(id: "vast.renegotiateShare", value: 0.5)]),
        ],
        uncertainty: .article2025
    )
}
