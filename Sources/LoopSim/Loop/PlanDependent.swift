/// One step of the month's dependent phase, in the scheduler's order: a run of loan deals
/// next to each other (`loans`, a range of `LoopPlan.dependentLoans`, serviced in one
/// loop, both ledgers per loan), or one other deal (`deal`; `loans` empty).
struct PlanStep {
    let deal: Int
    let loans: Range<Int>
}

/// A deal a DDTL lends against, and how its unpaid value is read each month: what is left
/// of a take-or-pay's value or a per-unit cap (`amount` × weight − paid), the value still
/// to come of a usage or recurring deal, a loan's balance in the ledger, or nothing.
struct PlanCollateral {
    enum Kind { case unpaid, balance, loan, none }
    let deal: Int
    let kind: Kind
    let amount: Double

    init(_ terms: PlanTerms, deal: Int) {
        self.deal = deal
        switch terms {
        case let .takeOrPay(value, _, _, _, _): (kind, amount) = (.unpaid, value)
        case let .perUnit(cap, _, _, _, _, _): (kind, amount) = (.unpaid, cap)
        case .usage, .recurring: (kind, amount) = (.balance, 0)
        case .loan: (kind, amount) = (.loan, 0)
        default: (kind, amount) = (.none, 0)
        }
    }
}
