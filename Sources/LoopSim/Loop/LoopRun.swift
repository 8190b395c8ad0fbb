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
    /// `busy` and `ebitda` as one column, set to 0 at once each month.
    private let monthly: RunColumn<Double>
    /// Per deal, for every kind but loans (their progress is the ledgers'): paid so far;
    /// units delivered (vendor sales); the value still to come (usage, recurring).
    let paid: RunColumn<Double>
    let delivered: RunColumn<Double>
    let balance: RunColumn<Double>
    /// Per deal: the month its take-or-pay demand begins, its weight (1 binding, else the
    /// lever), and its growth factor `grown` at month `grownAt`.
    let begin: RunColumn<Int>
    let weight: RunColumn<Double>
    let grown: RunColumn<Double>
    let grownAt: RunColumn<Int>
    /// The vendor sales and capacity deals, in the plan's order, as this run reads them.
    let deliveries: RunRecords<RunDelivery>
    let capacities: RunRecords<RunCapacity>
    /// The entities that pay operating costs to a supplier, in entity order.
    let supplied: RunColumn<Int>
    /// The loan deals each entity borrows under (`plan.loansOf`) flat: entity e's are
    /// `borrowed[borrowed[e] ..< borrowed[e + 1]]`.
    let borrowed: RunColumn<Int>
    /// Per tranche of the plan: 1 once released.
    let released: RunColumn<Int>
    /// Per dependent deal (`dependentTerms`): its first tranche not yet released (equity,
    /// warrant: the end of its tranches once all are, and the deal has nothing left to do).
    let unreleased: RunColumn<Int>
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
    /// The dependent phase's loans with this run's levers applied (`RunLoan`), its other
    /// deals' terms and the tranches' milestones, in memory of the run's own.
    private(set) var loanTerms = RunRecords<RunLoan>()
    let dependentTerms: RunRecords<PlanDependent>
    let milestones: RunRecords<PlanMilestone>
    /// The flows recorded so far, in order (`stage.flows` copies them out).
    var stage: FlowStage
    var month = 0

    /// A run of `plan` under `levers` for `months` months after month 0 (what its books are
    /// sized for; it may run longer).
    init(_ plan: LoopPlan, levers: LoopLevers, months: Int, recordFlows: Bool, closed: Bool = false) {
        self.plan = plan; self.levers = levers; self.recordFlows = recordFlows
        stage = FlowStage(capacity: recordFlows ? 2 * plan.terms.count + plan.openingCash.count + 8 * plan.financed.count : 0)
        let n = plan.openingCash.count, d = plan.terms.count, slots = plan.financed.count
        let others = plan.dependentTerms.count
        doubles = .make(capacity: 3 * n + 5 * d + slots + 2 * LoopLedger.size(plan), initial: 0)
        let loans = plan.loansOf.reduce(0) { $0 + $1.count }
        ints = .make(capacity: 2 * d + 2 * n + 1 + loans + plan.tranches.count + others, initial: 0)
        fleet = doubles.column(plan.openingFleet)
        monthly = doubles.column(2 * n, 0)
        busy = RunColumn(base: monthly.base, count: n)
        ebitda = RunColumn(base: monthly.base + n, count: n)
        paid = doubles.column(d, 0)
        delivered = doubles.column(d, 0)
        balance = doubles.column(d, 0)
        grown = doubles.column(d, 1)
        grownAt = ints.column(d, Int.min)
        released = ints.column(plan.tranches.count, 0)
        unreleased = ints.column(others, 0)
        for k in 0..<others { unreleased[k] = plan.dependentTerms.base[k].tranches.lowerBound }
        collateral = doubles.column(slots, 0)
        let weight = doubles.column(d, 1)
        for i in 0..<d where !plan.binding[i] { weight[i] = levers.nonBinding }
        self.weight = weight
        let open = LoopLedger(plan, window: levers.creditWindow, lane: 0, records: recordFlows, memory: doubles)
        let shut = LoopLedger(plan, window: 0, lane: 1, records: false, memory: doubles)
        self.open = open
        self.shut = shut
        self.closed = closed
        self.months = .make(capacity: slots + 1, initial: FinancingMonth())
        financingMonth = self.months.column(slots, FinancingMonth())
        financingScratch = self.months.column(1, FinancingMonth()).base
        financing = []
        book = []
        let begin = ints.column(d, 0)
        for i in 0..<d {
            switch plan.terms[i] {
            case let .takeOrPay(value, start, _, _, _):
                begin[i] = start > 0 ? start + levers.demandDelay : start
                paid[i] = value * weight[i] * plan.paidBefore[i]
            case let .loan(l):
                for lane in 0..<(closed ? 2 : 1) {
                    let g = lane == 0 ? open : shut
                    g.balance[i] = l.issue == nil ? l.drawn * weight[i] : 0
                    g.paid[i] = g.balance[i]
                }
            default: break
            }
        }
        self.begin = begin
        var suppliedCount = 0
        let supplied = ints.column(n, 0)
        for e in 0..<n where plan.supplier[e] >= 0 {
            supplied[suppliedCount] = e
            suppliedCount += 1
        }
        self.supplied = RunColumn(base: supplied.base, count: suppliedCount)
        borrowed = ints.column(n + 1 + loans, 0)
        borrowed[0] = n + 1
        for e in 0..<n {
            for k in plan.loansOf[e].indices { borrowed[borrowed[e] + k] = plan.loansOf[e][k] }
            borrowed[e + 1] = borrowed[e] + plan.loansOf[e].count
        }
        deliveries = RunRecords(count: plan.deliveries.count) { k in
            RunDelivery(plan, deal: plan.deliveries[k], weight: weight[plan.deliveries[k]], levers: levers)
        }
        capacities = RunRecords(count: plan.capacityTerms.count) { k in
            let c = plan.capacityTerms[k]
            return RunCapacity(c, plan, weight: weight[c.deal], begin: begin[c.deal], levers: levers)
        }
        // The plan's own records, read in place (nothing in them depends on the levers).
        dependentTerms = plan.dependentTerms
        milestones = plan.milestones
        openFinancing(months: months)
        loanTerms = RunRecords(runLoans())
    }

    /// The ledgers this run keeps, the first as credit is set (by lane: no list is made).
    func ledger(_ lane: Int) -> LoopLedger { lane == 0 ? open : shut }
    var lanes: Range<Int> { 0..<(closed ? 2 : 1) }

    /// Deal i's growth factor after `m` months: one multiplication a month, a power only
    /// when months are skipped.
    @inline(__always) mutating func growth(_ i: Int, months m: Int) -> Double {
        if grownAt[i] == m - 1 {
            grown[i] *= plan.growthRate[i]
        } else if grownAt[i] != m {
            grown[i] = pow(plan.growthRate[i], Double(m))
        }
        grownAt[i] = m
        return grown[i]
    }

    /// Each entity's debt, written to `d[0 ..< entities]`: its opening debt outside the loop's
    /// loans, their balances, and what its own financing carries (revolvers drawn, debt rolled
    /// over or raised). Each sum is made in a register and stored once: adding into the
    /// projection's fresh memory would wait on it.
    func writeDebt(into d: UnsafeMutablePointer<Double>) {
        for e in 0..<plan.openingDebt.count {
            d[e] = open.scheduledDebt(of: e, plan, borrowed: borrowed)
                + (plan.slot[e] >= 0 ? financing[plan.slot[e]].debt : 0)
        }
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
        monthly.fill(0)
        open.startMonth()
        if closed { shut.startMonth() }
        // By index: iterating the plan's lists would count a reference on each every month.
        for k in deliveries.indices where deliveries.base[k].delivers(month: t) { deliver(deliveries.base + k, t) }
        if !plan.financed.isEmpty { retireAndReplace(month: t) }
        capacityMonth(t)
        for e in busy.indices { busy[e] = min(busy[e], fleet[e] * LoopEngine.hoursPerMonth) }
        operatingCosts()
        dependentDeals(t)
        for k in 0..<plan.revolvers.count {
            topUp(plan.revolvers[k], open)
            if closed { topUp(plan.revolvers[k], shut) }
        }
        for s in plan.financed.indices where plan.financing[s].policy.maxLoanToValue > 0 {
            collateral[s] = book[s].bookValue(month: t)
        }
        finance(month: t, open)
        if closed { finance(month: t, shut) }
    }

    /// A vendor sale's month: what was ordered `delay` months ago lands in the buyer's
    /// fleet and is paid. Its record is read in place (`deliveries`).
    mutating func deliver(_ d: UnsafePointer<RunDelivery>, _ t: Int) {
        let m = t - d.pointee.delay
        var units = m >= d.pointee.start && m < d.pointee.end ? d.pointee.perMonth : 0
        if d.pointee.orderMonths?.contains(m) == true {
            for o in d.pointee.orders where plan.tranches[o].milestone.month == m { units += plan.tranches[o].amount }
        }
        units *= d.pointee.weight
        guard units > 0 else { return }
        let i = d.pointee.deal, buyer = d.pointee.buyer, price = d.pointee.unitPrice
        fleet[buyer] += units
        open.purchases[buyer] += units * price
        if closed { shut.purchases[buyer] += units * price }
        paid[i] += units * price
        delivered[i] += units
        if plan.slot[buyer] >= 0 { book[plan.slot[buyer]].add(gpus: units, cost: units * price, month: t) }
        emit(i, buyer, d.pointee.seller, .purchase, units * price)
    }

    /// The capacity deals in their term, in the plan's order (their flows and the hours they
    /// add keep it); each deal's month is inlined here, not called.
    mutating func capacityMonth(_ t: Int) {
        for k in capacities.indices {
            let c = capacities.base + k
            if t >= c.pointee.first, t < c.pointee.end { capacityDeal(c, t) }
        }
    }

    /// A capacity deal's month, in its term (`capacities`, read in place): it reserves or
    /// uses the payee's GPU-hours and pays for them, or pays its recurring amount.
    @inline(__always) mutating func capacityDeal(_ c: UnsafePointer<RunCapacity>, _ t: Int) {
        let i = c.pointee.deal, to = c.pointee.to
        switch c.pointee.kind {
        case .takeOrPay:
            busy[to] += c.pointee.reserved
            // From month `ramp` of the contract on, its ramp weight is exactly 1: the flat pay.
            let k = t - c.pointee.first
            let pay = k >= c.pointee.ramp ? c.pointee.flatPay
                : c.pointee.due * LoopEngine.rampWeight(k, ramp: c.pointee.ramp) / c.pointee.rampTotal
            paid[i] += pay
            emit(i, c.pointee.from, to, .contract, pay)
        case .usage:
            let count = (c.pointee.gpus + c.pointee.fleetShare * fleet[to]) * c.pointee.weight
            let used = count * LoopEngine.hoursPerMonth * c.pointee.utilized
            busy[to] += used
            let pay = used * c.pointee.due * growth(i, months: t - c.pointee.first) * releaseShare(of: to, count: count, month: t)
            balance[i] = pay * Double(c.pointee.end - t - 1)
            emit(i, c.pointee.from, to, .usage, pay)
        case .recurring:
            let pay = c.pointee.due * growth(i, months: t - c.pointee.first)
            balance[i] = pay * Double(c.pointee.end - t - 1)
            emit(i, c.pointee.from, to, .recurring, pay)
        }
    }

    /// The entities with a supplier pay it their operating costs (`supplied`: no test per entity).
    mutating func operatingCosts() {
        for k in supplied.indices {
            let e = supplied[k]
            emit(LoopFlow.operatingCosts, e, plan.supplier[e], .opex, fleet[e] * LoopEngine.hoursPerMonth * plan.opexPerGPUHour[e] + plan.overhead[e])
        }
    }
}
