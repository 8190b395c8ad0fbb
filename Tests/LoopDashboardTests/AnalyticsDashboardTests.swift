import LoopSim
import Testing
@testable import LoopConfig
@testable import LoopDashboard

/// `m`, `K` and `c` through `update` and `view`, with the runner's and the file side's
/// answers fed in as messages.
@Suite struct AnalyticsDashboardTests {
    static let ascii = Capabilities(color: .mono, glyphs: .ascii)

    /// The job of the first effect, when it starts a Monte Carlo run.
    static func job(_ effects: [Effect]) -> MonteCarloJob? {
        for case let .analytics(.startMonteCarlo(job)) in effects { return job }
        return nil
    }

    /// A model with Monte Carlo on, finished with a real (small) run.
    static func withBands() -> Model {
        var m = Model(paused: true)
        m.setFocus(.runway)
        // Markets closed: with financing CoreWeave's cash sits at its floor on most paths.
        m.setLever("credit.window", to: 0)
        let job = Self.job(update(&m, .key(.char("m"))))!
        let r = MonteCarlo.run(job.scenario, schedule: job.schedule, paths: 200, seed: job.seed, months: job.months)!
        _ = update(&m, .analytics(.monteCarloFinished(generation: job.generation, result: r)))
        return m
    }

    @Test func mStartsABackgroundRunAndShowsProgress() throws {
        var m = Model(paused: true)
        m.setFocus(.runway)
        let job = try #require(Self.job(update(&m, .key(.char("m")))))
        #expect(job.generation == 1 && job.paths == 2_000 && job.schedule == m.schedule && job.months == 60)
        #expect(m.analytics.enabled && m.analytics.progress?.done == 0)
        _ = update(&m, .analytics(.monteCarloProgress(MonteCarloProgress(generation: 1, done: 500, total: 2_000,
                                                                         elapsed: 0.25))))
        let text = view(m, width: 80, height: 24, caps: .plain).text
        #expect(text.contains("Monte Carlo") && text.contains("25% · ETA 0.8 s"))
        // Keys still work while it runs: the clock steps.
        _ = update(&m, .key(.char(".")))
        #expect(m.month == 1)
    }

    @Test func finishedRunDrawsFanBandsInEveryTier() {
        let m = Self.withBands()
        #expect(m.monteCarlo != nil && m.analytics.progress == nil)
        let braille = view(m, width: 120, height: 40, caps: .plain).text
        #expect(braille.contains("░") && braille.contains("▒") && braille.contains("P(<24 mo) CW"))
        let block = view(m, width: 80, height: 24, caps: Capabilities(color: .c16, glyphs: .block)).text
        #expect(block.contains("░") && block.contains("▒"))
        let ascii = view(m, width: 80, height: 24, caps: Self.ascii).text
        #expect(ascii.contains("'5–95 \"25–75"))
        let chart = ascii.split(separator: "\n").dropFirst(5).prefix(6).joined()
        #expect(chart.contains("'") && chart.contains("\""))
    }

    @Test func bandsSitBehindTheLineAndSpanTheirPercentiles() throws {
        let m = Self.withBands()
        let bands = try #require(m.monteCarlo?.outcome(of: .coreweave)).cash
        let f = view(m, width: 80, height: 24, caps: Self.ascii)
        // Every shaded cell is a band glyph in the series' role; the inner band is never dimmed.
        var inner = 0
        for y in 0..<f.height {
            for x in 0..<f.width where f[x, y].scalar == "\"" && f[x, y].style.role == .series1 {
                inner += 1
                #expect(!f[x, y].style.attributes.contains(.dim))
            }
        }
        #expect(inner > 0)
        #expect(bands.p95.indices.allSatisfy { bands.p95[$0] >= bands.p5[$0] })
    }

    @Test func leverChangeCancelsAndRestartsAndStaleBandsGo() throws {
        var m = Self.withBands()
        m.setFocus(.levers)
        let effects = update(&m, .key(.right))
        let job = try #require(Self.job(effects))
        #expect(job.generation == 2 && job.schedule == m.schedule)
        #expect(m.monteCarlo == nil)  // the old bands were for other levers
        // A late answer of the old run is ignored.
        let old = MonteCarlo.run(.article2025, paths: 50, seed: 1, months: 60)!
        _ = update(&m, .analytics(.monteCarloFinished(generation: 1, result: old)))
        #expect(m.monteCarlo == nil && m.analytics.progress?.generation == 2)
        #expect(!view(m, width: 120, height: 40, caps: .plain).text.contains("░"))
    }

    @Test func mAgainTurnsItOffAndCancels() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("m")))
        let effects = update(&m, .key(.char("m")))
        #expect(effects == [.analytics(.cancelMonteCarlo)])
        #expect(!m.analytics.enabled && m.analytics.progress == nil)
        // Levers change without starting anything.
        #expect(update(&m, .key(.right)).isEmpty)
    }

    @Test func scenarioWithoutUncertaintySaysSo() {
        var s = Scenario.article2025
        s.uncertainty = Uncertainty()
        var m = Model(scenario: s, paused: true)
        #expect(update(&m, .key(.char("m"))).isEmpty)
        #expect(!m.analytics.enabled && m.notice?.contains("no distributions or shocks") == true)
    }

    @Test func loadingAScenarioRestartsTheRunForIt() throws {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("m")))
        var other = Scenario.article2025
        other.name = "other"
        let job = try #require(Self.job(update(&m, .scenarioLoaded(other, path: nil))))
        #expect(job.generation == 2 && job.scenario.name == "other" && m.analytics.enabled)
    }

    @Test func tornadoOverlayIsReadableAt80x24() throws {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("K")))
        #expect(m.analytics.overlay == .tornado)
        let t = try #require(m.analytics.tornado)
        let f = view(m, width: 80, height: 24, caps: .plain)
        let text = f.text
        #expect(text.contains("Sensitivity: CoreWeave first needs money (month)"))
        // Every lever has its row, the largest effect on top.
        let label = { (id: ParameterID) in String(ParameterRegistry.parameter(id)!.label.prefix(20)) }
        #expect(t.bars.allSatisfy { text.contains(label($0.parameter)) })
        let rows = text.split(separator: "\n").map(String.init)
        let top = try #require(rows.firstIndex { $0.contains(label(t.bars[0].parameter)) })
        let last = try #require(rows.firstIndex { $0.contains(label(t.bars.last!.parameter)) })
        #expect(top < last)
        // Arrows move through the metrics, not the levers.
        let before = m.value("cw.utilization")
        _ = update(&m, .key(.right))
        #expect(m.value("cw.utilization") == before && m.analytics.tornado?.metric == .runwayIfClosed(.coreweave))
        #expect(view(m, width: 80, height: 24, caps: .plain).text.contains("Sensitivity: CoreWeave runway if markets"))
        _ = update(&m, .key(.escape))
        #expect(m.analytics.overlay == nil)
    }

    @Test func tornadoBarsUseDistinctGlyphsInASCII() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("K")))
        _ = update(&m, .key(.left))  // CoreWeave's cash at the horizon: effects on both sides
        let text = view(m, width: 80, height: 24, caps: Self.ascii).text
        #expect(text.contains("#|") || text.contains("|#"))
        #expect(text.contains("-|") || text.contains("|-"))
    }

    @Test func compareListsScenariosThenShowsDeltas() throws {
        var m = Model(paused: true)
        #expect(update(&m, .key(.char("c"))) == [.analytics(.listScenarios)])
        #expect(view(m, width: 80, height: 24, caps: .plain).text.contains("reading scenarios"))
        let list = [ScenarioEntry(name: "article-2025", title: "As announced", path: nil),
                    ScenarioEntry(name: "price-war", title: "Price war", path: "/s/price-war.yaml")]
        _ = update(&m, .analytics(.scenarioList(list)))
        // The current scenario is not the one offered first.
        #expect(m.analytics.pickerIndex == 1)
        #expect(view(m, width: 80, height: 24, caps: .plain).text.contains("price-war     Price war"))
        _ = update(&m, .key(.up))
        _ = update(&m, .key(.down))
        #expect(update(&m, .key(.enter)) == [.analytics(.loadComparison("/s/price-war.yaml"))])
        var war = Scenario.article2025
        war.name = "price-war"
        war.parameters.setClamped("price.declinePerYear", 0.35)
        _ = update(&m, .analytics(.comparisonLoaded(war)))
        #expect(m.analytics.overlay == .comparison)
        let text = view(m, width: 80, height: 24, caps: .plain).text
        #expect(text.contains("Compare: this what-if vs price-war"))
        let c = try #require(m.comparison)
        let row = try #require(c.rows.first { $0.id == "coreweave.cashAtHorizon" })
        #expect(text.contains(c.formatDifference(row)) && text.contains("CoreWeave cash at horizon"))
        #expect(text.contains("First to need money") && text.contains("First out if markets close"))
        // c goes back to the list; Esc closes.
        #expect(update(&m, .key(.char("c"))) == [.analytics(.listScenarios)])
        _ = update(&m, .key(.escape))
        #expect(m.analytics.overlay == nil)
    }

    @Test func progressEstimatesTheRest() {
        let p = MonteCarloProgress(generation: 1, done: 500, total: 2_000, elapsed: 1)
        #expect(p.fraction == 0.25 && p.eta == 3)
        #expect(MonteCarloProgress(generation: 1, done: 0, total: 10, elapsed: 0).eta == nil)
    }
}
