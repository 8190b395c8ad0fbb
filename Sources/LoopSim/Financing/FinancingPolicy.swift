/// How one entity finances itself: the cash it keeps, its access to markets, what new
/// debt costs at its leverage, how it splits a raise, and the covenants its lenders set.
public struct FinancingPolicy: Sendable, Equatable {
    /// Revolvers are drawn, and money raised, to keep cash at or above this.
    public var cashFloor: Double
    /// The entity's own access to markets, 0 … 1; multiplied by `credit.window`.
    public var marketAccess: Double
    /// Annual rate of new and refinanced debt at low leverage.
    public var baseRate: Double
    /// Annual rate added per turn of debt ÷ annual EBITDA above `leverageFree`.
    public var spreadPerTurn: Double
    /// Turns of debt ÷ EBITDA that carry no extra spread.
    public var leverageFree: Double
    /// The most the leverage spread adds (also what a loss-making entity pays).
    public var maxSpread: Double
    /// Share of a new raise done as equity (0: all debt, 1: all equity).
    public var equityShare: Double
    /// New and refinanced debt amortises evenly over this many months.
    public var newDebtTermMonths: Int
    /// Cost of raising, a fraction of the money raised (paid to lenders or investors).
    public var raiseFee: Double
    /// Covenant: EBITDA ÷ interest must stay at or above this (0: no covenant).
    public var minInterestCoverage: Double
    /// Covenant: debt ÷ collateral value must stay at or below this (0: no covenant).
    public var maxLoanToValue: Double
    /// Whether principal falling due is refinanced while credit is open.
    public var rollover: Bool

    public init(cashFloor: Double = 0, marketAccess: Double = 1, baseRate: Double = 0.09, spreadPerTurn: Double = 0.005,
                leverageFree: Double = 4, maxSpread: Double = 0.08, equityShare: Double = 0, newDebtTermMonths: Int = 60,
                raiseFee: Double = 0.02, minInterestCoverage: Double = 0, maxLoanToValue: Double = 0, rollover: Bool = true)
    {
        self.cashFloor = cashFloor; self.marketAccess = marketAccess; self.baseRate = baseRate
        self.spreadPerTurn = spreadPerTurn; self.leverageFree = leverageFree; self.maxSpread = maxSpread
        self.equityShare = equityShare; self.newDebtTermMonths = newDebtTermMonths; self.raiseFee = raiseFee
        self.minInterestCoverage = minInterestCoverage; self.maxLoanToValue = maxLoanToValue; self.rollover = rollover
    }

    /// The annual rate new debt is priced at for `debt` against `ebitda` a month: the
    /// base rate plus the leverage spread (the most when EBITDA is not positive).
    @inline(__always)
    public func rate(debt: Double, monthlyEBITDA ebitda: Double) -> Double {
        let turns = ebitda > 0 ? Swift.max(0, debt) / (ebitda * 12) : .infinity
        let spread = turns.isFinite ? Swift.max(0, spreadPerTurn) * Swift.max(0, turns - leverageFree) : maxSpread
        return Swift.max(0, baseRate) + Swift.min(Swift.max(0, maxSpread), spread.isNaN ? maxSpread : spread)
    }
}
