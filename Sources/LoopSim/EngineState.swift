/// A contract as the engine tracks it: when it really began (after any demand delay)
/// and how many months of full service it still owes. A month served at a fraction f
/// of its GPUs is paid f × the monthly value and uses up f of a month, so undelivered
/// capacity defers payment instead of losing it.
struct ContractState {
    /// Months from the scenario start to the contract's agreed start (negative: before).
    let start: Int
    let term: Int
    let monthly: Double
    /// Index into `Node.customers` (other customers when the node is not one).
    let payer: Int
    var begin: Int
    var begun: Bool
    var remaining: Double
}

/// The running balances the engine carries from one month to the next.
struct EngineState {
    let scenario: Scenario
    var cwCash: Double
    var vastCash: Double
    var gpus: Double
    /// GPUs landing in each future month, and the total still on order.
    var arrivals: [Double]
    var onOrder = 0.0
    var contracts: [ContractState]
    var facilities: [DebtFacility]
    /// Debt drawn against new GPUs: outstanding balance and everything drawn so far.
    var newDebt = 0.0
    var newDebtDrawn = 0.0
    var deal: StorageDeal
    var priceFactor = 1.0
    var vastGrowth = 1.0
    var vastCostGrowth = 1.0
    var backstopUsed = 0.0
    var nvidiaSalesTotal = 0.0
    var nvidiaFundingTotal = 0.0
    /// A Monte Carlo path's discrete events (none in a plain projection).
    var events = PathEvents()
    /// Revolver, rollovers, raises and covenants; the fleet's book (Financing/).
    var finance: LoopFinancing
    var vastMultipleGap = 1.0

    init(scenario: Scenario, horizon: Int, opening p: EngineInputs) {
        self.scenario = scenario
        cwCash = scenario.coreweaveCash
        vastCash = p.vastCash
        gpus = p.gpus
        arrivals = Array(repeating: 0, count: horizon + 1)
        facilities = scenario.facilities
        contracts = scenario.contracts.map { c in
            let s = c.start.months(since: scenario.start)
            let term = max(0, c.termMonths)
            return ContractState(start: s, term: term, monthly: term > 0 ? c.value / Double(term) : 0,
                                 payer: Node.customers.firstIndex(of: c.customer) ?? Node.customers.count - 1,
                                 begin: s, begun: false, remaining: Double(max(0, term - max(0, -s))))
        }
        deal = StorageDeal(referenceHours: p.gpus * Engine.hoursPerMonth * Engine.dealReferenceUtilization)
        finance = LoopFinancing(coreweaveCash: scenario.coreweaveCash, vastCash: p.vastCash, gpus: p.gpus, p)
        // GPUs for the contracts of the first lead time were ordered before the start;
        // they land evenly over the lead time (later under a build delay) and are paid
        // for on delivery like every other GPU.
        var need = 0.0
        for m in 0...p.leadTime { need = max(need, plannedFleet(month: m, p) - gpus) }
        let lead = max(1, p.leadTime)
        for m in 1...lead { schedule(need / Double(lead), landing: m + p.buildDelay) }
    }

    /// The fleet the contracts' agreed schedules call for in month `m`: their GPUs plus
    /// the usage-billed share (CoreWeave plans at most half the fleet usage-billed).
    func plannedFleet(month m: Int, _ p: EngineInputs) -> Double {
        var d = 0.0
        for c in contracts where m >= c.start && m < c.start + c.term { d += c.monthly }
        return d / (Engine.hoursPerMonth * p.contractRate) / (1 - min(0.5, p.usageShare))
    }

    mutating func schedule(_ count: Double, landing month: Int) {
        guard count > 0 else { return }
        onOrder += count
        if month < arrivals.count { arrivals[month] += count }
    }

    /// Advances one month under the inputs `p` and returns that month's snapshot (without
    /// its flow list when `flows` is false).
    mutating func step(month t: Int, _ p: EngineInputs, flows recordFlows: Bool = true) -> MonthSnapshot {
        let hours = Engine.hoursPerMonth
        let date = scenario.start.adding(months: t)
        var cw = CoreWeaveMonth()
        var vast = VastMonth()
        var nv = NvidiaMonth()

        // Fleet: builds ordered earlier land now and are paid for on delivery.
        if t > 0, arrivals[t] > 0 {
            gpus += arrivals[t]
            onOrder = max(0, onOrder - arrivals[t])
            cw.capex = arrivals[t] * p.capexPerGPU
            finance.book.add(gpus: arrivals[t], cost: cw.capex, month: t)
        }
        finance.book.usefulLifeMonths = p.financing.usefulLifeMonths
        cw.gpusRetired = min(gpus, finance.book.retire(through: t))
        gpus -= cw.gpusRetired
        cw.gpusInService = gpus
        cw.utilization = p.utilization
        if t > 0 { priceFactor *= p.priceFactorPerMonth }
        cw.price = p.price * priceFactor

        // Contracts: paying (served from the contract share of the fleet), or waiting
        // for demand that is late (their GPUs reserved and idle).
        let perGPU = hours * p.contractRate
        var paying = 0.0, waiting = 0.0
        for i in contracts.indices {
            if !contracts[i].begun {
                let c = contracts[i]
                contracts[i].begin = c.start > 0 ? c.start + p.demandDelay : c.start
                if t >= contracts[i].begin { contracts[i].begun = true }
            }
            let c = contracts[i]
            if c.begun && c.remaining > 0 {
                paying += c.monthly
            } else if !c.begun && t >= c.start {
                waiting += c.monthly
            }
        }
        let capacity = gpus * (1 - p.usageShare)
        let served = min(capacity, paying / perGPU)
        let fraction = paying > 0 ? served * perGPU / paying : 1
        // Per payer (`Node.customers`' order), in a tuple: no array allocated each month.
        var contractPay = (0.0, 0.0, 0.0, 0.0)
        let keep = 1 - p.haircut
        for i in contracts.indices where contracts[i].begun && contracts[i].remaining > 0 {
            let used = min(fraction, contracts[i].remaining)
            contracts[i].remaining -= used
            let payer = contracts[i].payer
            let pay = contracts[i].monthly * used * keep
                * (events.haircuts.isEmpty ? 1 : events.kept(payer: payer, month: t))
            switch payer {
            case 0: contractPay.0 += pay
            case 1: contractPay.1 += pay
            case 2: contractPay.2 += pay
            default: contractPay.3 += pay
            }
        }
        cw.waitingGPUs = min(capacity - served, waiting / perGPU)
        cw.committedGPUs = served + cw.waitingGPUs
        cw.uncommittedGPUs = gpus - cw.committedGPUs
        cw.gpuHoursUsed = (gpus - cw.waitingGPUs) * hours * p.utilization
        cw.committedRevenue = contractPay.0 + contractPay.1 + contractPay.2 + contractPay.3
        // Off contract, GPUs re-lease: the usage-billed ones are the oldest (contracts are
        // served from the newest) and rent at the share of their useful life left.
        let relet = finance.book.lifeLeftShare(oldest: cw.uncommittedGPUs, month: t)
        cw.usageRevenue = cw.uncommittedGPUs * hours * p.utilization * cw.price * relet
        let pressure = cw.uncommittedGPUs * hours * p.utilization * (p.price - cw.price)

        // NVIDIA's backstop buys idle hours up to its ceiling: the usage-billed fleet's at the
        // price they re-lease at, and those of GPUs waiting for late demand at the contract rate.
        if p.backstopOn {
            let idle = (cw.uncommittedGPUs * (1 - p.utilization) * cw.price * relet + cw.waitingGPUs * p.contractRate) * hours
            let paid = max(0, min(idle, p.backstopTotal - backstopUsed))
            backstopUsed += paid
            cw.backstopRevenue = paid
            nv.backstopPaid = paid
        }

        // Costs paid whether GPUs are busy or idle.
        cw.opex = gpus * hours * p.opexPerGPUHour
        cw.overhead = p.overheadMonthly

        // Orders: for the backlog's agreed schedule one lead time ahead, plus extra builds.
        let target = plannedFleet(month: t + p.leadTime, p)
        let retiring = finance.book.retiring(after: t, within: max(1, p.leadTime + p.buildDelay))
        let orders = max(0, target - gpus + retiring - onOrder) + p.buildPerMonth
        cw.gpusOrdered = orders
        schedule(orders, landing: t + max(1, p.leadTime + p.buildDelay))
        cw.debtDraw = events.creditClosed.contains(t) ? 0
            : max(0, min(cw.capex * p.loanToValue, p.newDebtCapacity - newDebtDrawn))
        newDebtDrawn += cw.debtDraw
        let toNvidia = cw.capex * p.nvidiaCapexShare
        nvidiaSalesTotal += toNvidia
        nv.salesToCoreWeave = toNvidia

        // Debt service: the scenario's facilities, then the new GPU debt (floating).
        for i in facilities.indices where facilities[i].balance > 0 {
            let f = facilities[i]
            cw.interest += f.balance * max(0, f.rate + (f.floating ? p.shock : 0)) / 12
            let left = f.maturity.months(since: date)
            let pay = left <= 0 ? f.balance : (f.amortizing ? f.balance / Double(left + 1) : 0)
            cw.principal += pay
            facilities[i].balance = f.balance - pay
        }
        cw.interest += newDebt * max(0, p.newDebtRate + p.shock) / 12
        let newPay = newDebt / p.newDebtTerm
        cw.principal += newPay
        newDebt += cw.debtDraw - newPay
        var debt = newDebt
        for f in facilities { debt += f.balance }
        cw.debt = debt

        // The Vast deal.
        cw.storagePayment = deal.payment(month: t, p, gpuHoursUsed: cw.gpuHoursUsed)

        finance.finance(&cw, month: t, cash: cwCash, p, closed: events.creditClosed.contains(t))
        cwCash += cw.netCashFlow
        cw.cash = cwCash

        // Vast: its own customers plus CoreWeave; fixed and variable costs; valuation.
        if t > 0 {
            vastGrowth *= p.vastGrowthPerMonth
            vastCostGrowth *= p.vastCostGrowthPerMonth
        }
        vast.baseRevenue = p.vastBaseARR / 12 * vastGrowth
        vast.revenueFromCoreWeave = cw.storagePayment
        vast.costs = p.vastFixedMonthly * vastCostGrowth + (1 - p.vastGrossMargin) * vast.revenue
        let raise = t == p.vastRaiseMonth ? p.vastRaise : 0
        vast.equityRaised = raise
        nv.equityToVast = raise * p.vastNvidiaShare
        if t > 0 { vastMultipleGap *= p.vastMultipleDecayPerMonth }
        vast.multiple = p.vastTerminalMultiple + (p.vastMultiple - p.vastTerminalMultiple) * vastMultipleGap
        vast.valuation = vast.multiple * vast.arr
        finance.finance(&vast, month: t, cash: vastCash, p, closed: events.creditClosed.contains(t))
        vastCash += vast.netCashFlow
        vast.cash = vastCash

        // NVIDIA: stake value and the round trip of its own money.
        nv.stakeValue = p.nvidiaStake * p.cwValueMultiple * cw.annualRevenue
        nv.backstopUsed = backstopUsed
        nvidiaFundingTotal += nv.backstopPaid
        nv.roundTripShare = nvidiaSalesTotal > 0 ? nvidiaFundingTotal / nvidiaSalesTotal : nil

        // One array a month, sized once: the month's 18 flows and each company's financing.
        var flows: [Flow] = []
        if recordFlows {
            flows.reserveCapacity(18 + 2 * LoopFinancing.flowCount)
            flows.append(Flow(from: .microsoft, to: .coreweave, kind: .contract, amount: contractPay.0))
            flows.append(Flow(from: .openai, to: .coreweave, kind: .contract, amount: contractPay.1))
            flows.append(Flow(from: .meta, to: .coreweave, kind: .contract, amount: contractPay.2))
            flows.append(Flow(from: .otherCustomers, to: .coreweave, kind: .contract, amount: contractPay.3))
            flows.append(Flow(from: .otherCustomers, to: .coreweave, kind: .usage, amount: cw.usageRevenue))
            flows.append(Flow(from: .hyperscalers, to: .coreweave, kind: .pricePressure, amount: pressure))
            flows.append(Flow(from: .nvidia, to: .coreweave, kind: .backstop, amount: cw.backstopRevenue))
            flows.append(Flow(from: .lenders, to: .coreweave, kind: .debtDraw, amount: cw.debtDraw))
            flows.append(Flow(from: .coreweave, to: .nvidia, kind: .gpuPurchase, amount: toNvidia))
            flows.append(Flow(from: .coreweave, to: .suppliers, kind: .capex, amount: cw.capex - toNvidia))
            flows.append(Flow(from: .coreweave, to: .suppliers, kind: .opex, amount: cw.opex + cw.overhead))
            flows.append(Flow(from: .coreweave, to: .lenders, kind: .interest, amount: cw.interest))
            flows.append(Flow(from: .coreweave, to: .lenders, kind: .principal, amount: cw.principal))
            flows.append(Flow(from: .coreweave, to: .vast, kind: .storage, amount: cw.storagePayment))
            flows.append(Flow(from: .vastCustomers, to: .vast, kind: .vastRevenue, amount: vast.baseRevenue))
            flows.append(Flow(from: .investors, to: .vast, kind: .equity, amount: raise - nv.equityToVast))
            flows.append(Flow(from: .nvidia, to: .vast, kind: .equity, amount: nv.equityToVast))
            flows.append(Flow(from: .vast, to: .suppliers, kind: .vastCosts, amount: vast.costs))
            LoopFinancing.appendFlows(cw.financing, .coreweave, to: &flows)
            LoopFinancing.appendFlows(vast.financing, .vast, to: &flows)
        }
        return MonthSnapshot(month: t, date: date, coreweave: cw, vast: vast, nvidia: nv, flows: flows)
    }
}
