import Testing
@testable import LoopSim
import TestSupport

/// What-ifs that must move runway one way only, at the defaults and over random
/// parameter sets inside the ranges. These hold for operations and committed
/// facilities: the runway and cash if markets close. (With rollovers and raises a
/// worse month can leave more cash later — money raised sits in the bank — so the
/// financed path is not monotone.)
@Suite struct MonotonicWhatIfTests {
    /// Runway if markets close, as a number: beyond the horizon counts as horizon + 1.
    func runway(_ p: Projection) -> Int { p.runwayIfClosed(of: .coreweave) ?? p.horizon + 1 }

    func samples() -> [ParameterValues] {
        var rng = SplitMix64(seed: 7)
        return [Scenario.article2025.parameters] + (0..<60).map { _ in Support.randomValues(&rng) }
    }

    /// With the storage deal flat (the default). Paid per GPU-hour used, a busier fleet
    /// pays Vast more while take-or-pay revenue stays put, so there higher utilization
    /// can cost CoreWeave money: a property of such a deal, shown by the second test.
    @Test func higherUtilizationNeverShortensRunway() {
        for v in samples().map({ Support.with($0, [("vast.dealUsageLinked", 0)]) }) {
            var last = -1
            for u in stride(from: 0.40, through: 1.0, by: 0.05) {
                let r = runway(Support.project(Support.with(v, [("cw.utilization", u)])))
                #expect(r >= last, "utilization \(u): runway \(r) < \(last)")
                last = r
            }
        }
    }

    @Test func usageLinkedDealCostsMoreWhenBusier() {
        let v = Support.with([("vast.dealUsageLinked", 1), ("cw.usageShare", 0)])
        let low = Support.project(Support.with(v, [("cw.utilization", 0.75)]), months: 12)
        let high = Support.project(Support.with(v, [("cw.utilization", 0.9)]), months: 12)
        #expect(high.months[1].coreweave.storagePayment > low.months[1].coreweave.storagePayment)
    }

    /// Without NVIDIA's backstop: with it, NVIDIA pays for the GPUs left idle by late
    /// demand (up to its ceiling) while the contracts are only deferred, so a delay can help.
    @Test func longerDemandDelayNeverLengthensRunway() {
        for v in samples().map({ Support.with($0, [("nvidia.backstop", 0)]) }) {
            var last = Int.max
            for d in 0...24 {
                let r = runway(Support.project(Support.with(v, [("demand.delayMonths", Double(d))])))
                #expect(r <= last, "delay \(d): runway \(r) > \(last)")
                last = r
            }
        }
    }

    @Test func rateShockNeverHelps() {
        for v in samples() {
            var lastRunway = Int.max
            var lastCash: [Double]? = nil
            for bps in stride(from: 0.0, through: 1000, by: 100) {
                let p = Support.project(Support.with(v, [("rates.shockBps", bps)]))
                #expect(runway(p) <= lastRunway)
                let cash = p.months.map(\.coreweave.cashIfClosed)
                if let lastCash { #expect(zip(cash, lastCash).allSatisfy { $0 <= $1 + 1e-3 }) }
                lastRunway = runway(p)
                lastCash = cash
            }
        }
    }

    @Test func theDefaultShowsStrain() {
        let p = Engine.project(.article2025)
        // CoreWeave's build-out and amortisation run ahead of its contracts.
        #expect(p.firstToNeedMoney == .coreweave && p.firstOutIfClosed == .coreweave)
        // Vast depends on the deal: more than half its month-0 revenue.
        #expect(p.months[0].vast.coreweaveShare > 0.5)
    }
}
