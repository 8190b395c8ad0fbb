/// The deals that read the month's capacity and cash: per-unit deals, backstops, equity,
/// warrants and loans.
extension LoopRun {
    /// The dependent phase of month `t`, in the scheduler's order (`plan.dependentSteps`).
    mutating func dependentDeals(_ t: Int) {
        for k in 0..<plan.dependentSteps.count {
            let step = plan.dependentSteps[k]
            if step.loans.isEmpty { dependentDeal(step.other, t) } else { serviceLoans(step.loans, t) }
        }
    }

    /// The `k`th per-unit deal, backstop, equity or warrant of the dependent phase
    /// (`dependentTerms`) in month `t`, its terms read in place where used.
    @inline(__always)
    mutating func dependentDeal(_ k: Int, _ t: Int) {
        let c = dependentTerms.base + k, i = c.pointee.deal
        switch c.pointee.kind {
        case .perUnit:
            guard t >= c.pointee.start, t < c.pointee.start + c.pointee.term else { return }
            let left = c.pointee.amount * weight[i] - paid[i]
            guard left > 0 else { return }
            let pay = max(0, c.pointee.flat ? left / Double(c.pointee.start + c.pointee.term - t)
                : min(left, c.pointee.rate * weight[i] * busy[c.pointee.from]))
            paid[i] += pay
            emit(i, c.pointee.from, c.pointee.to, .perUnit, pay)
        case .backstop:
            guard t >= c.pointee.start, t < c.pointee.start + c.pointee.term else { return }
            let idle = max(0, fleet[c.pointee.to] * LoopEngine.hoursPerMonth - busy[c.pointee.to])
            let pay = max(0, min(idle * c.pointee.rate, c.pointee.amount * weight[i] - paid[i]))
            paid[i] += pay
            emit(i, c.pointee.from, c.pointee.to, .backstop, pay)
        case .equity:
            // The tranches before `unreleased[k]` are all released: they would each be skipped.
            let end = c.pointee.tranches.upperBound
            guard unreleased[k] < end else { return }
            for j in unreleased[k]..<end where released[j] == 0 && met(j, price: 0, t) {
                let amount = milestones.base[j].amount * weight[i]
                release(j, of: k, end)
                paid[i] += amount
                emit(i, c.pointee.from, c.pointee.to, .equity, amount)
            }
        case .warrant:
            // A warrant with every tranche released does nothing more (its growth is its own).
            let end = c.pointee.tranches.upperBound
            guard unreleased[k] < end else { return }
            let price = c.pointee.rate * growth(i, months: t)
            for j in unreleased[k]..<end where released[j] == 0 && met(j, price: price, t) {
                release(j, of: k, end)
                let value = milestones.base[j].amount * weight[i] * max(0, price - c.pointee.amount)
                paid[i] += value
                emit(i, c.pointee.from, c.pointee.to, .warrantValue, value)
            }
        }
    }

    /// Marks tranche `j` of dependent deal `k` released, and moves the deal's first
    /// unreleased tranche past those now released (up to `end`, its tranches' end).
    @inline(__always)
    func release(_ j: Int, of k: Int, _ end: Int) {
        released[j] = 1
        var next = unreleased[k]
        while next < end, released[next] != 0 { next += 1 }
        unreleased[k] = next
    }

    /// Whether tranche `j`'s milestone holds in month `t` with the issuer's share at `price`
    /// (0 for equity: a price target is then not met).
    @inline(__always)
    func met(_ j: Int, price: Double, _ t: Int) -> Bool {
        let m = milestones.base + j
        if t < m.pointee.month { return false }
        if m.pointee.entity >= 0 {
            let units = m.pointee.deal >= 0 ? delivered[m.pointee.deal] : fleet[m.pointee.entity]
            if units * m.pointee.kwPerGPU / 1e6 < m.pointee.gigawatts { return false }
            if units < m.pointee.fleet { return false }
        }
        return !(price < m.pointee.priceTarget)
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
