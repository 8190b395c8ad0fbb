extension Scenario {
    /// The default scenario `article-2025`: the article's figures (November 2025) with the
    /// filings' balances where the article gives none. Also shipped as
    /// `scenarios/article-2025.yaml`.
    public static let article2025 = Scenario(
        name: "article-2025",
        title: "The CoreWeave–Vast deal as announced, November 2025",
        start: YearMonth(year: 2025, month: 11),
        horizon: 60,
        parameters: .defaults,
        coreweaveCash: 4.2e9,
        contracts: [
            Contract(customer: .microsoft, value: 10.0e9, start: YearMonth(year: 2024, month: 1), termMonths: 48),
            Contract(customer: .openai, value: 11.9e9, start: YearMonth(year: 2025, month: 3), termMonths: 60),
            Contract(customer: .openai, value: 4.0e9, start: YearMonth(year: 2025, month: 6), termMonths: 55),
            Contract(customer: .openai, value: 6.5e9, start: YearMonth(year: 2026, month: 1), termMonths: 48),
            Contract(customer: .meta, value: 14.2e9, start: YearMonth(year: 2025, month: 10), termMonths: 75),
            Contract(customer: .otherCustomers, value: 9.0e9, start: YearMonth(year: 2026, month: 3), termMonths: 48),
        ],
        facilities: [
            DebtFacility(name: "DDTL 1.0", balance: 6.0e9, rate: 0.15, maturity: YearMonth(year: 2028, month: 3),
                         floating: true, amortizing: true),
            DebtFacility(name: "DDTL 2.0", balance: 7.4e9, rate: 0.11, maturity: YearMonth(year: 2029, month: 6),
                         floating: true, amortizing: true),
            DebtFacility(name: "Senior notes 2030", balance: 4.0e9, rate: 0.09, maturity: YearMonth(year: 2030, month: 6),
                         floating: false, amortizing: false),
            DebtFacility(name: "Senior notes 2031", balance: 4.0e9, rate: 0.10, maturity: YearMonth(year: 2031, month: 6),
                         floating: false, amortizing: false),
        ]
    )
}
