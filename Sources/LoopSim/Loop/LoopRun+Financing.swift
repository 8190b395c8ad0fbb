/// The entities that finance themselves (`LoopEntity.financing`): once a month, after
/// every deal and the plain revolvers, each runs its `EntityFinancing` — its revolvers
/// drawn before cash goes below its floor, principal falling due rolled over and new
/// money raised as `credit.window` × its own access allows, covenants tested — and every
/// dollar of it is a flow: lender → entity (draws, rollovers, new debt), investor →
/// entity (new equity), entity → lender or investor (interest, principal, fees).
extension LoopRun {
    /// Builds each financed entity's financing in every ledger: its revolver deals become
    /// its facilities (their balances move there), its pledged assets open its book, with
    /// room for a cohort from each of its vendor sales every month of a run of `months`
    /// (each list allocated once, not grown).
    mutating func openFinancing(months: Int) {
        financing.reserveCapacity(lanes.count * plan.financed.count)
        book.reserveCapacity(plan.financed.count)
        for lane in lanes {
            let g = ledger(lane)
            for s in plan.financed.indices {
                var facilities: [FacilityTerms] = []
                facilities.reserveCapacity(plan.facilityDeals[s].count)
                for i in plan.facilityDeals[s] {
                    guard case let .loan(l) = plan.terms[i] else { continue }
                    facilities.append(FacilityTerms(id: "", kind: .revolver, limit: l.limit * weight[i],
                                                    drawn: min(l.drawn, l.limit) * weight[i], rate: l.rate,
                                                    floating: l.floating, maturityMonth: l.maturity ?? Int.max))
                    g.balance[i] = 0
                    g.paid[i] = 0
                }
                financing.append(EntityFinancing(policy: plan.financing[s].policy, facilities: facilities))
            }
        }
        for (s, e) in plan.financed.enumerated() {
            let terms = plan.financing[s]
            var b = GPUFleetBook(usefulLifeMonths: terms.usefulLifeMonths)
            b.reserveCapacity(1 + deliveries.indices.reduce(0) { $0 + deliveries.base[$1].landings(buyer: e, through: months) })
            if terms.openingCollateral > 0 {
                b.add(gpus: max(1, plan.openingFleet[e]), cost: terms.openingCollateral, month: 0)
            }
            book.append(b)
        }
    }

    /// The share of a committed draw (DDTL) lenders fund: all of it for an entity that
    /// finances itself (committed facilities stay drawable when markets close, as in the
    /// article's loop), else `credit.window` (the loop's plain behaviour).
    func committedWindow(_ e: Int, _ g: LoopLedger) -> Double { plan.slot[e] >= 0 ? 1 : g.window }

    /// The share of a new market issue (a bond on its date) that happens: `credit.window`,
    /// times the entity's own access when it finances itself.
    func marketWindow(_ e: Int, _ g: LoopLedger) -> Double {
        plan.slot[e] >= 0 ? g.window * EntityFinancing.unit(plan.financing[plan.slot[e]].policy.marketAccess)
            : g.window
    }

    /// Runs every financed entity's month in ledger `g`, borrowers before their lenders,
    /// and emits its flows (the book values lenders see, `collateral`, are this month's).
    /// The first ledger's month is written in place where the projection copies it from
    /// (`financingMonth`), another's in the scratch: no month is copied.
    mutating func finance(month t: Int, _ g: LoopLedger) {
        let before = g.before
        let shock = levers.rateShock
        for k in 0..<plan.financeOrder.count {
            let s = plan.financeOrder[k], e = plan.financed[s]
            let f = g.lane * plan.financed.count + s
            let facilities = plan.facilityDeals[s].count
            for k in 0..<facilities { before[k] = financing[f].facilities[k].drawn }
            // Summed before the input is built, whose other fields then go straight into it.
            let debt = g.scheduledDebt(of: e, plan, borrowed: borrowed)
            let input = FinancingInput(
                month: t, cashBefore: g.cash[e], ebitda: ebitda[e], scheduledInterest: g.interestPaid[e],
                principalDue: g.principalPaid[e], debtOutstanding: debt,
                collateralValue: plan.financing[s].policy.maxLoanToValue > 0 ? collateral[s] : 0,
                creditWindow: g.window, rateShock: shock, equityValue: plan.financing[s].equityValue)
            let month = g.lane == 0 ? financingMonth.base + s : financingScratch
            financing[f].step(input, into: &month.pointee)
            for k in 0..<facilities {
                let i = plan.facilityDeals[s][k], lender = plan.from[i]
                emit(g, i, e, lender, .interest, financing[f].facilities[k].monthlyInterest(on: before[k], rateShock: shock))
                let change = financing[f].facilities[k].drawn - before[k]
                if change > 0 { emit(g, i, lender, e, .draw, change) } else { emit(g, i, e, lender, .principal, -change) }
            }
            // Most months move no market money: each of the flows would be 0 and not emitted.
            if month.pointee.movesMarketMoney { emitFinancing(g, s, e, month) }
        }
    }

    /// The flows of entity `e`'s month of market financing `m` (read in place): rollovers,
    /// new debt and equity from its lender and investor, and its interest, principal and
    /// fees to them.
    mutating func emitFinancing(_ g: LoopLedger, _ s: Int, _ e: Int, _ m: UnsafePointer<FinancingMonth>) {
        let deal = LoopFlow.financing, lender = plan.financing[s].lender, investor = plan.financing[s].investor
        emit(g, deal, lender, e, .refinancing, m.pointee.refinanced)
        emit(g, deal, lender, e, .newDebt, m.pointee.newDebt)
        emit(g, deal, investor, e, .equity, m.pointee.newEquity)
        emit(g, deal, e, lender, .interest, m.pointee.marketInterest)
        emit(g, deal, e, lender, .principal, m.pointee.marketPrincipal)
        let fees = m.pointee.fees, newEquity = m.pointee.newEquity
        let raised = m.pointee.newDebt + newEquity
        let equityFees = raised > 0 ? fees * newEquity / raised : 0
        emit(g, deal, e, lender, .fees, fees - equityFees)
        emit(g, deal, e, investor, .fees, equityFees)
    }
}
