#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The running balances of one loop projection: cash, fleet and busy hours per entity,
/// and each deal's progress (paid so far, balance, tranches released).
struct LoopRun {
    let plan: LoopPlan
    let levers: LoopLevers
    let recordFlows: Bool
    var cash: [Double]
    var fleet: [Double]
    var busy: [Double]
    /// What each entity paid for deliveries this month (the base of DDTL draws).
    var purchases: [Double]
    /// Per deal: paid (or drawn) so far, outstanding balance, month count, begin month.
    var paid: [Double]
    /// Per vendor-sale deal: units delivered so far.
    var delivered: [Double]
    var balance: [Double]
    var begin: [Int]
    var rampTotal: [Double]
    var weight: [Double]
    var released: [[Bool]]
    /// Per deal: the monthly growth factor of its price or amount, and its value at month `grownAt`.
    var growthRate: [Double]
    var grownAt: [Int]
    var grown: [Double]
    var flows: [LoopFlow] = []
    var month = 0
    /// Per entity, this month: operating cash earnings, and the interest and principal it
    /// paid on its loan deals (what its financing reads).
    var ebitda: [Double]
    var interestPaid: [Double]
    var principalPaid: [Double]
    /// Per financed entity (`plan.slot`): its financing, the book of what it pledged,
    /// and this month's financing; `before` is scratch for its revolvers' balances.
    var financing: [EntityFinancing]
    var book: [GPUFleetBook]
    var financingMonth: [FinancingMonth]
    var before: [Double]

    init(_ plan: LoopPlan, levers: LoopLevers, recordFlows: Bool) {
        self.plan = plan; self.levers = levers; self.recordFlows = recordFlows
        let n = plan.openingCash.count, d = plan.terms.count
        cash = plan.openingCash
        fleet = plan.openingFleet
        busy = Array(repeating: 0, count: n)
        purchases = Array(repeating: 0, count: n)
        paid = Array(repeating: 0, count: d)
        delivered = Array(repeating: 0, count: d)
        balance = Array(repeating: 0, count: d)
        begin = Array(repeating: 0, count: d)
        rampTotal = plan.rampTotal
        growthRate = plan.growthRate
        grownAt = Array(repeating: Int.min, count: d)
        grown = Array(repeating: 1, count: d)
        weight = plan.binding.map { $0 ? 1 : levers.nonBinding }
        released = plan.unreleased
        ebitda = Array(repeating: 0, count: n)
        interestPaid = ebitda
        principalPaid = ebitda
        financingMonth = Array(repeating: FinancingMonth(), count: plan.financed.count)
        before = Array(repeating: 0, count: plan.facilityDeals.reduce(0) { max($0, $1.count) })
        financing = []
        book = []
        for i in 0..<d {
            switch plan.terms[i] {
            case let .takeOrPay(value, start, _, _, _):
                begin[i] = start > 0 ? start + levers.demandDelay : start
                paid[i] = value * weight[i] * plan.paidBefore[i]
            case let .loan(l):
                balance[i] = l.issue == nil ? l.drawn * weight[i] : 0
                paid[i] = balance[i]
            default: break
            }
        }
        openFinancing()
    }

    /// Deal i's growth factor after `m` months: one multiplication a month, a power only
    /// when months are skipped.
    mutating func growth(_ i: Int, months m: Int) -> Double {
        if grownAt[i] == m - 1 {
            grown[i] *= growthRate[i]
        } else if grownAt[i] != m {
            grown[i] = pow(growthRate[i], Double(m))
        }
        grownAt[i] = m
        return grown[i]
    }

    /// Debt of entity `e`: its opening debt outside the loop's loans, their balances, and
    /// what its own financing carries (revolvers drawn, debt rolled over or raised).
    func debt(of e: Int) -> Double {
        scheduledDebt(of: e) + (plan.slot[e] >= 0 ? financing[plan.slot[e]].debt : 0)
    }

    /// Its opening debt outside the loop's loans plus the balances of its loan deals.
    func scheduledDebt(of e: Int) -> Double {
        var d = plan.openingDebt[e]
        for i in plan.loansOf[e] { d += balance[i] }
        return d
    }

    /// Moves `amount` from `from` to `to` (cash unless the kind is not cash) and records it.
    mutating func emit(_ deal: Int, _ from: Int, _ to: Int, _ kind: LoopFlowKind, _ amount: Double) {
        guard amount != 0 else { return }
        if kind.isCash {
            cash[from] -= amount
            cash[to] += amount
            if kind.isOperating {
                ebitda[from] -= amount
                ebitda[to] += amount
            }
        }
        if recordFlows { flows.append(LoopFlow(deal: deal, from: from, to: to, kind: kind, amount: amount)) }
    }

    mutating func step(month t: Int) {
        month = t
        for e in busy.indices { busy[e] = 0; purchases[e] = 0; ebitda[e] = 0; interestPaid[e] = 0; principalPaid[e] = 0 }
        for i in plan.deliveries { deliver(i, t) }
        if !plan.financed.isEmpty { retireAndReplace(month: t) }
        for i in plan.capacity { capacityDeal(i, t) }
        for e in busy.indices { busy[e] = min(busy[e], fleet[e] * LoopEngine.hoursPerMonth) }
        operatingCosts()
        for i in plan.dependent { dependentDeal(i, t) }
        for i in plan.revolvers { topUp(i) }
        finance(month: t)
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
        purchases[buyer] += units * price
        paid[i] += units * price
        delivered[i] += units
        if plan.slot[buyer] >= 0 { book[plan.slot[buyer]].add(gpus: units, cost: units * price, month: t) }
        emit(i, buyer, plan.to[i], .purchase, units * price)
    }

    mutating func capacityDeal(_ i: Int, _ t: Int) {
        let d = (from: plan.from[i], to: plan.to[i])
        let hours = LoopEngine.hoursPerMonth
        switch plan.terms[i] {
        case let .takeOrPay(value, _, term, ramp, gpus):
            let k = t - begin[i]
            guard k >= 0, k < term else { return }
            busy[d.to] += gpus * weight[i] * hours
            let pay = value * weight[i] * LoopEngine.rampWeight(k, ramp: ramp) / rampTotal[i]
            paid[i] += pay
            emit(i, d.from, d.to, .contract, pay)
        case let .usage(gpus, share, utilization, price, _, start, term):
            guard t >= start, t < start + term else { return }
            let count = (gpus + share * fleet[d.to]) * weight[i]
            let used = count * hours * min(1, utilization * levers.utilizationScale)
            busy[d.to] += used
            let pay = used * price * growth(i, months: t - start) * releaseShare(of: d.to, count: count, month: t)
            balance[i] = pay * Double(start + term - t - 1)
            emit(i, d.from, d.to, .usage, pay)
        case let .recurring(monthly, _, start, term):
            guard t >= start, t < start + term else { return }
            let pay = monthly * weight[i] * self.growth(i, months: t - start)
            balance[i] = pay * Double(start + term - t - 1)
            emit(i, d.from, d.to, .recurring, pay)
        default: break
        }
    }

    mutating func operatingCosts() {
        for e in plan.supplier.indices where plan.supplier[e] >= 0 {
            emit(LoopFlow.operatingCosts, e, plan.supplier[e], .opex, fleet[e] * LoopEngine.hoursPerMonth * plan.opexPerGPUHour[e] + plan.overhead[e])
        }
    }

    /// What a deal still owes: the collateral a DDTL lends against.
    func unpaid(_ i: Int) -> Double {
        switch plan.terms[i] {
        case let .takeOrPay(value, _, _, _, _): max(0, value * weight[i] - paid[i])
        case let .perUnit(cap, _, _, _, _, _): max(0, cap * weight[i] - paid[i])
        case .usage, .recurring, .loan: balance[i]
        default: 0
        }
    }
}
