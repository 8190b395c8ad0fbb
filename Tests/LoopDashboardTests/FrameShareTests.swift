import LoopSim
import Testing
@testable import LoopDashboard

/// Frames shared among the viewers of one process (``FrameShare``): followers whose models
/// draw alike at the same size and capabilities get one frame, drawn once, and it is the
/// frame `view` draws for each of them; anything that tells them apart draws their own.
@Suite struct FrameShareTests {
    /// A follower as a viewer host makes one, after the presenter's `state`, at its own `elapsed` time.
    static func follower(_ state: SharedState, elapsed: Double) -> Model {
        var m = Model(paused: false)
        m.isFollower = true
        m.following = true
        _ = update(&m, .elapsed(seconds: elapsed))
        _ = update(&m, .shared(state))
        _ = update(&m, .frame)
        return m
    }

    /// The presenter at month 9 with the utilization lever moved (so each follower stamps a change time).
    static var presenter: SharedState {
        var p = Model(paused: false)
        p.setLever("cw.utilization", to: 0.6)
        p.month = 9
        var state = SharedState(p)
        state.prepare()
        return state
    }

    @Test func twoFollowersAtOneSizeGetOneFrameDrawnOnce() {
        let a = Self.follower(Self.presenter, elapsed: 1.25), b = Self.follower(Self.presenter, elapsed: 7.5)
        #expect(a.presentation.elapsed != b.presentation.elapsed)
        #expect(a.drawsAlike(b))
        let share = FrameShare()
        let fa = share.frame(a, width: 120, height: 40, caps: .standard)
        let fb = share.frame(b, width: 120, height: 40, caps: .standard)
        #expect(share.drawn == 1 && share.shared == 1)
        #expect(fa == view(a, width: 120, height: 40, caps: .standard))
        #expect(fb == view(b, width: 120, height: 40, caps: .standard))
        #expect(b.month == 9 && b.schedule == a.schedule && !b.schedule.isEmpty)
    }

    @Test func anotherSizeOrTerminalDrawsItsOwnFrame() {
        let a = Self.follower(Self.presenter, elapsed: 1), b = Self.follower(Self.presenter, elapsed: 2)
        let share = FrameShare()
        let big = share.frame(a, width: 120, height: 40, caps: .standard)
        let small = share.frame(b, width: 100, height: 30, caps: .standard)
        let ascii = share.frame(b, width: 120, height: 40, caps: Capabilities(color: .c8, glyphs: .ascii))
        #expect(share.drawn == 3 && share.shared == 0)
        #expect(small == view(b, width: 100, height: 30, caps: .standard) && small.width == 100)
        #expect(ascii == view(b, width: 120, height: 40, caps: Capabilities(color: .c8, glyphs: .ascii)))
        #expect(ascii != big)
    }

    /// A viewer's own theme, help, panel or month is theirs: never another's frame.
    @Test func aFollowerWhoLooksAroundDrawsTheirOwnFrame() {
        let a = Self.follower(Self.presenter, elapsed: 1)
        var themed = Self.follower(Self.presenter, elapsed: 1)
        _ = update(&themed, .themeLoaded(Theme(name: "mine", kind: .dark, roles: [:])))
        var help = Self.follower(Self.presenter, elapsed: 1)
        help.showHelp = true
        var maximized = Self.follower(Self.presenter, elapsed: 1)
        maximized.maximized = true
        var later = Self.follower(Self.presenter, elapsed: 1)
        later.month += 1
        let share = FrameShare()
        let first = share.frame(a, width: 120, height: 40, caps: .standard)
        for m in [themed, help, maximized, later] {
            #expect(!a.drawsAlike(m))
            let f = share.frame(m, width: 120, height: 40, caps: .standard)
            #expect(f == view(m, width: 120, height: 40, caps: .standard))
            #expect(f != first)
        }
        #expect(share.drawn == 5 && share.shared == 0)
        #expect(share.frame(themed, width: 120, height: 40, caps: .standard).text.contains("mine"))
    }

    /// Only time stamps are left out of the likeness, and no frame shows them.
    @Test func timeStampsAreTheOnlyPartLeftOut() {
        let a = Self.follower(Self.presenter, elapsed: 1)
        var b = a
        _ = update(&b, .elapsed(seconds: 99))
        b.presentation.changeTimes = ChangeTimes()
        #expect(a.drawsAlike(b) && a != b)
        #expect(view(a, width: 120, height: 40, caps: .standard) == view(b, width: 120, height: 40, caps: .standard))
        b.notice = "x"
        #expect(!a.drawsAlike(b))
    }

    /// The least lately used frame goes when the share is full; a frame gone is drawn again.
    @Test func theLeastLatelyUsedFrameGoesFirst() {
        let a = Self.follower(Self.presenter, elapsed: 1)
        let share = FrameShare(capacity: 2)
        _ = share.frame(a, width: 100, height: 30, caps: .standard)
        _ = share.frame(a, width: 120, height: 40, caps: .standard)
        _ = share.frame(a, width: 100, height: 30, caps: .standard)  // used again: kept
        _ = share.frame(a, width: 140, height: 45, caps: .standard)  // 120x40 goes
        #expect(share.drawn == 3 && share.shared == 1)
        _ = share.frame(a, width: 100, height: 30, caps: .standard)
        _ = share.frame(a, width: 120, height: 40, caps: .standard)
        #expect(share.drawn == 4 && share.shared == 2)
    }
}
