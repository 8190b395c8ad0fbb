import Testing
@testable import LoopSim
import TestSupport

/// The financing of any loop entity (issue 17): revolvers before raises, rollovers and
/// raises as credit.window × the entity's access allow, fees and dilution, covenants,
/// and the headline both ways — each a flow between the entity and a lender or investor.
@Suite struct LoopFinancingTests {
    /// A firm (entity 0) with `cash`, financed by `terms` (nil: not at all), a lender,
    /// investors and the outside world; `deals` between them.
    static func loop(cash: Double = 0, _ terms: LoopFinancingTerms?, horizon: Int = 24,
                     _ deals: [(from: Int, to: Int, terms: DealTerms)]) -> MoneyLoop
    {
        try! MoneyLoop.make(
            name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: horizon,
            entities: [LoopEntity(id: "firm", name: "Firm", kind: .cloudOperator, cash: cash, financing: terms),
                       LoopEntity(id: "lenders", name: "Lenders", kind: .lender, external: true),
                       LoopEntity(id: "investors", name: "Investors", kind: .investor, external: true),
                       LoopEntity(id: "world", name: "World", kind: .other, external: true)],
            deals: deals.enumerated().map { i, d in
                LoopDeal(id: "d\(i)", from: d.from, to: d.to, status: .binding, source: SourceNote(text: "t"), terms: d.terms)
            })
    }

    static func terms(floor: Double = 0, access: Double = 1, equity: Double = 0, fee: Double = 0,
                      coverage: Double = 0, equityValue: Double = 0) -> LoopFinancingTerms
    {
        var p = LoopFinancingTerms.defaultPolicy
        p.cashFloor = floor; p.marketAccess = access; p.equityShare = equity; p.raiseFee = fee
        p.minInterestCoverage = coverage
        return LoopFinancingTerms(policy: p, lender: 1, investor: 2, equityValue: equityValue)
    }

    static let cost = (from: 0, to: 3, terms: DealTerms.recurring(monthly: 100, growthPerYear: 0, start: 0, term: 600))
    static let revolver = (from: 1, to: 0, terms: DealTerms.loan(LoanTerms(facility: .revolver, limit: 250, rate: 0.12)))

    static func flows(_ p: LoopProjection, month t: Int, _ kind: LoopFlowKind) -> [LoopFlow] {
        p.flows(month: t).filter { $0.kind == kind }
    }

    @Test func theRevolverIsDrawnBeforeAnyMoneyIsRaised() {
        let p = LoopEngine.project(Self.loop(Self.terms(floor: 50), [Self.cost, Self.revolver]))
        // Month 0: 100 out, the revolver tops cash up to the floor; nothing raised.
        #expect(p.financing(0, 0)?.revolverDraw == 150)
        #expect(p.financing(0, 0)?.newDebt == 0)
        #expect(Self.flows(p, month: 0, .draw).map { [$0.deal, $0.from, $0.to] } == [[1, 1, 0]])
        #expect(p.cash(0, 0) == 50)
        // Month 1: 1.5 interest on 150; the revolver's last 100, then 1.5 of new debt.
        #expect(Self.flows(p, month: 1, .interest).map(\.amount) == [1.5])
        #expect(p.financing(1, 0)?.revolverDraw == 100)
        #expect(abs((p.financing(1, 0)?.newDebt ?? 0) - 1.5) < 1e-9)
        #expect(Self.flows(p, month: 1, .newDebt).map { [$0.deal, $0.from, $0.to] } == [[LoopRun.financingDeal, 1, 0]])
        #expect(abs(p.cash(1, 0) - 50) < 1e-9)
        #expect(p.debt(1, 0) == 251.5)
        let h = LoopHeadline(p, entity: 0)
        #expect(h.need.firstMonth == 1 && h.runway == nil)
        // Markets closed: the committed revolver is still drawn, nothing is raised, and the
        // cash runs out once the revolver is used up: month 2.
        var shut = LoopLevers()
        shut.creditWindow = 0
        let closed = LoopEngine.project(Self.loop(Self.terms(floor: 50), [Self.cost, Self.revolver]), levers: shut)
        #expect(closed.financing(1, 0)?.revolverDraw == 100)
        #expect(closed.financing(1, 0)?.newDebt == 0)
        #expect(closed.runway(of: 0) == 2)
        #expect(h.runwayIfClosed == 2)
        #expect(p.cashIfClosed == closed.cash)
    }

    @Test func maturingDebtIsRolledOverAsTheWindowAndTheEntitysAccessAllow() {
        let bond = (from: 1, to: 0, terms: DealTerms.loan(LoanTerms(facility: .bond, limit: 0, drawn: 1_000, rate: 0,
                                                                   maturity: 2)))
        for (window, access, rolled) in [(1.0, 1.0, 1_000.0), (1, 0.5, 500), (0.5, 0.5, 250), (0, 1, 0)] {
            var levers = LoopLevers()
            levers.creditWindow = window
            let p = LoopEngine.project(Self.loop(Self.terms(access: access), [bond]), levers: levers)
            #expect(p.financing(2, 0)?.refinanced == rolled, "window \(window) access \(access)")
            #expect(Self.flows(p, month: 2, .refinancing).map(\.amount) == (rolled > 0 ? [rolled] : []))
            #expect(Self.flows(p, month: 2, .principal).map(\.amount) == [1_000])
        }
    }

    @Test func equityRaisedCostsItsFeeAndDilutesTheOwners() {
        let p = LoopEngine.project(Self.loop(Self.terms(equity: 1, fee: 0.02, equityValue: 1_000), horizon: 3,
                                             [(from: 0, to: 3, terms: .recurring(monthly: 98, growthPerYear: 0, start: 0,
                                                                                 term: 600))]))
        let m = p.financing(0, 0)!
        #expect(abs(m.newEquity - 100) < 1e-9 && abs(m.fees - 2) < 1e-9 && m.newDebt == 0)
        #expect(abs(m.dilution - 100.0 / 1_100) < 1e-12)
        #expect(Self.flows(p, month: 0, .equity).map { [$0.from, $0.to] } == [[2, 0]])
        #expect(Self.flows(p, month: 0, .fees).map { [$0.from, $0.to] } == [[0, 2]])
        let h = LoopHeadline(p, entity: 0)
        #expect(abs(h.need.peak - 400) < 1e-6 && abs(h.need.raised - 400) < 1e-6)
        #expect(h.sentence(name: "Firm", start: p.start, horizon: p.horizon)
            == "Firm needs money from Nov 25, $400 at the peak while credit is open; out of cash Nov 25 only if markets closed.")
    }

    @Test func aBrokenCovenantIsAnEventOnTheTimeline() {
        let revenue = (from: 3, to: 0, terms: DealTerms.recurring(monthly: 10, growthPerYear: 0, start: 0, term: 600))
        let bond = (from: 1, to: 0, terms: DealTerms.loan(LoanTerms(facility: .bond, limit: 0, drawn: 1_200, rate: 0.12,
                                                                   floating: false, maturity: 100)))
        let p = LoopEngine.project(Self.loop(cash: 1_000, Self.terms(coverage: 1.4), [revenue, bond]))
        let h = LoopHeadline(p, entity: 0)
        #expect(h.need.breaches.count == 1)
        #expect(h.need.firstBreach?.month == 0 && h.need.firstBreach?.kind == .interestCoverage)
        #expect(abs((h.need.firstBreach?.value ?? 0) - 10.0 / 12) < 1e-12)
        #expect(h.sentence(name: "Firm", start: p.start, horizon: p.horizon).hasSuffix(
            "interest coverage covenant broken Nov 25 (0.83× against ≥ 1.40×)."))
        // Better earnings: no breach.
        let fine = LoopEngine.project(Self.loop(cash: 1_000, Self.terms(coverage: 0.5), [revenue, bond]))
        #expect(LoopHeadline(fine, entity: 0).need.breaches.isEmpty)
    }

    @Test func anEntityWithoutFinancingKeepsThePlainBehaviour() {
        var half = LoopLevers()
        half.creditWindow = 0.5
        // Not financed: the revolver draws as the window allows, as before; nothing is raised.
        let plain = LoopEngine.project(Self.loop(nil, [Self.cost, Self.revolver]), levers: half)
        #expect(plain.financing(0, 0) == nil)
        #expect(Self.flows(plain, month: 0, .draw).map(\.amount) == [50])
        #expect(plain.runway(of: 0) == 0)
        let h = LoopHeadline(plain, entity: 0)
        #expect(h.need.firstMonth == 0 && h.need.peak == -(0...plain.horizon).map { plain.cash($0, 0) }.min()!)
        // Financed: the committed revolver is drawn in full whatever the window.
        let financed = LoopEngine.project(Self.loop(Self.terms(), [Self.cost, Self.revolver]), levers: half)
        #expect(Self.flows(financed, month: 0, .draw).map(\.amount) == [100])
    }
}
