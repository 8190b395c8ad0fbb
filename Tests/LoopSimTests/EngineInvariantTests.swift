import Testing
@testable import LoopSim
import TestSupport

@Suite struct EngineInvariantTests {
    /// Δcash of each company equals its cash inflows minus its outflows, every month.
    func checkConservation(_ p: Projection, opening: (Double, Double)) {
        var previous = [Node.coreweave: opening.0, .vast: opening.1]
        for m in p.months {
            for company in [Node.coreweave, .vast] {
                let inflow = m.flows.filter { $0.isCash && $0.to == company }.reduce(0) { $0 + $1.amount }
                let outflow = m.flows.filter { $0.isCash && $0.from == company }.reduce(0) { $0 + $1.amount }
                let delta = m.cash(of: company) - previous[company]!
                let scale = max(1, abs(inflow) + abs(outflow))
                #expect(abs(delta - (inflow - outflow)) <= 1e-9 * scale,
                        "\(company) month \(m.month): Δcash \(delta) vs flows \(inflow - outflow)")
                previous[company] = m.cash(of: company)
            }
        }
    }

    @Test func moneyIsConservedInTheDefault() {
        let s = Scenario.article2025
        checkConservation(Engine.project(s, months: 120), opening: (s.coreweaveCash, s.parameters["vast.cash"]))
    }

    @Test func noNaNAndConservationOverRandomParameters() {
        var rng = SplitMix64(seed: 2025)
        for _ in 0..<300 {
            let v = Support.randomValues(&rng)
            let p = Support.project(v)
            for m in p.months {
                let numbers = [m.coreweave.cash, m.coreweave.revenue, m.coreweave.debt, m.coreweave.usageRevenue,
                               m.coreweave.price, m.coreweave.uncommittedGPUs, m.coreweave.storagePayment,
                               m.vast.cash, m.vast.revenue, m.vast.valuation, m.nvidia.stakeValue,
                               m.nvidia.roundTripShare ?? 0] + m.flows.map(\.amount)
                #expect(numbers.allSatisfy { $0.isFinite }, "non-finite at month \(m.month) with \(v.differences(from: .defaults))")
                #expect(m.flows.allSatisfy { $0.amount >= -1e-6 }, "negative flow at month \(m.month)")
                #expect(m.coreweave.uncommittedGPUs >= -1e-6)
            }
            checkConservation(p, opening: (Scenario.article2025.coreweaveCash, v["vast.cash"]))
            _ = FactCheck.run(.article2025, values: v).map { #expect($0.computed.isFinite, "\($0.id)") }
            let stall = StallCost(v)
            #expect([stall.stallHours, stall.stallCost, stall.lowHours, stall.highHours, stall.monthlySaving]
                .allSatisfy { $0.isFinite })
        }
    }

    @Test func usageRevenueExistsFromMonthZeroAndScalesExactly() {
        let base = Support.project(Support.with([("cw.utilization", 0.75)]), months: 60)
        let high = Support.project(Support.with([("cw.utilization", 0.90)]), months: 60)
        #expect(base.months[0].coreweave.uncommittedGPUs > 0)
        #expect(base.months[0].coreweave.usageRevenue > 0)
        for (a, b) in zip(base.months, high.months) where a.coreweave.usageRevenue > 0 {
            #expect(abs(b.coreweave.usageRevenue / a.coreweave.usageRevenue - 1.2) < 1e-12)
        }
    }

    @Test func leverScheduleMatchesValuesAt() {
        var schedule = LeverSchedule(base: Scenario.article2025.parameters)
        schedule.apply(LeverChange(month: 10, id: "cw.utilization", value: 0.9))
        schedule.apply(LeverChange(month: 5, id: "rates.shockBps", value: 300))
        schedule.apply(LeverChange(month: 20, id: "cw.utilization", value: 0.6))
        let fast = Engine.project(.article2025, schedule: schedule, months: 30)
        #expect(fast.months[9].coreweave.utilization == 0.75)
        #expect(fast.months[10].coreweave.utilization == 0.9)
        #expect(fast.months[25].coreweave.utilization == 0.6)
        let unchanged = Engine.project(.article2025, months: 30)
        #expect(Array(fast.months.prefix(5)) == Array(unchanged.months.prefix(5)))
    }

    @Test func renegotiationAppliesOnceToTheRemainder() {
        let deal = 1.17e9, months = 48
        let v = Support.with([("vast.renegotiateMonth", 12), ("vast.renegotiateShare", 0.5)])
        let p = Support.project(v, months: 60)
        let paid = p.months.map(\.coreweave.storagePayment)
        let before = paid[..<12].reduce(0, +)
        #expect(abs(before - deal * 12 / Double(months)) < 1)
        let after = paid[12...].reduce(0, +)
        #expect(abs(after - 0.5 * (deal - before)) < 1)
        // Flat over the remaining 36 months: no compounding month after month.
        #expect(abs(paid[12] - paid[47]) < 1e-3)
        #expect(paid[48] == 0)
        // A chosen term after renegotiation.
        let shorter = Support.project(Support.with(v, [("vast.renegotiateTermMonths", 6)]), months: 60)
        let s = shorter.months.map(\.coreweave.storagePayment)
        #expect(abs(s[12...17].reduce(0, +) - after) < 1)
        #expect(s[18] == 0)
    }

    @Test func usageLinkedDealNeverPaysMoreThanTheDeal() {
        let p = Support.project(Support.with([("vast.dealUsageLinked", 1), ("cw.utilization", 1)]), months: 120)
        #expect(p.months.map(\.coreweave.storagePayment).reduce(0, +) <= 1.17e9 + 1)
    }

    @Test func bundledScenariosProjectWithoutProblems() throws {
        let p = Engine.project(.article2025)
        #expect(p.months.count == 61)
        #expect(p.horizon == 60)
    }
}
