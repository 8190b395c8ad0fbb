import Testing
@testable import LoopSim
import TestSupport

/// The headline's other half (cash had markets closed) comes from a second ledger carried
/// in the same pass (`LoopLedger`): it must be exactly what a second run with
/// `credit.window` 0 gives, and must not change the first.
@Suite struct ClosedMarketLedgerTests {
    @Test func onePassEqualsTwoRunsOverRandomLoops() {
        var rng = SplitMix64(seed: 1_717)
        var financed = 0, differed = 0
        for k in 0..<240 {
            let loop = RandomLoop.make(&rng)
            var levers = RandomLoop.levers(&rng)
            levers.creditWindow = [1, 0.5, 0, levers.creditWindow][k % 4]
            financed += loop.entities.contains { $0.financing != nil } ? 1 : 0
            let problems = Support.closedLedgerDifferences(loop, levers, months: k % 3 == 0 ? 37 : nil)
            #expect(problems.isEmpty, "loop \(k): \(problems.joined(separator: "; "))")
            let p = LoopEngine.project(loop, levers: levers)
            if !Support.same(p.cash, p.cashIfClosed) { differed += 1 }
        }
        #expect(financed > 100)
        #expect(differed > 60, "closing markets changes cash in many loops, so the comparison can fail")
    }

    @Test func aSeparateLedgerPerMarketCondition() {
        // A revolver keeps B at its floor while credit is open; closed, B's cash falls.
        let loop = try! MoneyLoop.make(
            name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: 12,
            entities: [LoopEntity(id: "a", name: "A", kind: .lender, cash: 1_000),
                       LoopEntity(id: "b", name: "B", kind: .cloudOperator, cash: 100, fleet: 10, opexPerGPUHour: 0.01,
                                  supplier: 0)],
            deals: [LoopDeal(id: "r", from: 0, to: 1, status: .binding, source: SourceNote(text: "t"),
                             terms: .loan(LoanTerms(facility: .revolver, limit: 5_000, rate: 0, floor: 100)))])
        let p = LoopEngine.project(loop)
        #expect(p.cash(12, 1) == 100)
        #expect(p.cashIfClosed[12 * 2 + 1] == 100 - 13 * 73)
        #expect(Support.closedLedgerDifferences(loop, LoopLevers()).isEmpty)
    }
}
