/// How one entity of a loop finances itself: its policy (cash floor, market access, the
/// price of new debt, the split of a raise, covenants), who lends to it and who buys its
/// new equity, and what its lenders count as collateral. An entity without one keeps the
/// loop's plain behaviour: its cash may go below zero.
public struct LoopFinancingTerms: Sendable, Equatable {
    public var policy: FinancingPolicy
    /// Entity indices: who lends rollovers and new debt, and who buys new equity.
    public var lender: Int
    public var investor: Int
    /// Book value of the assets pledged at the start (0: none); with the GPUs the entity
    /// buys in the loop, depreciated over `usefulLifeMonths`, it is the loan-to-value base.
    public var openingCollateral: Double
    public var usefulLifeMonths: Int
    /// Value of the entity's equity before a raise (0: unknown, dilution not computed).
    public var equityValue: Double

    public init(policy: FinancingPolicy = LoopFinancingTerms.defaultPolicy, lender: Int, investor: Int,
                openingCollateral: Double = 0, usefulLifeMonths: Int = 72, equityValue: Double = 0)
    {
        self.policy = policy; self.lender = lender; self.investor = investor
        self.openingCollateral = openingCollateral; self.usefulLifeMonths = max(1, usefulLifeMonths)
        self.equityValue = equityValue
    }

    /// The policy a loop file's `financing:` starts from: the price of new debt and the
    /// cost of raising as the registry sources them (`credit.*`), cash floor 0, full
    /// market access, all debt, no covenants until declared.
    public static var defaultPolicy: FinancingPolicy {
        let p = ParameterValues.defaults
        return FinancingPolicy(cashFloor: 0, marketAccess: 1, baseRate: p[.creditBaseRate],
                               spreadPerTurn: p[.creditSpreadPerTurn], leverageFree: p[.creditLeverageFree],
                               maxSpread: p[.creditMaxSpread], equityShare: 0,
                               newDebtTermMonths: Int(p[.creditNewDebtTermMonths]), raiseFee: p[.creditRaiseFee],
                               minInterestCoverage: 0, maxLoanToValue: 0, rollover: true)
    }
}
