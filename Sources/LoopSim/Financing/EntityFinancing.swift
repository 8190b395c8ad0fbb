/// One entity's financing as it runs month by month: committed facilities (a revolver
/// drawn before cash goes below the floor), principal rolled over while credit is open
/// (as much as cash cannot pay without going below the floor) at a spread that rises
/// with leverage, new debt or equity raised when needed, and covenants tested. A pure value type: the engine keeps one per entity and calls
/// `step` once a month, after the entity's operating and scheduled flows.
///
/// Order in a month: (1) the component's own debt is serviced; (2) principal falling due
/// (the engine's and the component's) that cash cannot pay above the floor is refinanced, times credit.window × the entity's
/// access; (3) covenants are tested and a broken one is reported (what lenders then do — waive,
/// reprice, accelerate — is not modelled, so a breach changes no cash);
/// (4) the revolver is drawn to keep cash at the floor, or repaid from cash above it;
/// (5) what is still below the floor is the month's need, raised times window × access
/// (split debt/equity, fee charged). Committed revolvers stay available when markets
/// close; rollovers and raises do not.
public struct EntityFinancing: Sendable, Equatable {
    public var policy: FinancingPolicy
    public private(set) var facilities: [FacilityTerms]
    /// Debt raised in the market (rollovers and raises) and Σ balance × annual rate.
    public private(set) var marketDebt = 0.0
    private var marketRateSum = 0.0
    public private(set) var equityRaised = 0.0
    /// Money raised beyond rollovers so far.
    public private(set) var raisedSoFar = 0.0
    /// The first month the entity needed money beyond rollovers and its revolver.
    public private(set) var firstNeedMonth: Int?
    /// The most it needed at once: raised so far plus what was still missing.
    public private(set) var peakCumulativeNeed = 0.0

    public init(policy: FinancingPolicy, facilities: [FacilityTerms] = []) {
        self.policy = policy
        self.facilities = facilities
    }

    /// Debt the component carries: facilities drawn plus market debt.
    public var debt: Double { marketDebt + facilities.reduce(0) { $0 + $1.drawn } }

    static func unit(_ v: Double) -> Double { v.isFinite ? Swift.min(1, Swift.max(0, v)) : 0 }

    public mutating func step(_ x: FinancingInput) -> FinancingMonth {
        var m = FinancingMonth()
        step(x, into: &m)
        return m
    }

    /// The same, written over `m` (the loop engine's month in place, no copy).
    public mutating func step(_ x: FinancingInput, into m: inout FinancingMonth) {
        m = FinancingMonth()
        let window = Self.unit(x.creditWindow)
        m.creditWindow = window
        let open = window * Self.unit(policy.marketAccess)
        if !facilities.isEmpty { serviceFacilities(x, open: open, &m) }
        if marketDebt > 0 {
            m.marketInterest = marketRateSum / 12
            m.marketPrincipal = marketDebt / Double(Swift.max(1, policy.newDebtTermMonths))
            marketRateSum *= 1 - m.marketPrincipal / marketDebt
            marketDebt -= m.marketPrincipal
            m.interest += m.marketInterest
            m.principal += m.marketPrincipal
        }
        var cash = x.cashBefore - m.interest - m.principal
        let totalDebt = Swift.max(0, x.debtOutstanding) + debt
        m.rate = policy.rate(debt: totalDebt, monthlyEBITDA: x.ebitda) + Swift.max(0, x.rateShock)
        if policy.rollover, cash < policy.cashFloor {
            let due = Swift.max(0, x.principalDue) + m.principal
            m.refinanced = Swift.min(due, policy.cashFloor - cash) * open
            borrow(m.refinanced, at: m.rate)
            cash += m.refinanced
        }
        // The limits and debt passed as values: a call on `self` here would copy it.
        Self.covenants(x, interest: m.interest, debt: policy.maxLoanToValue > 0 ? debt : 0,
                       minInterestCoverage: policy.minInterestCoverage, maxLoanToValue: policy.maxLoanToValue,
                       into: &m.breaches)
        // Revolvers in order: drawn while cash is below the floor, repaid from cash above it.
        for i in facilities.indices where facilities[i].kind == .revolver {
            if cash < policy.cashFloor {
                let draw = Swift.min(facilities[i].available, policy.cashFloor - cash)
                facilities[i].drawn += draw
                m.revolverDraw += draw
                cash += draw
            } else if cash > policy.cashFloor {
                let repay = Swift.min(facilities[i].drawn, cash - policy.cashFloor)
                facilities[i].drawn -= repay
                m.revolverRepay += repay
                cash -= repay
            }
        }
        m.need = Swift.max(0, policy.cashFloor - cash)
        if m.need > 0 {
            if firstNeedMonth == nil, m.need > Projection.roundingDollars { firstNeedMonth = x.month }
            let fee = Swift.min(0.5, Self.unit(policy.raiseFee))
            let gross = m.need * open / (1 - fee)
            m.fees = gross * fee
            m.newEquity = gross * Self.unit(policy.equityShare)
            m.newDebt = gross - m.newEquity
            borrow(m.newDebt, at: m.rate)
            equityRaised += m.newEquity
            raisedSoFar += gross
            if x.equityValue > 0, m.newEquity > 0 { m.dilution = m.newEquity / (x.equityValue + m.newEquity) }
            cash += gross - m.fees
        }
        m.cumulativeNeed = raisedSoFar + Swift.max(0, policy.cashFloor - cash)
        peakCumulativeNeed = Swift.max(peakCumulativeNeed, m.cumulativeNeed)
        m.debt = debt
    }

    /// Interest on every drawn facility; principal of the scheduled ones (amortising or
    /// at maturity). A revolver at maturity is renewed for its term while credit is
    /// open, else repaid and closed.
    private mutating func serviceFacilities(_ x: FinancingInput, open: Double, _ m: inout FinancingMonth) {
        // Fields read in place: a copy of a facility would count a reference on its id.
        for i in facilities.indices {
            m.interest += facilities[i].monthlyInterest(rateShock: x.rateShock)
            let left = facilities[i].maturityMonth - x.month
            let drawn = facilities[i].drawn
            if facilities[i].kind == .revolver {
                guard left <= 0 else { continue }
                if open > 0 {
                    facilities[i].maturityMonth = x.month + Swift.max(12, policy.newDebtTermMonths)
                } else {
                    m.principal += drawn
                    facilities[i].drawn = 0
                    facilities[i].limit = 0
                }
                continue
            }
            guard drawn > 0 else { continue }
            let pay = left <= 0 ? drawn : facilities[i].amortizing ? drawn / Double(left + 1) : 0
            m.principal += pay
            facilities[i].drawn -= pay
        }
    }

    private mutating func borrow(_ amount: Double, at rate: Double) {
        guard amount > 0 else { return }
        marketDebt += amount
        marketRateSum += amount * rate
    }

    /// Appends the covenants broken this month to `out`: interest coverage (EBITDA ÷ all
    /// interest, `interest` being the component's) and loan-to-value (all debt, `debt` being
    /// the component's, ÷ collateral). A limit of 0 is no covenant.
    @inline(__always)
    static func covenants(_ x: FinancingInput, interest: Double, debt: Double, minInterestCoverage: Double,
                          maxLoanToValue: Double, into out: inout CovenantBreaches)
    {
        let allInterest = Swift.max(0, x.scheduledInterest) + interest
        if minInterestCoverage > 0, allInterest > 0 {
            let coverage = x.ebitda / allInterest
            if coverage < minInterestCoverage {
                out.append(CovenantBreach(kind: .interestCoverage, month: x.month, value: coverage,
                                          limit: minInterestCoverage))
            }
        }
        guard maxLoanToValue > 0 else { return }
        let allDebt = Swift.max(0, x.debtOutstanding) + debt
        if allDebt > 0 {
            let ltv = x.collateralValue > 0 ? allDebt / x.collateralValue : Double.greatestFiniteMagnitude
            if ltv > maxLoanToValue {
                out.append(CovenantBreach(kind: .loanToValue, month: x.month,
                                          value: Swift.min(ltv, 1e6), limit: maxLoanToValue))
            }
        }
    }
}
