import LoopSim
import Testing

/// The round-trip ledger takes a share only over sales: money a vendor puts into a buyer
/// before the buyer's first purchase is reported as financing ahead of sales, never as a
/// share of $0; a declared buyer that buys nothing is listed and says so.
@Suite struct RoundTripLedgerTests {
    /// NV sells to CW from `saleStart` for `term` months (10 units × $10 a month) and puts
    /// $250 of equity into it in `equityMonth`; NV also has a vendor-sale deal with LAB that
    /// only starts after the 12-month horizon.
    static func projection(saleStart: Int = 3, term: Int = 6, equityMonth: Int = 0) throws -> (MoneyLoop, LoopProjection) {
        let entities = [LoopEntity(id: "nv", name: "NV", kind: .vendor, cash: 1e12),
                        LoopEntity(id: "cw", name: "CW", kind: .cloudOperator, cash: 1e6),
                        LoopEntity(id: "lab", name: "LAB", kind: .aiLab, cash: 1e6)]
        let src = SourceNote(text: "t")
        let sale = { (id: String, from: Int, start: Int) in
            LoopDeal(id: id, from: from, to: 0, status: .binding, source: src,
                     terms: .vendorSale(unitPrice: 10, perMonth: 10, start: start, term: term, orders: [], leadTime: 0))
        }
        let deals = [
            sale("buy", 1, saleStart),
            LoopDeal(id: "eq", from: 0, to: 1, status: .binding, source: src,
                     terms: .equity(tranches: [Tranche(amount: 250, milestone: Milestone(month: equityMonth))])),
            sale("later", 2, 20),
        ]
        let loop = try MoneyLoop.make(name: "t", title: "t", start: YearMonth(year: 2025, month: 10), horizon: 12,
                                      entities: entities, deals: deals)
        return (loop, LoopEngine.project(loop))
    }

    @Test func countsTheVendorsOwnMoney() throws {
        let (_, p) = try Self.projection(saleStart: 0, term: 10, equityMonth: 3)
        let ledger = RoundTripLedger.make(p, vendor: 0)
        #expect(ledger.lines.count == 1, "a buyer with no purchases is listed only when declared")
        #expect(ledger.lines[0].totalSales == 1_000 && ledger.lines[0].totalFinanced == 250)
        #expect(ledger.lines[0].cumulativeShare(through: 12) == 0.25)
        #expect(ledger.lines[0].share(month: 3) == 2.5)
        #expect(ledger.lines[0].cumulativeShare(through: 2) == 0)
    }

    @Test func financingBeforeTheFirstSaleIsNoShareOfZero() throws {
        let (loop, p) = try Self.projection()
        let ledger = try #require(RoundTripLedger.all(loop, p).first)
        let cw = try #require(ledger.lines.first { $0.buyer == 1 })
        #expect(cw.firstSaleMonth == 3)
        for t in 0...2 {
            #expect(cw.share(month: t) == nil && cw.cumulativeShare(through: t) == nil, "month \(t)")
            #expect(cw.standing(through: t) == .financedAheadOfSales(250))
            #expect(cw.words(through: t, start: loop.start) == "financed $250 ahead of any sales")
        }
        #expect(cw.cumulativeShare(through: 3) == 2.5 && cw.standing(through: 3) == .share(2.5))
        #expect(cw.share(month: 4) == 0)
        #expect(cw.financedBeforeFirstSale(through: 1) == 250 && cw.financedBeforeFirstSale(through: 12) == 250)
        #expect(cw.words(through: 12, start: loop.start)
            == "42% of $600 ($250 financed, $250 of it before the first sale, Jan 26)")
        #expect(cw.share(month: 10) == nil, "no sales after the term")
    }

    @Test func aDeclaredBuyerWithoutSalesIsListedAndSaysSo() throws {
        let (loop, p) = try Self.projection()
        let ledger = try #require(RoundTripLedger.all(loop, p).first)
        #expect(ledger.lines.map(\.buyer) == [1, 2])
        let lab = ledger.lines[1]
        #expect(lab.totalSales == 0 && lab.firstSaleMonth == nil && lab.cumulativeShare(through: 12) == nil)
        #expect(lab.standing(through: 12) == .nothingYet)
        #expect(lab.words(through: 5, start: loop.start) == "no sales yet, nothing financed")
        #expect(lab.words(through: 12, start: loop.start) == "no sales within 12 months, nothing financed")
    }
}
