/// A customer's take-or-pay contract with CoreWeave, spread evenly over its term. The
/// engine reserves `value ÷ term ÷ 730 h ÷ cw.contractRate` GPUs for it while it runs.
public struct Contract: Sendable, Equatable {
    public var customer: Node
    public var value: Double
    /// First month of payments, as a calendar month.
    public var start: YearMonth
    public var termMonths: Int
    public init(customer: Node, value: Double, start: YearMonth, termMonths: Int) {
        self.customer = customer; self.value = value; self.start = start; self.termMonths = termMonths
    }
}

/// A debt facility of CoreWeave's: balance, rate, maturity, and whether the rate floats.
public struct DebtFacility: Sendable, Equatable {
    public var name: String
    public var balance: Double
    /// Annual rate as a fraction (0.11 = 11%).
    public var rate: Double
    public var maturity: YearMonth
    /// Floating-rate facilities take the rate shock.
    public var floating: Bool
    /// Amortising (principal paid monthly to maturity) or bullet (all at maturity).
    public var amortizing: Bool
    public init(name: String, balance: Double, rate: Double, maturity: YearMonth, floating: Bool, amortizing: Bool) {
        self.name = name; self.balance = balance; self.rate = rate; self.maturity = maturity
        self.floating = floating; self.amortizing = amortizing
    }
}

/// A complete starting point: parameter values, opening balances, contracts, facilities.
/// Vast's opening cash and CoreWeave's opening fleet are the parameters `vast.cash` and
/// `cw.gpus`.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var title: String
    public var start: YearMonth
    public var horizon: Int
    public var parameters: ParameterValues
    /// CoreWeave's cash at the start.
    public var coreweaveCash: Double
    public var contracts: [Contract]
    public var facilities: [DebtFacility]
    /// Up to nine presentation scenes (see `Scene`).
    public var scenes: [Scene]
    /// A saved what-if: lever changes dated from a month on, applied over `parameters`.
    public var changes: [LeverChange]
    /// What a Monte Carlo run samples (see `Uncertainty`); empty for plain values.
    public var uncertainty: Uncertainty
    /// Where the file's sourced figures come from, by figure: `coreweave.cash` for the
    /// opening cash, `facilities.N.balance` for a facility's balance, a parameter id
    /// (`vast.cash`, `nvidia.monthlyRevenue`) for a parameter written `{value, source,
    /// date}`. A figure not here has its registry source.
    public var sources: [String: SourceNote]
    /// The date the opening figures describe (`asOf:`, set by `scenario update --from-filings`).
    public var asOf: String?
    public init(name: String, title: String, start: YearMonth, horizon: Int, parameters: ParameterValues,
                coreweaveCash: Double, contracts: [Contract], facilities: [DebtFacility], scenes: [Scene] = [],
                changes: [LeverChange] = [], uncertainty: Uncertainty = Uncertainty(),
                sources: [String: SourceNote] = [:], asOf: String? = nil)
    {
        self.name = name; self.title = title; self.start = start; self.horizon = horizon
        self.parameters = parameters; self.coreweaveCash = coreweaveCash
        self.contracts = contracts; self.facilities = facilities; self.scenes = scenes; self.changes = changes
        self.uncertainty = uncertainty; self.sources = sources; self.asOf = asOf
    }

    /// The key of CoreWeave's opening cash in `sources`.
    public static let coreweaveCashKey = "coreweave.cash"

    /// The key of the opening balance of facility `index` (in file order) in `sources`.
    public static func facilityBalanceKey(_ index: Int) -> String { "facilities.\(index).balance" }

    /// The horizon used when a scenario does not set one (the deal's 3–5 years).
    public static let defaultHorizon = 60

    /// The longest horizon the engine runs.
    public static let maxHorizon = 120
}
