#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The running balances of one loop projection: fleet and busy hours per entity, each
/// deal's progress (paid so far, units delivered, tranches released), and the ledgers
/// that credit moves (`LoopLedger`): one as the credit window allows and, when asked, one
/// with markets closed, run side by side in one pass. Its numbers live in memory of its
/// own (`RunColumn`), so the month loop neither copies nor counts references.
struct LoopRun {
    let plan: LoopPlan
    let levers: LoopLevers
    let recordFlows: Bool
    private let doubles: RunMemory<Double>
    private let ints: RunMemory<Int>
    /// Per entity: GPUs in service, busy GPU-hours and operating cash earnings this month.
    let fleet: RunColumn<Double>
    let busy: RunColumn<Double>
    let ebitda: RunColumn<Double>
    /// Per deal, for every kind but loans (their progress is the ledgers'): paid so far;
    /// units delivered (vendor sales); the value still to come (usage, recurring).
    let paid: RunColumn<Double>
    let delivered: RunColumn<Double>
    let balance: RunColumn<Double>
    /// Per deal: the month its take-or-pay demand begins, its weight (1 binding, else the
    /// lever), and its growth factor `grown` at month `grownAt`.
    let begin: [Int]
    let weight: [Double]
    let grown: RunColumn<Double>
    let grownAt: RunColumn<Int>
    /// Per tranche of the plan: 1 once released.
    let released: RunColumn<Int>
    /// Per financed entity (`plan.slot`): the book of what it pledged, its financing this
    /// month (the first ledger's), and the book value lenders see this month.
    var book: [GPUFleetBook]
    private let months: RunMemory<FinancingMonth>
    let financingMonth: RunColumn<FinancingMonth>
    /// Where another ledger's month of financing is written (only the first's is kept).
    let financingScratch: UnsafeMutablePointer<FinancingMonth>
    let collateral: RunColumn<Double>
    /// The ledger as credit is set, and the one with markets closed, run when `closed`.
    let open: LoopLedger
    let shut: LoopLedger
    let closed: Bool
    /// Each ledger's financing of each financed entity: `financing[lane × financed + slot]`.
    var financing: [EntityFinancing]
    var flows: [LoopFlow] = []
    /// The month's flows until the month ends (then moved to `flows`).
    var stage: FlowStage
    var month = 0

    init(_ plan: LoopPlan, levers: LoopLevers, recordFlows: Bool, closed: Bool = false) {
        self.plan = plan; self.levers = levers; self.recordFlows = recordFlows
        stage = FlowStage(capacity: recordFlows ? 2 * plan.terms.count + plan.openingCash.count + 8 * plan.financed.count : 0)
        let n = plan.openingCash.count, d = plan.terms.count, slots = plan.financed.count
        doubles = RunMemory(capacity: 3 * n + 4 * d + slots + 2 * LoopLedger.size(plan), initial: 0)
        ints = RunMemory(capacity: d + plan.tranches.count, initial: 0)
        fleet = doubles.column(plan.openingFleet)
        busy = doubles.column(n, 0)
        ebitda = doubles.column(n, 0)
        paid = doubles.column(d, 0)
        delivered = doubles.column(d, 0)
        balance = doubles.column(d, 0)
        grown = doubles.column(d, 1)
        grownAt = ints.column(d, Int.min)
        released = ints.column(plan.tranches.count, 0)
        collateral = doubles.column(slots, 0)
        let weight = plan.binding.map { $0 ? 1 : levers.nonBinding }
        self.weight = weight
        let open = LoopLedger(plan, window: levers.creditWindow, lane: 0, records: recordFlows, memory: doubles)
        let shut = LoopLedger(plan, window: 0, lane: 1, records: false, memory: doubles)
        self.open = open
        self.shut = shut
        self.closed = closed
        months = RunMemory(capacity: slots + 1, initial: FinancingMonth())
        financingMonth = months.column(slots, FinancingMonth())
        financingScratch = months.column(1, FinancingMonth()).base
        financing = []
        book = []
        var begin = Array(repeating: 0, count: d)
        for i in 0..<d {
            switch plan.terms[i] {
            case let .takeOrPay(value, start, _, _, _):
                begin[i] = start > 0 ? start + levers.demandDelay : start
                paid[i] = value * weight[i] * plan.paidBefore[i]
            case let .loan(l):
                for g in closed ? [open, shut] : [open] {
                    g.balance[i] = l.issue == nil ? l.drawn * weight[i] : 0
                    g.paid[i] = g.balance[i]
                }
            default: break
            }
        }
        self.begin = begin
        openFinancing()
    }

    /// The ledgers this run keeps, the first as credit is set.
    var ledgers: [LoopLedger] { closed ? [open, shut] : [open] }

    /// Deal i's growth factor after `m` months: one multiplication a month, a power only
    /// when months are skipped.
    mutating func growth(_ i: Int, months m: Int) -> Double {
        if grownAt[i] == m - 1 {
            grown[i] *= plan.growthRate[i]
        } else if grownAt[i] != m {
            grown[i] = pow(plan.growthRate[i], Double(m))
        }
        grownAt[i] = m
        return grown[i]
    }

    /// Debt of entity `e`: its opening debt outside the loop's loans, their balances, and
    /// what its own financing carries (revolvers drawn, debt rolled over or raised).
    func debt(of e: Int) -> Double {
        open.scheduledDebt(of: e, plan) + (plan.slot[e] >= 0 ? financing[plan.slot[e]].debt : 0)
    }

    /// Moves `amount` of an operation from `from` to `to` (cash unless the kind is not
    /// cash) in every ledger alike, and records it.
    mutating func emit(_ deal: Int, _ from: Int, _ to: Int, _ kind: LoopFlowKind, _ amount: Double) {
        guard amount != 0 else { return }
        if kind.isCash {
            open.cash[from] -= amount
            open.cash[to] += amount
            if closed {
                shut.cash[from] -= amount
                shut.cash[to] += amount
            }
            if kind.isOperating {
                ebitda[from] -= amount
                ebitda[to] += amount
            }
        }
        if recordFlows { stage.append(LoopFlow(deal: deal, from: from, to: to, kind: kind, amount: amount)) }
    }

    /// Moves `amount` of credit (a draw, interest, principal, a raise: never operating)
    /// in ledger `g` only, and records it when `g` records.
    mutating func emit(_ g: LoopLedger, _ deal: Int, _ from: Int, _ to: Int, _ kind: LoopFlowKind, _ amount: Double) {
        guard amount != 0 else { return }
        assert(!kind.isOperating, "credit flows are not operating")
        if kind.isCash {
            g.cash[from] -= amount
            g.cash[to] += amount
        }
        if g.records { stage.append(LoopFlow(deal: deal, from: from, to: to, kind: kind, amount: amount)) }
    }

    mutating func step(month t: Int) {
        month = t
        busy.fill(0)
        ebitda.fill(0)
        open.startMonth()
        if closed { shut.startMonth() }
        // By index: iterating the plan's lists would count a reference on each every month.
        for k in 0..<plan.deliveries.count { deliver(plan.deliveries[k], t) }
        if !plan.financed.isEmpty { retireAndReplace(month: t) }
        for k in 0..<plan.capacityTerms.count { capacityDeal(k, t) }
        for e in busy.indices { busy[e] = min(busy[e], fleet[e] * LoopEngine.hoursPerMonth) }
        operatingCosts()
        for k in 0..<plan.dependent.count { dependentDeal(plan.dependent[k], t) }
        for k in 0..<plan.revolvers.count {
            topUp(plan.revolvers[k], open)
            if closed { topUp(plan.revolvers[k], shut) }
        }
        for s in plan.financed.indices where plan.financing[s].policy.maxLoanToValue > 0 {
            collateral[s] = book[s].bookValue(month: t)
        }
        finance(month: t, open)
        if closed { finance(month: t, shut) }
        stage.flush(into: &flows)
    }

    mutating func deliver(_ i: Int, _ t: Int) {
        guard case let .vendorSale(price, perMonth, start, term, orders, lead) = plan.terms[i] else { return }
        let m = t - lead - levers.buildDelay
        var units = m >= start && m < start + term ? perMonth : 0
        for o in orders where plan.tranches[o].milestone.month == m { units += plan.tranches[o].amount }
        units *= weight[i]
        guard units > 0 else { return }
        let buyer = plan.from[i]
        fleet[buyer] += units
        open.purchases[buyer] += units * price
        if closed { shut.purchases[buyer] += units * price }
        paid[i] += units * price
        delivered[i] += units
        if plan.slot[buyer] >= 0 { book[plan.slot[buyer]].add(gpus: units, cost: units * price, month: t) }
        emit(i, buyer, plan.to[i], .purchase, units * price)
    }

    /// The `k`th capacity deal of the plan (`plan.capacityTerms[k]`), its terms read in place.
    mutating func capacityDeal(_ k: Int, _ t: Int) {
        let c = plan.capacityTerms[k], i = c.deal
        let hours = LoopEngine.hoursPerMonth
        switch c.kind {
        case .takeOrPay:
            let k = t - begin[i]
            guard k >= 0, k < c.term else { return }
            let to = plan.to[i]
            busy[to] += c.gpus * weight[i] * hours
            let pay = c.amount * weight[i] * LoopEngine.rampWeight(k, ramp: c.ramp) / plan.rampTotal[i]
            paid[i] += pay
            emit(i, plan.from[i], to, .contract, pay)
        case .usage:
            guard t >= c.start, t < c.start + c.term else { return }
            let to = plan.to[i]
            let count = (c.gpus + c.fleetShare * fleet[to]) * weight[i]
            let used = count * hours * min(1, c.utilization * levers.utilizationScale)
            busy[to] += used
            let pay = used * c.amount * growth(i, months: t - c.start) * releaseShare(of: to, count: count, month: t)
            balance[i] = pay * Double(c.start + c.term - t - 1)
            emit(i, plan.from[i], to, .usage, pay)
        case .recurring:
            guard t >= c.start, t < c.start + c.term else { return }
            let pay = c.amount * weight[i] * self.growth(i, months: t - c.start)
            balance[i] = pay * Double(c.start + c.term - t - 1)
            emit(i, plan.from[i], plan.to[i], .recurring, pay)
        }
    }

    mutating func operatingCosts() {
        for e in plan.supplier.indices where plan.supplier[e] >= 0 {
            emit(LoopFlow.operatingCosts, e, plan.supplier[e], .opex, fleet[e] * LoopEngine.hoursPerMonth * plan.opexPerGPUHour[e] + plan.overhead[e])
        }
    }

    /// What a deal still owes in ledger `g`: the collateral a DDTL lends against.
    func unpaid(_ i: Int, _ g: LoopLedger) -> Double {
        switch plan.terms[i] {
        case let .takeOrPay(value, _, _, _, _): max(0, value * weight[i] - paid[i])
        case let .perUnit(cap, _, _, _, _, _): max(0, cap * weight[i] - paid[i])
        case .usage, .recurring: balance[i]
        case .loan: g.balance[i]
        default: 0
        }
    }
}
