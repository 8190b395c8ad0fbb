/// The deals that read the month's capacity and cash: per-unit deals, backstops, equity,
/// warrants and loans.
extension LoopRun {
    /// The dependent phase of month `t`, in the scheduler's order (`plan.dependentSteps`).
    mutating func dependentDeals(_ t: Int) {
        for k in 0..<plan.dependentSteps.count {
            let step = plan.dependentSteps[k]
            if step.loans.isEmpty { dependentDeal(step.deal, t) } else { serviceLoans(step.loans, t) }
        }
    }

    /// A per-unit deal, backstop, equity or warrant in month `t`.
    mutating func dependentDeal(_ i: Int, _ t: Int) {
        let d = (from: plan.from[i], to: plan.to[i])
        switch plan.terms[i] {
        case let .perUnit(cap, rate, refUtil, start, term, flat):
            guard t >= start, t < start + term else { return }
            let left = cap * weight[i] - paid[i]
            guard left > 0 else { return }
            var pay: Double
            if flat {
                pay = left / Double(start + term - t)
            } else {
                let reference = plan.openingFleet[d.from] * LoopEngine.hoursPerMonth * refUtil
                let r = rate ?? (reference > 0 ? cap / (Double(max(1, term)) * reference) : 0)
                pay = min(left, r * weight[i] * busy[d.from])
            }
            pay = max(0, pay)
            paid[i] += pay
            emit(i, d.from, d.to, .perUnit, pay)
        case let .backstop(limit, price, start, term):
            guard t >= start, t < start + term else { return }
            let idle = max(0, fleet[d.to] * LoopEngine.hoursPerMonth - busy[d.to])
            let pay = max(0, min(idle * price, limit * weight[i] - paid[i]))
            paid[i] += pay
            emit(i, d.from, d.to, .backstop, pay)
        case let .equity(tranches):
            for j in tranches where released[j] == 0 && met(plan.tranches[j].milestone, price: nil, t) {
                let tr = plan.tranches[j]
                released[j] = 1
                paid[i] += tr.amount * weight[i]
                emit(i, d.from, d.to, .equity, tr.amount * weight[i])
            }
        case let .warrant(strike, sharePrice, _, tranches):
            let price = sharePrice * growth(i, months: t)
            for j in tranches where released[j] == 0 && met(plan.tranches[j].milestone, price: price, t) {
                let tr = plan.tranches[j]
                released[j] = 1
                let value = tr.amount * weight[i] * max(0, price - strike)
                paid[i] += value
                emit(i, d.from, d.to, .warrantValue, value)
            }
        default: break
        }
    }

    /// Whether a milestone holds in month `t` (a share-price target needs `price`).
    func met(_ m: Milestone, price: Double?, _ t: Int) -> Bool {
        if let month = m.month, t < month { return false }
        if let e = m.deal.map({ plan.from[$0] }) ?? m.entity {
            let units = m.deal.map { delivered[$0] } ?? fleet[e]
            if let gw = m.gigawatts, units * plan.kwPerGPU[e] / 1e6 < gw - 1e-12 { return false }
            if let f = m.fleet, units < f - 1e-9 { return false }
        }
        if let target = m.priceTarget, (price ?? 0) < target { return false }
        return true
    }

    /// The loans `range` of `loanTerms` (next to each other in the dependent phase) this
    /// month, in every ledger: the ledgers share nothing a loan writes or reads of the
    /// other's, so each sees its own flows in the order they always had.
    mutating func serviceLoans(_ range: Range<Int>, _ t: Int) {
        serviceLoans(range, t, open)
        if closed { serviceLoans(range, t, shut) }
    }

    /// Interest, principal and draws of the loans `range` this month in ledger `g` (revolvers
    /// draw in `topUp`), one after another. Each loan's terms are read through a pointer
    /// where used (binding them to locals measured slower): a loan with nothing owed and
    /// nothing to do (a bond before its issue or repaid) costs a few loads, not a copy of
    /// its whole record.
    private mutating func serviceLoans(_ range: Range<Int>, _ t: Int, _ g: LoopLedger) {
        let loans = loanTerms.base
        for k in range {
            let l = loans + k, i = l.pointee.deal
            if l.pointee.issue == t {
                let amount = l.pointee.limit * (g.lane == 0 ? l.pointee.market.0 : l.pointee.market.1)
                g.balance[i] += amount
                g.paid[i] += amount
                emit(g, i, l.pointee.lender, l.pointee.borrower, .draw, amount)
            }
            let owed = g.balance[i]
            guard owed > 0 || l.pointee.facility == .ddtl else { continue }
            let interest = owed * l.pointee.rate / 12
            emit(g, i, l.pointee.borrower, l.pointee.lender, .interest, interest)
            g.interestPaid[l.pointee.borrower] += interest
            var principal = 0.0
            switch l.pointee.facility {
            case .ddtl:
                // Nothing owed pays nothing (0 ÷ a positive count is that 0, sign and all).
                if owed == 0 { principal = owed }
                else if let m = l.pointee.maturity { principal = t >= m ? owed : owed / Double(m - t + 1) }
                else { principal = owed / Double(max(1, l.pointee.term)) }
            case .bond: principal = t >= (l.pointee.maturity ?? Int.max) ? owed : 0
            case .revolver: principal = 0
            }
            g.balance[i] -= principal
            g.principalPaid[l.pointee.borrower] += principal
            emit(g, i, l.pointee.borrower, l.pointee.lender, .principal, principal)
            guard l.pointee.facility == .ddtl else { continue }
            var room = l.pointee.limit - g.paid[i]
            if !l.pointee.collateral.isEmpty {
                var value = 0.0
                for c in l.pointee.collateral { value += collateralValue(plan.collateral[c], g) }
                room = min(room, l.pointee.ltv * value - g.balance[i])
            }
            let window = g.lane == 0 ? l.pointee.committed.0 : l.pointee.committed.1
            let draw = max(0, min(l.pointee.ltv * g.purchases[l.pointee.borrower], room)) * window
            // The purchases a draw lends against are used up: the next facility lends on the rest.
            if l.pointee.ltv > 0 {
                let used = draw == 0 ? draw : draw / l.pointee.ltv
                g.purchases[l.pointee.borrower] = max(0, g.purchases[l.pointee.borrower] - used)
            }
            g.balance[i] += draw
            g.paid[i] += draw
            emit(g, i, l.pointee.lender, l.pointee.borrower, .draw, draw)
        }
    }

    /// What collateral `c` still owes in ledger `g`: the value a DDTL lends against.
    @inline(__always)
    func collateralValue(_ c: PlanCollateral, _ g: LoopLedger) -> Double {
        switch c.kind {
        case .unpaid: max(0, c.amount * weight[c.deal] - paid[c.deal])
        case .balance: balance[c.deal]
        case .loan: g.balance[c.deal]
        case .none: 0
        }
    }

    /// A revolver at the end of the month: drawn to keep the borrower's cash at its floor,
    /// repaid from cash above it.
    mutating func topUp(_ i: Int, _ g: LoopLedger) {
        let k = plan.loanSlot[i]
        guard k >= 0 else { return }
        let l = plan.loans[k]
        let d = (from: plan.from[i], to: plan.to[i])
        let c = g.cash[d.to]
        if c < l.floor {
            let draw = max(0, min(l.limit * weight[i] - g.balance[i], l.floor - c)) * g.window
            g.balance[i] += draw
            emit(g, i, d.from, d.to, .draw, draw)
        } else if g.balance[i] > 0 {
            let repay = min(g.balance[i], c - l.floor)
            g.balance[i] -= repay
            emit(g, i, d.to, d.from, .principal, repay)
        }
    }
}
