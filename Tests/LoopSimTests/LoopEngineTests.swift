import Testing
@testable import LoopSim
import TestSupport

@Suite struct LoopEngineTests {
    /// Every entity's cash moves by exactly its cash inflows minus outflows, each month;
    /// non-cash flows (warrant value) never move cash; nothing is NaN or infinite.
    static func checkConservation(_ loop: MoneyLoop, _ p: LoopProjection) {
        let problems = Support.conservationProblems(loop, p)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "; "))")
    }

    /// Financing included (some random entities finance themselves): conservation holds,
    /// the closed-market cash is exactly a run with credit.window 0, and an entity whose
    /// credit is fully open never ends a month below its cash floor.
    @Test func moneyIsConservedOverRandomLoops() {
        var rng = SplitMix64(seed: 16)
        var financed = 0
        for _ in 0..<300 {
            let loop = RandomLoop.make(&rng)
            var levers = RandomLoop.levers(&rng)
            if Bool.random(using: &rng) { levers.creditWindow = 1 }
            let p = LoopEngine.project(loop, levers: levers)
            Self.checkConservation(loop, p)
            var shut = levers
            shut.creditWindow = 0
            #expect(p.cashIfClosed == LoopEngine.project(loop, levers: shut, flows: false, closed: false).cash)
            for (e, entity) in loop.entities.enumerated() {
                guard let f = entity.financing else { continue }
                financed += 1
                #expect(p.financing(0, e) != nil)
                // (An entity that lends to or invests in another financed entity, or lends it a
                // revolver, pays out after its own month.)
                let financier = loop.entities.contains { $0.financing.map { [$0.lender, $0.investor].contains(e) } ?? false }
                    || loop.deals.contains { d in
                        guard case let .loan(l) = d.terms else { return false }
                        return l.facility == .revolver && d.from == e && loop.entities[d.to].financing != nil
                    }
                guard levers.creditWindow == 1, f.policy.marketAccess == 1, !financier else { continue }
                let low = (0...p.horizon).first { p.cash($0, e) < f.policy.cashFloor - 100 }
                #expect(low == nil, "entity \(e) below its floor in month \(low ?? -1)")
            }
        }
        #expect(financed > 100)
    }

    static func twoParty(_ terms: DealTerms, fleet: Double = 0, status: DealStatus = .binding) -> MoneyLoop {
        try! MoneyLoop.make(name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: 24,
                            entities: [LoopEntity(id: "a", name: "A", kind: .aiLab, cash: 100),
                                       LoopEntity(id: "b", name: "B", kind: .cloudOperator, fleet: fleet)],
                            deals: [LoopDeal(id: "d", from: 0, to: 1, status: status, source: SourceNote(text: "t"),
                                             terms: terms)])
    }

    @Test func takeOrPayPaysItsValueOverItsTermAfterTheRamp() {
        let p = LoopEngine.project(Self.twoParty(.takeOrPay(value: 1_200, start: 2, term: 12, ramp: 3, gpus: 0)))
        let paid = p.flows.filter { $0.kind == .contract }.map(\.amount)
        #expect(paid.count == 12)
        #expect(abs(paid.reduce(0, +) - 1_200) < 1e-9)
        #expect(paid[0] < paid[1] && paid[1] < paid[2] && paid[2] < paid[3] && paid[3] == paid[11])
        let late = LoopEngine.project(Self.twoParty(.takeOrPay(value: 1_200, start: 2, term: 12, ramp: 0, gpus: 0)),
                                      levers: LoopLevers(demandDelay: 5))
        #expect(late.cash(6, 1) == 0 && late.cash(7, 1) == 100, "a 5-month demand delay moves the first payment to month 7")
    }

    @Test func onlySignedContractsIsOneLever() {
        let loop = Self.twoParty(.takeOrPay(value: 1_200, start: 0, term: 12, ramp: 0, gpus: 0), status: .letterOfIntent)
        #expect(LoopEngine.project(loop).cash(11, 1) == 1_200)
        #expect(LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0)).cash(11, 1) == 0)
        #expect(LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0.5)).cash(11, 1) == 600)
    }

    @Test func perUnitDealBillsOnlyBusyHours() {
        // A: operator paying per busy GPU-hour; busy hours come from a usage deal at 50%.
        let entities = [LoopEntity(id: "op", name: "Op", kind: .cloudOperator, fleet: 1_000),
                        LoopEntity(id: "st", name: "St", kind: .storage),
                        LoopEntity(id: "mk", name: "Mk", kind: .other, external: true)]
        let deals = [
            LoopDeal(id: "u", from: 2, to: 0, status: .binding, source: SourceNote(text: "t"),
                     terms: .usage(gpus: 0, fleetShare: 1, utilization: 0.5, price: 2, declinePerYear: 0, start: 0, term: 240)),
            LoopDeal(id: "s", from: 0, to: 1, status: .binding, source: SourceNote(text: "t"),
                     terms: .perUnit(cap: 1e9, rate: 0.01, referenceUtilization: 0.75, start: 0, term: 240, flat: false)),
            LoopDeal(id: "b", from: 1, to: 0, status: .binding, source: SourceNote(text: "t"),
                     terms: .backstop(limit: 1e9, price: 1, start: 0, term: 240)),
        ]
        let loop = try! MoneyLoop.make(name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: 2,
                                       entities: entities, deals: deals)
        let p = LoopEngine.project(loop)
        let busy = 1_000 * 730 * 0.5
        #expect(p.flows(month: 0).first { $0.kind == .perUnit }?.amount == busy * 0.01)
        #expect(p.flows(month: 0).first { $0.kind == .backstop }?.amount == (1_000 * 730 - busy) * 1)
        let idle = LoopEngine.project(loop, levers: LoopLevers(utilizationScale: 0))
        #expect(idle.flows(month: 0).first { $0.kind == .perUnit } == nil, "idle GPUs are not billed")
        #expect(idle.flows(month: 0).first { $0.kind == .backstop }?.amount == 730_000.0)
    }

    @Test func aCycleOfCollateralCannotBeScheduled() {
        let loan = { (c: Int) in DealTerms.loan(LoanTerms(facility: .ddtl, limit: 1, rate: 0.1, ltv: 0.5, collateral: [c])) }
        let entities = [LoopEntity(id: "a", name: "A", kind: .lender), LoopEntity(id: "b", name: "B", kind: .other)]
        let deals = [0, 1].map { i in
            LoopDeal(id: "l\(i)", from: 0, to: 1, status: .binding, source: SourceNote(text: "t"), terms: loan(1 - i))
        }
        #expect(throws: LoopError.cycle(deal: 0, through: [0, 1])) {
            try MoneyLoop.make(name: "t", title: "t", start: YearMonth(year: 2025, month: 1), horizon: 2,
                               entities: entities, deals: deals)
        }
    }
}
