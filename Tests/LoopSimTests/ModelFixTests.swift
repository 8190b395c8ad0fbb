import Testing
import TestSupport
@testable import LoopSim

/// The model errors issue 17 lists, each pinned by a test that fails before the fix.
@Suite struct ModelFixTests {
    /// The per-GPU-hour Vast deal bills busy hours only: GPUs waiting for late demand
    /// are idle and not billed, so late demand slows the deal's payments.
    @Test func perHourVastDealIsNotBilledOnIdleGPUs() {
        let v = Support.with([("vast.dealUsageLinked", 1), ("demand.delayMonths", 9)])
        let p = Support.project(v, months: 60)
        let waiting = p.months.first { $0.coreweave.waitingGPUs > 1 }
        #expect(waiting != nil)
        for m in p.months {
            let c = m.coreweave
            #expect(abs(c.gpuHoursUsed - (c.gpusInService - c.waitingGPUs) * 730 * c.utilization) < 1)
        }
        let onTime = Support.project(Support.with([("vast.dealUsageLinked", 1)]), months: 60)
        let paid = { (p: Projection, upTo: Int) in p.months.prefix(upTo).reduce(0) { $0 + $1.coreweave.storagePayment } }
        #expect(paid(p, 24) < paid(onTime, 24))
    }

    /// NVIDIA's backstop buys the idle hours of GPUs waiting for late demand too.
    @Test func backstopCoversGPUsIdleFromLateDemand() {
        let v = Support.with([("nvidia.backstop", 1), ("demand.delayMonths", 9), ("cw.usageShare", 0)])
        let p = Support.project(v, months: 36)
        let m = p.months.first { $0.coreweave.waitingGPUs > 1_000 }!
        let c = m.coreweave
        let rate = Scenario.article2025.parameters["cw.contractRate"]
        let expected = (c.uncommittedGPUs * (1 - c.utilization) * c.price + c.waitingGPUs * rate) * 730
        #expect(abs(c.backstopRevenue - expected) < 1 && c.backstopRevenue >= c.waitingGPUs * 730 * rate)
    }

    /// Vast's multiple follows a path toward a bound instead of staying at 150×.
    @Test func vastMultipleHasAPathAndTheValuationIsBounded() {
        let p = Support.project(Scenario.article2025.parameters, months: 60)
        let multiples = p.months.map(\.vast.multiple)
        #expect(multiples.first == 150 && multiples == multiples.sorted(by: >) && multiples.last! < 50)
        #expect(p.months.last!.vast.valuation < 100e9)
        for m in p.months { #expect(abs(m.vast.valuation - m.vast.multiple * m.vast.arr) < 1) }
    }
}
