import Testing
@testable import LoopSim

@Suite struct SensitivityTests {
    /// With the whole fleet usage-billed, month 1's usage revenue is G × 730 × u × p, and
    /// nothing else that month depends on utilization or price. Swinging utilization
    /// 0.70 → 0.80 and price 2.30 → 2.50 moves CoreWeave's cash in the ratio
    /// (2.40 × 0.10) : (0.75 × 0.20) = 1.6 : 1, and Vast's multiple not at all.
    @Test func rankingKnownByConstruction() throws {
        var s = Scenario.article2025
        s.parameters.setClamped("cw.usageShare", 1)
        // No financing: cash is what operations leave (the revolver would hold it at the floor).
        s.parameters.setClamped("credit.window", 0)
        s.parameters.setClamped("cw.revolverLimit", 0)
        s.uncertainty = Uncertainty(parameters: [
            UncertainParameter(id: "cw.utilization", distribution: try Distribution(value: 0.75, low: 0.7, high: 0.8)),
            UncertainParameter(id: "price.gpuHour", distribution: try Distribution(value: 2.4, low: 2.3, high: 2.5)),
        ])
        let levers = ["vast.multiple", "price.gpuHour", "cw.utilization"].compactMap { ParameterRegistry.parameter($0) }
        let t = Sensitivity.tornado(s, metric: .cash(.coreweave, month: 1), levers: levers)
        #expect(t.bars.map(\.parameter) == ["cw.utilization", "price.gpuHour", "vast.multiple"])
        #expect(abs(t.bars[0].swing / t.bars[1].swing - 1.6) < 1e-9)
        #expect(t.bars[2].swing == 0)
        #expect(t.bars[0].source == .interval && t.bars[2].source == .lever)
        #expect(t.bars[0].low == 0.7 && t.bars[0].high == 0.8 && t.bars[2].low == 1 && t.bars[2].high == 300)
        #expect(t.bars[0].atHigh > t.base && t.bars[0].atLow < t.base)
    }

    @Test func equalSwingsKeepTheirOrder() {
        let bar = { (id: String, swing: Double) in
            TornadoBar(parameter: ParameterID(id), low: 0, high: 1, source: .lever, atLow: 0, atHigh: swing)
        }
        let ranked = Sensitivity.rank([bar("a", 1), bar("b", 3), bar("c", 1), bar("d", -3)])
        #expect(ranked.map(\.parameter.rawValue) == ["b", "d", "a", "c"])
    }

    @Test func leverSetByTheWhatIfMovesTheInterval() throws {
        var schedule = LeverSchedule(base: Scenario.article2025.parameters)
        schedule.apply(LeverChange(month: 0, id: "cw.utilization", value: 0.8))
        let p = try #require(ParameterRegistry.parameter("cw.utilization"))
        let t = Sensitivity.tornado(.article2025, schedule: schedule, metric: .runway(.coreweave), levers: [p])
        #expect(abs(t.bars[0].low - 0.75) < 1e-12 && abs(t.bars[0].high - 0.95) < 1e-12)
    }

    @Test func metricsParseAndRead() throws {
        #expect(Metric(parsing: "runway.coreweave", horizon: 60) == .runway(.coreweave))
        #expect(Metric(parsing: "cash.vast@24", horizon: 60) == .cash(.vast, month: 24))
        #expect(Metric(parsing: "cash.vast@61", horizon: 60) == nil)
        #expect(Metric(parsing: "runway.nvidia", horizon: 60) == nil)
        #expect(Metric(parsing: "cash.coreweave", horizon: 60) == nil)
        let p = Engine.project(.article2025)
        #expect(Metric.runway(.vast).value(p) == 61)  // never runs out: horizon + 1
        #expect(Metric.runway(.vast).format(61, horizon: 60) == "> 60 mo")
        #expect(Metric.cash(.coreweave, month: 3).value(p) == p.months[3].coreweave.cash)
    }

    @Test func comparisonOfTwoProjections() throws {
        let base = Engine.project(.article2025)
        var schedule = LeverSchedule(base: Scenario.article2025.parameters)
        schedule.apply(LeverChange(month: 0, id: "vast.dealYears", value: 3))
        let whatIf = Engine.project(.article2025, schedule: schedule)
        let c = Comparison(baseline: base, whatIf: whatIf)
        let row = try #require(c.rows.first { $0.id == "vast.cashAtHorizon" })
        #expect(row.baseline == base.months.last?.vast.cash && row.whatIf == whatIf.months.last?.vast.cash)
        #expect(row.difference == (row.whatIf ?? 0) - (row.baseline ?? 0))
        let runway = try #require(c.rows.first { $0.id == "vast.runway" })
        #expect(runway.baseline == nil && runway.difference == nil && c.formatDifference(runway) == "—")
        #expect(c.format(runway.baseline, runway.quantity) == "> 60 mo")
        let same = Comparison(baseline: base, whatIf: base)
        #expect(same.rows.allSatisfy { $0.difference == nil || $0.difference == 0 })
    }

    @Test func comparisonUsesTheShorterHorizon() {
        let long = Engine.project(.article2025, months: 120), short = Engine.project(.article2025, months: 36)
        let c = Comparison(baseline: long, whatIf: short)
        #expect(c.horizon == 36)
        #expect(c.rows.first { $0.id == "coreweave.cashAtHorizon" }?.difference == 0)
    }
}

@Suite struct PathEventTests {
    @Test func haircutCutsOneCustomerFromItsMonth() {
        let events = PathEvents(haircuts: [CustomerHaircut(customer: .meta, from: 10, share: 0.5)])
        let plain = Engine.project(.article2025), cut = Engine.project(.article2025, events: events)
        let meta = { (p: Projection, t: Int) in p.months[t].flow(from: .meta, to: .coreweave) }
        let openai = { (p: Projection, t: Int) in p.months[t].flow(from: .openai, to: .coreweave) }
        #expect(meta(cut, 9) == meta(plain, 9))
        #expect(abs(meta(cut, 10) - meta(plain, 10) / 2) < 1e-3)
        #expect(openai(cut, 20) == openai(plain, 20))
    }

    @Test func closedCreditWindowDrawsNoDebt() throws {
        let plain = Engine.project(.article2025)
        let month = try #require(plain.months.first { $0.coreweave.debtDraw > 0 }?.month)
        var closed = MonthSet()
        closed.insert(month)
        let p = Engine.project(.article2025, events: PathEvents(creditClosed: closed))
        #expect(p.months[month].coreweave.debtDraw == 0)
        #expect(p.months[month].coreweave.cash < plain.months[month].coreweave.cash)
        #expect(p.months[month - 1] == plain.months[month - 1])
    }

    @Test func monthSetHoldsMonthsUpTo127() {
        var s = MonthSet()
        for m in [0, 63, 64, 120, 127, 128, -1] { s.insert(m) }
        #expect(s.count == 5 && s.contains(64) && !s.contains(1) && !s.contains(128))
    }

    @Test func plainProjectionUnchangedByTheHooks() {
        let p = Engine.project(.article2025, months: 120)
        var flows = 0
        Engine.run(.article2025, schedule: LeverSchedule(base: Scenario.article2025.parameters), horizon: 120,
                   events: PathEvents(), flows: false) { snap in
            flows += snap.flows.count
            #expect(snap.coreweave == p.months[snap.month].coreweave && snap.vast == p.months[snap.month].vast)
        }
        #expect(flows == 0 && p.months[5].flows.count == 18 + 14)
    }
}
