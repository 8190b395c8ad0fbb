import Testing
@testable import LoopSim

/// A financed entity that lends to another financed entity keeps its own cash floor: its
/// financing runs after its borrower's, so a draw on the revolver it provides is met by its
/// own revolver or raises in the same month (issue 17: a lender paying after its month
/// dipped below its floor).
@Suite struct LenderFloorTests {
    /// A bank (floor 100, its own 1,000 revolver from outside lenders) provides a 250
    /// revolver to a firm that spends 200 a month from nothing. `bankFirst` puts the bank
    /// before the firm in the file (the order that broke the floor).
    static func loop(bankFirst: Bool) -> MoneyLoop {
        var policy = LoopFinancingTerms.defaultPolicy
        policy.cashFloor = 100
        let bank = LoopEntity(id: "bank", name: "Bank", kind: .lender, cash: 150,
                              financing: LoopFinancingTerms(policy: policy, lender: 2, investor: 3))
        let firm = LoopEntity(id: "firm", name: "Firm", kind: .cloudOperator, cash: 0,
                              financing: LoopFinancingTerms(lender: bankFirst ? 0 : 1, investor: 3))
        let (b, f) = bankFirst ? (0, 1) : (1, 0)
        let others = [LoopEntity(id: "lenders", name: "Lenders", kind: .lender, external: true),
                      LoopEntity(id: "investors", name: "Investors", kind: .investor, external: true),
                      LoopEntity(id: "world", name: "World", kind: .other, external: true)]
        let deals: [(Int, Int, DealTerms)] = [
            (f, 4, .recurring(monthly: 200, growthPerYear: 0, start: 0, term: 600)),
            (2, b, .loan(LoanTerms(facility: .revolver, limit: 1_000, rate: 0.12))),
            (b, f, .loan(LoanTerms(facility: .revolver, limit: 250, rate: 0.12))),
        ]
        return try! MoneyLoop.make(
            name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: 12,
            entities: (bankFirst ? [bank, firm] : [firm, bank]) + others,
            deals: deals.enumerated().map { i, d in
                LoopDeal(id: "d\(i)", from: d.0, to: d.1, status: .binding, source: SourceNote(text: "t"), terms: d.2)
            })
    }

    @Test(arguments: [true, false])
    func aLenderStaysAtItsFloorWhateverTheFileOrder(bankFirst: Bool) {
        let loop = Self.loop(bankFirst: bankFirst)
        let p = LoopEngine.project(loop)
        let bank = bankFirst ? 0 : 1, firm = 1 - bank
        // Month 0: the firm draws 200 from the bank, which draws 150 from its own revolver.
        #expect(abs((p.financing(0, firm)?.revolverDraw ?? 0) - 200) < 1e-9)
        #expect(abs((p.financing(0, bank)?.revolverDraw ?? 0) - 150) < 1e-9)
        for t in 0...p.horizon {
            #expect(p.cash(t, bank) >= 100 - 1e-6, "month \(t): bank cash \(p.cash(t, bank))")
        }
    }

    /// The order itself: borrowers before their lenders, a circle in file order.
    @Test func borrowersRunBeforeTheirLenders() {
        #expect(LoopPlan(Self.loop(bankFirst: true)).financeOrder == [1, 0])
        #expect(LoopPlan(Self.loop(bankFirst: false)).financeOrder == [0, 1])
    }
}
