/// The entities that finance themselves (`LoopEntity.financing`): once a month, after
/// every deal and the plain revolvers, each runs its `EntityFinancing` — its revolvers
/// drawn before cash goes below its floor, principal falling due rolled over and new
/// money raised as `credit.window` × its own access allows, covenants tested — and every
/// dollar of it is a flow: lender → entity (draws, rollovers, new debt), investor →
/// entity (new equity), entity → lender or investor (interest, principal, fees).
extension LoopRun {
    /// Builds each financed entity's financing: its revolver deals become its facilities
    /// (their balances move there), its pledged assets open its book.
    mutating func openFinancing() {
        for (s, e) in plan.financed.enumerated() {
            let terms = plan.financing[s]
            var facilities: [FacilityTerms] = []
            for i in plan.facilityDeals[s] {
                guard case let .loan(l) = plan.terms[i] else { continue }
                facilities.append(FacilityTerms(id: "", kind: .revolver, limit: l.limit * weight[i],
                                                drawn: min(l.drawn, l.limit) * weight[i], rate: l.rate,
                                                floating: l.floating, maturityMonth: l.maturity ?? Int.max))
                balance[i] = 0
                paid[i] = 0
            }
            financing.append(EntityFinancing(policy: terms.policy, facilities: facilities))
            var b = GPUFleetBook(usefulLifeMonths: terms.usefulLifeMonths)
            if terms.openingCollateral > 0 {
                b.add(gpus: max(1, plan.openingFleet[e]), cost: terms.openingCollateral, month: 0)
            }
            book.append(b)
        }
    }

    /// The share of a committed draw (DDTL) lenders fund: all of it for an entity that
    /// finances itself (committed facilities stay drawable when markets close, as in the
    /// article's loop), else `credit.window` (the loop's plain behaviour).
    func committedWindow(_ e: Int) -> Double { plan.slot[e] >= 0 ? 1 : levers.creditWindow }

    /// The share of a new market issue (a bond on its date) that happens: `credit.window`,
    /// times the entity's own access when it finances itself.
    func marketWindow(_ e: Int) -> Double {
        plan.slot[e] >= 0 ? levers.creditWindow * EntityFinancing.unit(plan.financing[plan.slot[e]].policy.marketAccess)
            : levers.creditWindow
    }

    /// Runs every financed entity's month, borrowers before their lenders, and emits its flows.
    mutating func finance(month t: Int) {
        for s in plan.financeOrder {
            let e = plan.financed[s]
            let terms = plan.financing[s]
            let deals = plan.facilityDeals[s]
            for k in deals.indices { before[k] = financing[s].facilities[k].drawn }
            let input = FinancingInput(
                month: t, cashBefore: cash[e], ebitda: ebitda[e], scheduledInterest: interestPaid[e],
                principalDue: principalPaid[e], debtOutstanding: scheduledDebt(of: e),
                collateralValue: terms.policy.maxLoanToValue > 0 ? book[s].bookValue(month: t) : 0,
                creditWindow: levers.creditWindow, rateShock: levers.rateShock, equityValue: terms.equityValue)
            let m = financing[s].step(input)
            for (k, i) in deals.enumerated() {
                let lender = plan.from[i]
                var was = financing[s].facilities[k]
                was.drawn = before[k]
                emit(i, e, lender, .interest, was.monthlyInterest(rateShock: levers.rateShock))
                let change = financing[s].facilities[k].drawn - before[k]
                if change > 0 { emit(i, lender, e, .draw, change) } else { emit(i, e, lender, .principal, -change) }
            }
            let deal = LoopFlow.financing
            emit(deal, terms.lender, e, .refinancing, m.refinanced)
            emit(deal, terms.lender, e, .newDebt, m.newDebt)
            emit(deal, terms.investor, e, .equity, m.newEquity)
            emit(deal, e, terms.lender, .interest, m.marketInterest)
            emit(deal, e, terms.lender, .principal, m.marketPrincipal)
            let raised = m.newDebt + m.newEquity
            let equityFees = raised > 0 ? m.fees * m.newEquity / raised : 0
            emit(deal, e, terms.lender, .fees, m.fees - equityFees)
            emit(deal, e, terms.investor, .fees, equityFees)
            financingMonth[s] = m
        }
    }
}
