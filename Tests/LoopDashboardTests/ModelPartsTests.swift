import LoopSim
import Testing
@testable import LoopDashboard

/// The model in parts: loading a scenario replaces the session and resets what is open on
/// screen, and keeps the clock's pace, keys, themes, presenting and sharing.
@Suite struct ModelPartsTests {
    static var other: Scenario {
        var s = Scenario.article2025
        s.name = "other"
        return s
    }

    @Test func loadingAScenarioReplacesTheSessionAndKeepsTheRest() {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        m.month = 7
        m.speed = 8
        m.maximized = true
        m.notice = "x"
        m.history = ["save"]
        m.presentation.presenting = true
        m.isFollower = true
        m.load(Self.other, path: "other.yaml")
        #expect(m.scenario.name == "other" && m.scenarioPath == "other.yaml" && m.schedule.isEmpty && m.undoStack.isEmpty)
        #expect(m.month == 0 && m.paused && m.speed == 8)
        #expect(!m.maximized && m.notice == nil && m.history == ["save"])
        #expect(m.presentation.presenting && m.isFollower)
    }

    /// A presenter who loads another scenario keeps their followers: the state after it
    /// is still applied.
    @Test func aFollowerFollowsThroughAScenarioChange() {
        var follower = Model(paused: true)
        follower.isFollower = true
        follower.following = true
        var presenter = Model(scenario: Self.other, paused: true)
        _ = update(&follower, .shared(SharedState(presenter)))
        #expect(follower.scenario.name == "other" && follower.following)
        presenter.month = 5
        _ = update(&follower, .shared(SharedState(presenter)))
        #expect(follower.month == 5)
    }

    @Test func theClockPausesAtTheHorizonAndStepsWithinIt() {
        var clock = ClockState(paused: false)
        clock.month = 59
        #expect(clock.tick(horizon: 60) && clock.month == 60)
        #expect(!clock.tick(horizon: 60) && clock.paused && clock.month == 60)
        clock.step(by: 5, horizon: 60)
        #expect(clock.month == 60)
        clock.step(by: -70, horizon: 60)
        #expect(clock.month == 0)
        clock.changeSpeed(faster: true)
        #expect(clock.speed == 4)
    }
}
