import Testing
@testable import LoopSim

/// A run's memory is one allocation per kind of value (`RunMemory`) carved into columns, and
/// its records (`RunRecords`) are made straight into memory of their own: the values made, in
/// order, released with the memory's last owner. Equity and warrant deals skip the tranches
/// already released (`LoopRun.unreleased`): released in any order, each is released once.
@Suite struct RunMemoryTests {
    final class Token {
        let id: Int
        init(_ id: Int) { self.id = id }
    }

    @Test func recordsAreTheValuesMadeInOrderAndReleasedWithTheirLastCopy() {
        weak var kept: Token?, skipped: Token?
        do {
            var tokens = (0..<6).map(Token.init)
            (kept, skipped) = (tokens[1], tokens[2])
            let records = RunRecords(count: 6) { k in k % 2 == 1 ? tokens[k] : nil }
            tokens = []
            #expect(records.count == 3)
            #expect(records.indices.map { records.base[$0].id } == [1, 3, 5])
            #expect(kept != nil, "a record holds its value")
            #expect(skipped == nil, "a value not made into a record is not kept")
        }
        #expect(kept == nil, "records release their values with their memory")
        #expect(RunRecords<Token>().count == 0 && RunRecords<Token>([]).count == 0)
    }

    @Test func columnsAreCarvedOneAfterAnotherAndTornDownWithTheirMemory() {
        weak var first: Token?
        do {
            let memory = RunMemory<Token?>.make(capacity: 5, initial: nil)
            let a = memory.column(2), b = memory.column(3, Token(9))
            a[0] = Token(1)
            first = a[0]
            #expect(b.base == a.base + 2)
            #expect(a[1] == nil && b.indices.allSatisfy { b[$0]?.id == 9 })
            #expect(first != nil)
        }
        #expect(first == nil)
    }

    /// Tranches whose milestones fall in another order than they are listed, and one never met.
    @Test func tranchesReleasedOutOfOrderAreEachReleasedOnceInTheirMonth() throws {
        let entities = [LoopEntity(id: "a", name: "A", kind: .vendor, cash: 1e6),
                        LoopEntity(id: "b", name: "B", kind: .aiLab, cash: 1e6)]
        let src = SourceNote(text: "t")
        let months = [6, 2, 4, 100]
        let tranches = months.enumerated().map { k, m in
            Tranche(amount: [1.0, 10, 100, 1000][k], milestone: Milestone(month: m))
        }
        let deals = [LoopDeal(id: "eq", from: 0, to: 1, status: .binding, source: src, terms: .equity(tranches: tranches)),
                     LoopDeal(id: "w", from: 0, to: 1, status: .binding, source: src,
                              terms: .warrant(strike: 1, sharePrice: 3, growthPerYear: 0, tranches: tranches))]
        let loop = try MoneyLoop.make(name: "t", title: "t", start: YearMonth(year: 2025, month: 1), horizon: 12,
                                      entities: entities, deals: deals)
        let p = LoopEngine.project(loop)
        for t in 0...12 {
            let equity = p.flows(month: t).filter { $0.kind == .equity }.map(\.amount)
            let warrant = p.flows(month: t).filter { $0.kind == .warrantValue }.map(\.amount)
            let expected = months.indices.filter { months[$0] == t }.map { tranches[$0].amount }
            #expect(equity == expected, "month \(t)")
            #expect(warrant == expected.map { $0 * 2 }, "month \(t)")
        }
    }
}
