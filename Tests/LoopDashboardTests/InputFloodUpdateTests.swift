import Testing
import LoopConfig
import LoopSim
@testable import LoopDashboard

/// What the dashboard does when input floods: a notice with the bytes dropped, and a quit key
/// found in the flood quits from wherever the dashboard is, asking first about unsaved changes.
@Suite struct InputFloodUpdateTests {
    @Test func aFloodIsANoticeAndNothingElse() {
        var m = Model(paused: true)
        let effects = update(&m, .inputFlood(dropped: 65536, quit: false))
        #expect(effects.isEmpty && m.notice?.contains("65536 bytes dropped") == true)
        #expect(m.notice?.contains("only q and Ctrl-C") == true)
    }

    @Test func aQuitInAFloodLeavesTheCommandLineAndQuits() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char(":")))
        _ = update(&m, .key(.char("x")))
        #expect(m.input != nil)
        let effects = update(&m, .inputFlood(dropped: 10, quit: true))
        #expect(effects == [.quit] && m.input == nil)
    }

    @Test func unsavedChangesAskFirstAndASecondQuitAnswersYes() {
        var m = Model(paused: true)
        _ = update(&m, .key(.right))
        #expect(m.hasUnsavedChanges)
        let first = update(&m, .inputFlood(dropped: 10, quit: true))
        #expect(first.isEmpty && m.confirm == .quit)
        let second = update(&m, .inputFlood(dropped: 20, quit: true))
        #expect(second == [.quit])
    }

    /// A paste's first keys (taken before the flood is recognised) can open the picker and
    /// choose a scenario; the flood closes the picker, the late answer opens nothing, and the
    /// quit key after the paste quits instead of closing an overlay.
    @Test func aFloodClosesWhatItsFirstKeysOpened() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("c")))
        _ = update(&m, .analytics(.scenarioList([ScenarioEntry(name: "price-war", title: "Price war", path: "/s/p.yaml")])))
        #expect(update(&m, .key(.enter)) == [.analytics(.loadComparison("/s/p.yaml"))])
        _ = update(&m, .key(.char("?")))
        _ = update(&m, .inputFlood(dropped: 4096, quit: false))
        #expect(m.analytics.overlay == nil && !m.showHelp)
        _ = update(&m, .analytics(.comparisonLoaded(Scenario.article2025)))
        #expect(m.analytics.overlay == nil)
        #expect(update(&m, .key(.char("q"))) == [.quit])
    }

    /// A paste's first keys can start Monte Carlo (`m` is in many words): the run it started
    /// is stopped when the flood is recognised, so it does not take the cores while the flood
    /// is dropped and the quit key after it waits.
    @Test func aFloodStopsTheMonteCarloRunItsFirstKeysStarted() {
        var m = Model(paused: true)
        let started = update(&m, .key(.char("m")))
        #expect(started.contains { if case .analytics(.startMonteCarlo) = $0 { true } else { false } })
        let effects = update(&m, .inputFlood(dropped: 4096, quit: false))
        #expect(effects == [.analytics(.cancelMonteCarlo)])
        #expect(!m.analytics.enabled && m.analytics.progress == nil)
        #expect(m.notice?.contains("4096 bytes dropped") == true)
        // Once stopped, a longer flood asks for nothing more.
        #expect(update(&m, .inputFlood(dropped: 8192, quit: false)).isEmpty)
    }
}
