import Testing
@testable import LoopSim

/// GPU useful life is a lever for collateral, re-leasing and replacement (issue 17: "6 years
/// as CoreWeave files, 4 as some peers use"), in the article's model and in any loop.
@Suite struct GPULifeTests {
    static func article(lifeYears: Double) -> Projection {
        var v = Scenario.article2025.parameters
        v.setClamped("gpu.usefulLifeYears", lifeYears)
        return Engine.project(.article2025, schedule: LeverSchedule(base: v))
    }

    /// Off contract the oldest GPUs re-lease at the share of their life left: a 4-year life
    /// leaves less of it than 6, so the same usage-billed GPUs earn less.
    @Test func aShorterLifeReleasesForLessInTheArticlesModel() {
        let six = Self.article(lifeYears: 6).months[0].coreweave, four = Self.article(lifeYears: 4).months[0].coreweave
        #expect(six.uncommittedGPUs == four.uncommittedGPUs)
        #expect(four.usageRevenue < six.usageRevenue * 0.95, "\(four.usageRevenue) vs \(six.usageRevenue)")
        let full = six.uncommittedGPUs * Engine.hoursPerMonth * six.utilization * six.price
        #expect(six.usageRevenue < full && six.usageRevenue > 0)
        // Utilization still scales usage revenue exactly.
        var v = Scenario.article2025.parameters
        v.setClamped("cw.utilization", 0.9)
        let busy = Engine.project(.article2025, schedule: LeverSchedule(base: v)).months[0].coreweave
        #expect(abs(busy.usageRevenue / six.usageRevenue - 1.2) < 1e-9)
    }

    /// A shorter life retires GPUs sooner and buys more replacements over the horizon.
    @Test func aShorterLifeRetiresAndReplacesMoreInTheArticlesModel() {
        let six = Self.article(lifeYears: 6), four = Self.article(lifeYears: 4)
        let retired = { (p: Projection) in p.months.reduce(0) { $0 + $1.coreweave.gpusRetired } }
        let capex = { (p: Projection) in p.months.reduce(0) { $0 + $1.coreweave.capex } }
        #expect(retired(four) > retired(six) && capex(four) > capex(six))
    }

    /// A firm (financed, useful life `life` months) buys 100 GPUs at $10 in month 0 from a
    /// vendor; a customer reserves `reserved` of them on a take-or-pay contract for 24 months;
    /// the rest are usage-billed (all its fleet, 50% busy, $1 an hour).
    static func loop(life: Int, reserved: Double) -> MoneyLoop {
        let firm = LoopEntity(id: "firm", name: "Firm", kind: .cloudOperator, cash: 1e6,
                              financing: LoopFinancingTerms(lender: 2, investor: 2, usefulLifeMonths: life))
        let deals: [(Int, Int, DealTerms)] = [
            (0, 1, .vendorSale(unitPrice: 10, perMonth: 100, start: 0, term: 1, orders: [], leadTime: 0)),
            (3, 0, .takeOrPay(value: 2_400, start: 0, term: 24, ramp: 0, gpus: reserved)),
            (3, 0, .usage(gpus: 0, fleetShare: 1, utilization: 0.5, price: 1, declinePerYear: 0, start: 0, term: 24)),
        ]
        return try! MoneyLoop.make(
            name: "t", title: "t", start: YearMonth(year: 2025, month: 11), horizon: 24,
            entities: [firm, LoopEntity(id: "vendor", name: "Vendor", kind: .vendor),
                       LoopEntity(id: "lenders", name: "Lenders", kind: .lender, external: true),
                       LoopEntity(id: "world", name: "World", kind: .other, external: true)],
            deals: deals.enumerated().map { i, d in
                LoopDeal(id: "d\(i)", from: d.0, to: d.1, status: .binding, source: SourceNote(text: "t"), terms: d.2)
            })
    }

    static func purchases(_ p: LoopProjection, _ t: Int) -> Double {
        p.flows(month: t).filter { $0.kind == .purchase }.reduce(0) { $0 + $1.amount }
    }

    static func usage(_ p: LoopProjection, _ t: Int) -> Double {
        p.flows(month: t).filter { $0.kind == .usage }.reduce(0) { $0 + $1.amount }
    }

    /// At the end of a 12-month life the 100 GPUs retire; the 40 the contract still reserves
    /// are bought again at the vendor's price; the other 60 are gone.
    @Test func aLoopEntityRetiresAndReplacesWhatItsContractsNeed() {
        let p = LoopEngine.project(Self.loop(life: 12, reserved: 40))
        #expect(Self.purchases(p, 0) == 1_000)
        #expect(Self.purchases(p, 11) == 0 && Self.purchases(p, 12) == 400)
        #expect(p.fleet(11, 0) == 100 && p.fleet(12, 0) == 40)
        // A six-year life: nothing retires within the horizon, nothing is replaced.
        let long = LoopEngine.project(Self.loop(life: 72, reserved: 40))
        #expect((1...24).allSatisfy { Self.purchases(long, $0) == 0 } && long.fleet(24, 0) == 100)
    }

    /// Off contract GPUs re-lease at the share of their life left: usage revenue falls month
    /// by month with a 24-month life, faster than with 48.
    @Test func aLoopEntitysGPUsReleaseAtTheirLifeLeft() {
        let short = LoopEngine.project(Self.loop(life: 24, reserved: 0))
        let long = LoopEngine.project(Self.loop(life: 48, reserved: 0))
        let new = 100 * LoopEngine.hoursPerMonth * 0.5
        #expect(abs(Self.usage(short, 0) - new) < 1e-6)
        #expect(abs(Self.usage(short, 12) - new * 0.5) < 1e-6 && abs(Self.usage(long, 12) - new * 0.75) < 1e-6)
    }
}
