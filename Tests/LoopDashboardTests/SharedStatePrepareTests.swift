import LoopSim
import Testing
@testable import LoopDashboard

/// A presenter's state prepared once for all the followers of a viewer host: the scenario
/// read and projected once, handed on while the next state keeps it, and followers given
/// those copies (so followers alike share their storage and compare at once).
@Suite struct SharedStatePrepareTests {
    static func state(lever: Double?, month: Int) -> SharedState {
        var p = Model(paused: false)
        if let lever { p.setLever("cw.utilization", to: lever) }
        p.month = month
        return SharedState(p)
    }

    static func storage(_ p: Projection?) -> UnsafeRawPointer? {
        p?.months.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aStateIsProjectedOnceAndTheNextTakesItOver() throws {
        var first = Self.state(lever: 0.6, month: 3)
        first.prepare()
        let scenario = try #require(first.scenario)
        #expect(first.projection == Engine.project(scenario, schedule: first.schedule(of: scenario)))
        #expect(first.baseline == Engine.project(scenario, schedule: LeverSchedule(base: scenario.parameters)))
        var tick = Self.state(lever: 0.6, month: 4)  // the clock moved: same what-if
        tick.prepare(after: first)
        #expect(Self.storage(tick.projection) == Self.storage(first.projection))
        var moved = Self.state(lever: 0.7, month: 4)  // a lever moved: projected anew
        moved.prepare(after: tick)
        #expect(Self.storage(moved.baseline) == Self.storage(first.baseline))
        #expect(Self.storage(moved.projection) != Self.storage(first.projection))
        #expect(moved.projection == Engine.project(scenario, schedule: moved.schedule(of: scenario)))
        #expect(moved.projection != first.projection)
    }

    /// Followers given a prepared state hold its projections (not copies of their own) and
    /// show exactly what following the unprepared state would.
    @Test func followersTakeThePreparedProjections() {
        var state = Self.state(lever: 0.6, month: 9)
        state.prepare()
        func follower(_ s: SharedState) -> Model {
            var m = Model(paused: false)
            m.isFollower = true
            m.following = true
            _ = update(&m, .shared(s))
            return m
        }
        let a = follower(state), b = follower(state), unprepared = follower(Self.state(lever: 0.6, month: 9))
        #expect(Self.storage(a.projection) == Self.storage(state.projection))
        #expect(Self.storage(b.baseline) == Self.storage(state.baseline))
        #expect(a.projection == unprepared.projection && a.baseline == unprepared.baseline && a.schedule == unprepared.schedule)
        #expect(a.drawsAlike(unprepared))
        #expect(view(a, width: 120, height: 40, caps: .standard) == view(unprepared, width: 120, height: 40, caps: .standard))
    }
}
