import Testing
@testable import LoopSim
import TestSupport

@Suite struct FactCheckTests {
    func claim(_ id: String, _ v: ParameterValues = Scenario.article2025.parameters) -> Claim {
        FactCheck.run(.article2025, values: v).first { $0.id == id }!
    }

    @Test func everyClaimIdIsThereInOrder() {
        #expect(FactCheck.run(.article2025).map(\.id) == FactCheck.ids)
        #expect(FactCheck.ids == ["vast-share", "utilization-uplift", "stall-cost", "revenue-growth", "openai-total",
                                  "vast-multiple", "fleet-throughput", "revenue-per-gpu", "debt-raise-year", "headline"])
    }

    @Test func vastShareArithmetic() {
        let c = claim("vast-share")
        // The share of Vast's revenue (base plus deal) is 54–59%; 146% is the deal's size against the base.
        #expect(abs(c.computed - 292.5e6 / (200e6 + 292.5e6)) < 1e-12)
        #expect(c.display == "54%–59% of Vast's revenue; 117%–146% the size of its base")
        #expect(c.explanation.contains("54%–59% of Vast's revenue") && !c.display.contains("146% of"))
        #expect(c.verdict == .disagrees)
        // Follows the registry: a 5-year deal on a $1B base would be 23%: agrees.
        let v = Support.with([("vast.dealYears", 5), ("vast.baseARR", 1e9), ("vast.baseARRHigh", 1e9)])
        #expect(abs(claim("vast-share", v).computed - 0.234 / 1.234) < 1e-9)
        #expect(claim("vast-share", v).verdict == .agrees)
    }

    @Test func utilizationUpliftIsTwentyPercentOnlyOnUsage() {
        let c = claim("utilization-uplift")
        #expect(c.display.hasPrefix("+20.0% on usage-billed hours"))
        #expect(c.computed > 0 && c.computed < 0.02)
        #expect(c.verdict == .disagrees)
        let all = claim("utilization-uplift", Support.with([("cw.usageShare", 1)]))
        #expect(abs(all.computed - 0.2) < 1e-12)
        #expect(all.verdict == .agrees)
    }

    @Test func stallCostArithmetic() {
        let c = claim("stall-cost")
        #expect(abs(c.computed - 30_000 / (512 * 6.155)) < 1e-12)
        #expect(Format.fixed(c.computed, 2) == "9.52")
        let s = StallCost(Scenario.article2025.parameters)
        #expect(Format.fixed(s.highHours, 2) == "15.87")
        #expect(abs(s.stallHours - 200.0 * 1000 / 100 / 3600) < 1e-12)
        #expect(abs(s.flashHours - 200.0 * 1000 / (512 * 7) / 3600) < 1e-12)
        #expect(c.verdict == .disagrees)
        #expect(StallCost.hours(terabytes: 10, gbps: 0) == 0)
    }

    @Test func theOtherClaims() {
        #expect(abs(claim("revenue-growth").computed - 1.9e9 / 228.9e6) < 1e-12)
        #expect(claim("revenue-growth").verdict == .agrees)
        #expect(claim("openai-total").computed == 22.4e9)
        #expect(claim("openai-total").verdict == .agrees)
        // vast-multiple compares the article's $30B with the valuation the model computes,
        // not the 150× with the two figures it was derived from.
        let month0 = Engine.project(.article2025, months: 1).months[0].vast
        #expect(claim("vast-multiple").computed == month0.valuation && claim("vast-multiple").verdict == .disagrees)
        #expect(claim("vast-multiple", Support.with([("vast.multiple", 30e9 / month0.arr)])).verdict == .agrees)
        // fleet-throughput and revenue-per-gpu: verdicts computed from the fleet figures.
        #expect(claim("fleet-throughput").computed == 1_750_000 && claim("fleet-throughput").verdict == .dated)
        #expect(claim("fleet-throughput", Support.with([("cw.gpus", 250_000)])).verdict == .agrees)
        #expect(claim("revenue-per-gpu").verdict == .dated)
        #expect(claim("revenue-per-gpu").explanation.contains("end-2024 fleet of 250,000"))
        let close = claim("revenue-per-gpu", Support.with([("cw.revenue2024", claim("revenue-per-gpu").computed * 250_000)]))
        #expect(close.verdict == .agrees)
        // The headline, both ways: a funding gap with credit open, out of cash only if markets close.
        let h = claim("headline")
        #expect(h.verdict == .disagrees && h.display.contains("needs money from") && h.display.contains("if markets close"))
        #expect(claim("headline", Support.with([("credit.window", 0)])).verdict == .agrees)
        #expect(claim("debt-raise-year").computed == 18)
        #expect(claim("debt-raise-year").verdict == .dated)
    }
}

@Suite struct ConcentrationTests {
    @Test func sharesAddUpAndHHI() {
        let m = Engine.project(.article2025, months: 12).months[0]
        let cw = Concentration.of(.coreweave, in: m)
        #expect(abs(cw.shares.reduce(0) { $0 + $1.share } - 1) < 1e-12)
        #expect(abs(cw.total - m.coreweave.revenue) < 1e-3)
        #expect(cw.hhi > 0 && cw.hhi <= 1)
        #expect(cw.top1Share == cw.shares.map(\.share).max())
        let vast = Concentration.of(.vast, in: m)
        #expect(vast.top?.payer == .coreweave)
        #expect(abs(vast.top1Share - m.vast.coreweaveShare) < 1e-12)
        let nv = Concentration.of(.nvidia, months: Engine.project(.article2025).months, nvidiaMonthlyRevenue: 19e9)
        #expect(nv.top?.payer == nil)
        #expect(nv.top1Share > 0.9)
    }

    @Test func noRevenueMeansNoShares() {
        let empty = Concentration.of(.vast, months: [MonthSnapshot]())
        #expect(empty.shares.isEmpty && empty.hhi == 0 && empty.top1Share == 0)
    }
}
