/// A loan deal of the month's dependent phase as one run services it: the plan's terms
/// (`PlanLoan`) with the run's levers applied once — the weighted limit, the rate with its
/// shock, and per ledger the share of an issue or a draw that happens — so the month loop
/// reads each loan's numbers once for both ledgers, with no switch on its terms.
struct RunLoan {
    let deal: Int, lender: Int, borrower: Int
    let facility: LoanTerms.Facility
    /// Most that may be outstanding (or drawn) × the deal's weight.
    let limit: Double
    /// The annual rate, with the rate shock when floating; never below 0.
    let rate: Double
    let ltv: Double
    /// Its collateral: a range of `LoopPlan.collateral`.
    let collateral: Range<Int>
    let term: Int
    let maturity: Int?
    /// A bond's month of issue; -1 for none (months count from 0).
    let issue: Int
    /// Per ledger lane (0 as credit is set, 1 markets closed): the share of a bond issue
    /// that happens (`marketWindow`) and of a DDTL draw lenders fund (`committedWindow`).
    let market: (Double, Double), committed: (Double, Double)
}

extension LoopRun {
    /// The records of the plan's dependent-phase loans (`plan.dependentLoans`), in its order.
    func runLoans() -> [RunLoan] {
        plan.dependentLoans.map { k in
            let l = plan.loans[k], i = l.deal, to = plan.to[i]
            return RunLoan(deal: i, lender: plan.from[i], borrower: to, facility: l.facility,
                           limit: l.limit * weight[i], rate: max(0, l.rate + (l.floating ? levers.rateShock : 0)),
                           ltv: l.ltv, collateral: l.collateral, term: l.term, maturity: l.maturity,
                           issue: l.facility == .bond ? l.issue ?? -1 : -1,
                           market: (marketWindow(to, open), marketWindow(to, shut)),
                           committed: (committedWindow(to, open), committedWindow(to, shut)))
        }
    }
}
