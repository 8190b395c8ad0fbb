/// The monthly engine: a pure function from a scenario and its lever schedule to a
/// projection. No global state; safe to run many at once.
public enum Engine {
    /// GPU-hours in a GPU-month.
    public static let hoursPerMonth = 730.0

    /// Runs `scenario` for `months` months (the scenario's horizon when nil) with the
    /// parameter values of `schedule` (the scenario's own when nil).
    public static func project(_ scenario: Scenario, schedule: LeverSchedule? = nil, months: Int? = nil) -> Projection {
        let schedule = schedule ?? LeverSchedule(base: scenario.parameters)
        let horizon = max(1, min(Scenario.maxHorizon, months ?? scenario.horizon))
        var state = EngineState(scenario: scenario, horizon: horizon)
        var snapshots: [MonthSnapshot] = []
        snapshots.reserveCapacity(horizon + 1)
        for t in 0...horizon {
            snapshots.append(state.step(month: t, p: schedule.values(at: t)))
        }
        return Projection(scenarioName: scenario.name, start: scenario.start, horizon: horizon, months: snapshots)
    }
}

/// The running balances the engine carries from one month to the next.
struct EngineState {
    let scenario: Scenario
    var cwCash: Double
    var vastCash: Double
    var gpus: Double
    /// GPUs arriving in each future month.
    var arrivals: [Double]
    var facilities: [DebtFacility]
    /// Debt drawn against new GPUs, amortised over its term.
    var newDebt = 0.0
    var storagePaid = 0.0
    var backstopUsed = 0.0
    var nvidiaSalesTotal = 0.0

    init(scenario: Scenario, horizon: Int) {
        self.scenario = scenario
        cwCash = scenario.coreweaveCash
        vastCash = scenario.parameters["vast.cash"]
        gpus = scenario.parameters["cw.gpus"]
        arrivals = Array(repeating: 0, count: horizon + 64)
        facilities = scenario.facilities
    }

    /// Advances one month under parameter values `p` and returns that month's snapshot.
    mutating func step(month t: Int, p: ParameterValues) -> MonthSnapshot {
        let hours = Engine.hoursPerMonth
        let date = scenario.start.adding(months: t)
        var cw = CoreWeaveMonth()
        var vast = VastMonth()
        var nv = NvidiaMonth()
        var flows: [Flow] = []
        flows.reserveCapacity(20)

        // Fleet: builds ordered now land after lead time + build delay.
        if t > 0 { gpus += arrivals[t] }
        let orders = p["cw.buildPerMonth"]
        let landing = t + Int(p["cw.leadTimeMonths"] + p["build.delayMonths"])
        if landing < arrivals.count { arrivals[landing] += orders }
        cw.gpusInService = gpus
        cw.utilization = p["cw.utilization"]

        // Revenue: contracts (take-or-pay) + usage-billed hours at a price under pressure.
        let listPrice = p["price.gpuHour"]
        cw.price = listPrice * pow(1 - p["price.declinePerYear"], Double(t) / 12)
        let usageGPUs = gpus * p["cw.usageShare"]
        cw.gpuHoursUsed = gpus * hours * cw.utilization
        cw.usageRevenue = usageGPUs * hours * cw.utilization * cw.price
        let pressure = usageGPUs * hours * cw.utilization * (listPrice - cw.price)
        for c in scenario.contracts {
            let s = c.start.months(since: scenario.start)
            let delay = s > 0 ? Int(scheduleDelay(p)) : 0
            let begin = s + delay
            guard c.termMonths > 0, t >= begin, t < begin + c.termMonths else { continue }
            let amount = c.value / Double(c.termMonths) * (1 - p["contracts.haircut"])
            cw.committedRevenue += amount
            flows.append(Flow(from: c.customer, to: .coreweave, kind: .contract, amount: amount))
        }
        flows.append(Flow(from: .otherCustomers, to: .coreweave, kind: .usage, amount: cw.usageRevenue))
        flows.append(Flow(from: .hyperscalers, to: .coreweave, kind: .pricePressure, amount: pressure))

        // NVIDIA backstop: buys the idle part of the usage-billed fleet, up to its ceiling.
        if p["nvidia.backstop"] >= 0.5 {
            let idle = usageGPUs * hours * (1 - cw.utilization) * cw.price
            let paid = max(0, min(idle, p["nvidia.backstopTotal"] - backstopUsed))
            backstopUsed += paid
            cw.backstopRevenue = paid
            nv.backstopPaid = paid
            flows.append(Flow(from: .nvidia, to: .coreweave, kind: .backstop, amount: paid))
        }

        // Costs paid whether GPUs are busy or idle.
        cw.opex = gpus * hours * p["cw.opexPerGPUHour"]
        cw.overhead = p["cw.overheadMonthly"]
        flows.append(Flow(from: .coreweave, to: .suppliers, kind: .opex, amount: cw.opex + cw.overhead))

        // Capex: a loan-to-value share borrowed, the rest paid in cash; NVIDIA's share of it.
        cw.capex = orders * p["cw.capexPerGPU"]
        cw.debtDraw = cw.capex * p["cw.loanToValue"]
        let toNvidia = cw.capex * p["nvidia.capexShare"]
        nvidiaSalesTotal += toNvidia
        nv.salesToCoreWeave = toNvidia
        flows.append(Flow(from: .coreweave, to: .nvidia, kind: .gpuPurchase, amount: toNvidia))
        flows.append(Flow(from: .coreweave, to: .suppliers, kind: .capex, amount: cw.capex - toNvidia))
        flows.append(Flow(from: .lenders, to: .coreweave, kind: .debtDraw, amount: cw.debtDraw))

        // Debt service: scenario facilities, then the new GPU debt.
        let shock = p["rates.shockBps"] / 10_000
        for i in facilities.indices {
            var f = facilities[i]
            guard f.balance > 0 else { continue }
            cw.interest += f.balance * (f.rate + (f.floating ? shock : 0)) / 12
            let left = f.maturity.months(since: date)
            let pay = left <= 0 ? f.balance : (f.amortizing ? f.balance / Double(left + 1) : 0)
            cw.principal += pay
            f.balance -= pay
            facilities[i] = f
        }
        cw.interest += newDebt * (p["cw.newDebtRate"] + shock) / 12
        let newPay = newDebt / max(1, p["cw.newDebtTermMonths"])
        cw.principal += newPay
        newDebt += cw.debtDraw - newPay
        cw.debt = newDebt + facilities.reduce(0) { $0 + $1.balance }
        flows.append(Flow(from: .coreweave, to: .lenders, kind: .interest, amount: cw.interest))
        flows.append(Flow(from: .coreweave, to: .lenders, kind: .principal, amount: cw.principal))

        // The Vast deal.
        cw.storagePayment = storagePayment(month: t, p: p, gpuHoursUsed: cw.gpuHoursUsed)
        storagePaid += cw.storagePayment
        flows.append(Flow(from: .coreweave, to: .vast, kind: .storage, amount: cw.storagePayment))

        cw.cash = cwCash + cw.revenue - cw.opex - cw.overhead - cw.capex + cw.debtDraw
            - cw.interest - cw.principal - cw.storagePayment
        cwCash = cw.cash

        // Vast: its own customers plus CoreWeave; fixed and variable costs; valuation.
        vast.baseRevenue = p["vast.baseARR"] / 12 * pow(1 + p["vast.arrGrowth"], Double(t) / 12)
        vast.revenueFromCoreWeave = cw.storagePayment
        vast.costs = p["vast.fixedMonthly"] + (1 - p["vast.grossMargin"]) * vast.revenue
        vast.cash = vastCash + vast.revenue - vast.costs
        vastCash = vast.cash
        vast.valuation = p["vast.multiple"] * vast.arr
        flows.append(Flow(from: .vastCustomers, to: .vast, kind: .vastRevenue, amount: vast.baseRevenue))
        flows.append(Flow(from: .vast, to: .suppliers, kind: .vastCosts, amount: vast.costs))

        // NVIDIA: stake value and the round trip of its own money.
        nv.stakeValue = p["nvidia.stake"] * p["cw.valueMultiple"] * cw.revenue * 12
        nv.backstopUsed = backstopUsed
        nv.roundTripShare = nvidiaSalesTotal > 0 ? backstopUsed / nvidiaSalesTotal : 0

        return MonthSnapshot(month: t, date: date, coreweave: cw, vast: vast, nvidia: nv, flows: flows)
    }

    private func scheduleDelay(_ p: ParameterValues) -> Double { p["demand.delayMonths"] }

    /// CoreWeave's payment to Vast this month: flat over the term or per GPU-hour used,
    /// with the remaining value renegotiated from the chosen month.
    private func storagePayment(month t: Int, p: ParameterValues, gpuHoursUsed: Double) -> Double {
        let termMonths = p["vast.dealYears"] * 12
        guard Double(t) < termMonths else { return 0 }
        var remainingValue = p["vast.dealTotal"] - storagePaid
        let reneg = Int(p["vast.renegotiateMonth"])
        if reneg > 0 && t >= reneg {
            // The renegotiated deal keeps a share of what was left at the renegotiation month.
            remainingValue = max(0, remainingValue * p["vast.renegotiateShare"])
        }
        guard remainingValue > 0 else { return 0 }
        let monthsLeft = termMonths - Double(t)
        if p["vast.dealUsageLinked"] >= 0.5 {
            let expectedHours = p["cw.gpus"] * Engine.hoursPerMonth * 0.75
            let rate = p["vast.dealTotal"] / (termMonths * expectedHours)
            return min(remainingValue, rate * gpuHoursUsed * (reneg > 0 && t >= reneg ? p["vast.renegotiateShare"] : 1))
        }
        return remainingValue / monthsLeft
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
