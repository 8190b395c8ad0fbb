/// The running balances of one loop projection: cash, fleet and busy hours per entity,
/// and each deal's progress (paid so far, balance, tranches released).
struct LoopRun {
    let loop: MoneyLoop
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
    var flows: [LoopFlow] = []
    /// Deal indices by phase, each in the loop's scheduled order.
    let deliveries: [Int], capacity: [Int], dependent: [Int], revolvers: [Int]
    var month = 0

    init(_ loop: MoneyLoop, levers: LoopLevers, recordFlows: Bool) {
        self.loop = loop; self.levers = levers; self.recordFlows = recordFlows
        let n = loop.entities.count, d = loop.deals.count
        cash = loop.entities.map(\.cash)
        fleet = loop.entities.map(\.fleet)
        busy = Array(repeating: 0, count: n)
        purchases = Array(repeating: 0, count: n)
        paid = Array(repeating: 0, count: d)
        delivered = Array(repeating: 0, count: d)
        balance = Array(repeating: 0, count: d)
        begin = Array(repeating: 0, count: d)
        rampTotal = Array(repeating: 1, count: d)
        weight = loop.deals.map { $0.status == .binding ? 1 : levers.nonBinding }
        released = loop.deals.map { deal in
            switch deal.terms {
            case let .equity(t), let .warrant(_, _, _, t): Array(repeating: false, count: t.count)
            default: []
            }
        }
        var phases: ([Int], [Int], [Int], [Int]) = ([], [], [], [])
        for i in loop.order {
            switch loop.deals[i].terms {
            case .vendorSale: phases.0.append(i)
            case .takeOrPay, .usage, .recurring: phases.1.append(i)
            case let .loan(l) where l.facility == .revolver: phases.2.append(i); phases.3.append(i)
            default: phases.2.append(i)
            }
        }
        (deliveries, capacity, dependent, revolvers) = phases
        for i in 0..<d {
            switch loop.deals[i].terms {
            case let .takeOrPay(value, start, term, ramp, _):
                begin[i] = start > 0 ? start + levers.demandDelay : start
                rampTotal[i] = max(1e-12, LoopEngine.rampTotal(term: term, ramp: ramp))
                // Months served before the start were paid before it.
                var before = 0.0
                for k in 0..<max(0, min(term, -start)) { before += LoopEngine.rampWeight(k, ramp: ramp) }
                paid[i] = value * weight[i] * before / rampTotal[i]
            case let .loan(l):
                balance[i] = l.issue == nil ? l.drawn * weight[i] : 0
                paid[i] = balance[i]
            default: break
            }
        }
    }

    /// Debt of entity `e`: its opening debt outside the loop's loans plus their balances.
    func debt(of e: Int) -> Double {
        var d = loop.entities[e].debt
        for (i, deal) in loop.deals.enumerated() where deal.to == e && deal.kind == .loan { d += balance[i] }
        return d
    }

    /// Moves `amount` from `from` to `to` (cash unless the kind is not cash) and records it.
    mutating func emit(_ deal: Int, _ from: Int, _ to: Int, _ kind: LoopFlowKind, _ amount: Double) {
        guard amount != 0 else { return }
        if kind.isCash {
            cash[from] -= amount
            cash[to] += amount
        }
        if recordFlows { flows.append(LoopFlow(deal: deal, from: from, to: to, kind: kind, amount: amount)) }
    }

    mutating func step(month t: Int) {
        month = t
        for e in busy.indices { busy[e] = 0; purchases[e] = 0 }
        for i in deliveries { deliver(i, t) }
        for i in capacity { capacityDeal(i, t) }
        for e in busy.indices { busy[e] = min(busy[e], fleet[e] * LoopEngine.hoursPerMonth) }
        operatingCosts()
        for i in dependent { dependentDeal(i, t) }
        for i in revolvers { topUp(i) }
    }

    mutating func deliver(_ i: Int, _ t: Int) {
        guard case let .vendorSale(price, perMonth, start, term, orders, lead) = loop.deals[i].terms else { return }
        let m = t - lead - levers.buildDelay
        var units = m >= start && m < start + term ? perMonth : 0
        for o in orders where o.milestone.month == m { units += o.amount }
        units *= weight[i]
        guard units > 0 else { return }
        let d = loop.deals[i]
        fleet[d.from] += units
        purchases[d.from] += units * price
        paid[i] += units * price
        delivered[i] += units
        emit(i, d.from, d.to, .purchase, units * price)
    }

    mutating func capacityDeal(_ i: Int, _ t: Int) {
        let d = loop.deals[i]
        let hours = LoopEngine.hoursPerMonth
        switch d.terms {
        case let .takeOrPay(value, _, term, ramp, gpus):
            let k = t - begin[i]
            guard k >= 0, k < term else { return }
            busy[d.to] += gpus * weight[i] * hours
            let pay = value * weight[i] * LoopEngine.rampWeight(k, ramp: ramp) / rampTotal[i]
            paid[i] += pay
            emit(i, d.from, d.to, .contract, pay)
        case let .usage(gpus, share, utilization, price, decline, start, term):
            guard t >= start, t < start + term else { return }
            let count = (gpus + share * fleet[d.to]) * weight[i]
            let used = count * hours * min(1, utilization * levers.utilizationScale)
            busy[d.to] += used
            let pay = used * price * LoopEngine.growth(-decline, months: t - start)
            balance[i] = pay * Double(start + term - t - 1)
            emit(i, d.from, d.to, .usage, pay)
        case let .recurring(monthly, growth, start, term):
            guard t >= start, t < start + term else { return }
            let pay = monthly * weight[i] * LoopEngine.growth(growth, months: t - start)
            balance[i] = pay * Double(start + term - t - 1)
            emit(i, d.from, d.to, .recurring, pay)
        default: break
        }
    }

    mutating func operatingCosts() {
        for (e, entity) in loop.entities.enumerated() {
            guard let s = entity.supplier else { continue }
            emit(-1, e, s, .opex, fleet[e] * LoopEngine.hoursPerMonth * entity.opexPerGPUHour + entity.overheadMonthly)
        }
    }

    /// What a deal still owes: the collateral a DDTL lends against.
    func unpaid(_ i: Int) -> Double {
        switch loop.deals[i].terms {
        case let .takeOrPay(value, _, _, _, _): max(0, value * weight[i] - paid[i])
        case let .perUnit(cap, _, _, _, _, _): max(0, cap * weight[i] - paid[i])
        case .usage, .recurring, .loan: balance[i]
        default: 0
        }
    }
}
