/// What the engine tells the financing component about one entity's month (dollars;
/// flows per month).
public struct FinancingInput: Sendable, Equatable {
    public var month: Int
    /// Cash after this month's operating and scheduled flows, before financing.
    public var cashBefore: Double
    /// Operating cash earnings this month (revenue less operating costs).
    public var ebitda: Double
    /// Interest the engine paid this month on the entity's own scheduled debt.
    public var scheduledInterest: Double
    /// Principal of the entity's scheduled debt that fell due this month (refinanced while credit is open).
    public var principalDue: Double
    /// The entity's scheduled debt outstanding after this month's payments.
    public var debtOutstanding: Double
    /// Book value of what secures the debt (the GPU fleet; see `GPUFleetBook`).
    public var collateralValue: Double
    /// The lever `credit.window`: 1 open … 0 closed.
    public var creditWindow: Double
    /// Annual fraction added to floating rates.
    public var rateShock: Double
    /// Value of the entity's equity before a raise (0: unknown, dilution not computed).
    public var equityValue: Double

    public init(month: Int, cashBefore: Double, ebitda: Double = 0, scheduledInterest: Double = 0,
                principalDue: Double = 0, debtOutstanding: Double = 0, collateralValue: Double = 0,
                creditWindow: Double = 1, rateShock: Double = 0, equityValue: Double = 0)
    {
        self.month = month; self.cashBefore = cashBefore; self.ebitda = ebitda
        self.scheduledInterest = scheduledInterest; self.principalDue = principalDue
        self.debtOutstanding = debtOutstanding; self.collateralValue = collateralValue
        self.creditWindow = creditWindow; self.rateShock = rateShock; self.equityValue = equityValue
    }
}

/// A covenant broken in a month: which, the value it reached and the limit.
public struct CovenantBreach: Sendable, Equatable, Codable {
    /// The covenants lenders test.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case interestCoverage = "interest-coverage"
        case loanToValue = "loan-to-value"

        /// The words shown on the timeline.
        public var label: String { self == .interestCoverage ? "interest coverage" : "loan-to-value" }
    }

    public var kind: Kind
    public var month: Int
    public var value: Double
    public var limit: Double
}

/// One month of one entity's financing: every dollar it moved, what new debt cost, the
/// share of the entity sold, and the covenants broken.
public struct FinancingMonth: Sendable, Equatable, Codable {
    public var revolverDraw = 0.0
    public var revolverRepay = 0.0
    /// New debt equal to the principal rolled over this month.
    public var refinanced = 0.0
    /// Money raised beyond rollovers and committed facilities (the funding need met).
    public var newDebt = 0.0
    public var newEquity = 0.0
    /// The cost of raising, paid to lenders and investors.
    public var fees = 0.0
    /// Interest and principal on the component's own debt (revolver, refinanced, raised).
    public var interest = 0.0
    public var principal = 0.0
    /// The part of `interest` and `principal` on debt raised in the market (rollovers and
    /// raises), the rest being the facilities'.
    public var marketInterest = 0.0
    public var marketPrincipal = 0.0
    /// Share of the entity sold this month, 0 … 1.
    public var dilution = 0.0
    /// Annual rate new debt was priced at this month (the leverage spread included).
    public var rate = 0.0
    /// The credit window this month, 0 closed … 1 open.
    public var creditWindow = 0.0
    /// Money the entity needed beyond rollovers and its revolver this month, raised or not.
    public var need = 0.0
    /// Covenants broken this month (each counted while it stays broken).
    public var breaches = CovenantBreaches()
    /// Debt the component carries after this month (revolver drawn plus market debt).
    public var debt = 0.0
    /// Money needed so far: raised, plus what is still missing to reach the cash floor.
    public var cumulativeNeed = 0.0

    public init() {}

    /// Money raised this month beyond rollovers and facilities.
    public var raised: Double { newDebt + newEquity }

    /// Whether money moved between the entity and the market this month: rolled over,
    /// raised, paid for raising, or interest and principal on market debt (a month without
    /// any has no market flows; what its facilities move is apart).
    public var movesMarketMoney: Bool {
        refinanced != 0 || newDebt != 0 || newEquity != 0 || fees != 0 || marketInterest != 0 || marketPrincipal != 0
    }

    /// Cash in from financing this month.
    public var inflow: Double { revolverDraw + refinanced + newDebt + newEquity }
    /// Cash out to lenders and investors this month.
    public var outflow: Double { revolverRepay + interest + principal + fees }
    /// What the entity's cash changes by because of financing.
    public var netCash: Double { inflow - outflow }
}
