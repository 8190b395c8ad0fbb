import LoopSim
import Testing
@testable import LoopDashboard

/// What keeps the dashboard cheap on a terminal, checked without a clock: no clock while
/// paused, one clock for months and pulses, a bounded frame rate, and frames that change
/// only where something moved.
@Suite struct RenderingCostTests {
    func running(month: Int = 4) -> Model {
        var m = Model(paused: false)
        m.month = month
        return m
    }

    // MARK: - The clock

    @Test func pausedModelHasNoClockSoNoFrames() {
        #expect(SimulationClock(model: Model(paused: true), fps: 15) == nil)
        var m = running()
        _ = update(&m, .key(.char(" ")))
        #expect(m.paused)
        #expect(SimulationClock(model: m, fps: 15) == nil)
    }

    @Test func defaultSpeedTicksAMonthEveryFourthPulseStep() throws {
        var clock = try #require(SimulationClock(model: running(), fps: 15))
        #expect(clock.stepsPerSecond == 8)
        var ticksAt: [Int] = []
        for i in 1...16 {
            let messages = clock.step()
            #expect(messages.last.map { if case .frame = $0 { true } else { false } } == true)
            let ticks = messages.filter { if case .tick = $0 { true } else { false } }.count
            if ticks > 0 { ticksAt.append(i) }
            #expect(ticks <= 1)
        }
        #expect(ticksAt == [4, 8, 12, 16])
    }

    @Test(arguments: [(0.25, 15.0, 32), (1, 15, 8), (4, 15, 2), (2, 5, 10)])
    func monthsPerSecondMatchTheSpeed(speed: Double, fps: Double, steps: Int) throws {
        var m = running()
        m.speed = speed
        var clock = try #require(SimulationClock(model: m, fps: fps))
        var ticks = 0
        for _ in 0..<steps {
            ticks += clock.step().filter { if case .tick = $0 { true } else { false } }.count
        }
        // `steps` steps are exactly the time for `speed * steps / stepsPerSecond` months.
        #expect(Double(ticks) == speed * Double(steps) / clock.stepsPerSecond)
    }

    @Test func fastSpeedsTickSeveralMonthsInOneFrame() throws {
        var m = running()
        m.speed = 32
        var clock = try #require(SimulationClock(model: m, fps: 15))
        #expect(clock.step().count == 5)  // four months and one pulse step
    }

    // MARK: - The frame budget

    @Test func aKeyAfterAClockFrameIsDrawnAtOnce() {
        var b = FrameBudget(fps: 15, now: 0)
        b.spend(at: 0)  // a clock frame
        #expect(b.delay(at: 10_000_000) == 0)  // a key 10 ms later
    }

    @Test func heldKeysAreHeldToTheFrameRate() {
        var b = FrameBudget(fps: 15, now: 0)
        var drawn = 0
        var now: UInt64 = 0
        // A key every 10 ms for 10 s, each drawn as soon as the budget allows.
        var due: UInt64 = 0
        while now < 10_000_000_000 {
            if now >= due, b.delay(at: now) == 0 {
                b.spend(at: now)
                drawn += 1
            } else if now >= due {
                due = now + b.delay(at: now)
            }
            now += 10_000_000
        }
        #expect(drawn <= 15 * 10 + Int(b.burst))
        #expect(drawn >= 15 * 10 - 2)
    }

    @Test func clockFramesLeaveTwoFramesForKeys() {
        var b = FrameBudget(fps: 15, now: 0)
        b.spend(at: 0)  // a key
        #expect(b.delay(at: 0, keeping: FrameBudget.clockReserve) == 0)  // three left: the clock may draw
        b.spend(at: 0)  // the clock
        #expect(b.delay(at: 0, keeping: FrameBudget.clockReserve) > 0)  // two left: the clock waits
        b.spend(at: 0)
        #expect(b.delay(at: 0) == 0)  // a second key right after does not
    }

    @Test func keysBetweenClockFramesNeverWait() {
        // The clock at 8 Hz and a key every 150 ms for a minute, at 15 fps.
        var b = FrameBudget(fps: 15, now: 0)
        let ms: UInt64 = 1_000_000
        var clockDue: UInt64 = 125 * ms, keyDue: UInt64 = 40 * ms
        var clockFrames = 0, keysWaiting = 0
        while keyDue < 60_000 * ms {
            if clockDue <= keyDue {
                let wait = b.delay(at: clockDue, keeping: FrameBudget.clockReserve)
                if wait == 0 {
                    b.spend(at: clockDue)
                    clockFrames += 1
                    clockDue += 125 * ms
                } else {
                    clockDue += wait  // the clock's frame goes out when the budget allows
                }
            } else {
                if b.delay(at: keyDue) > 0 { keysWaiting += 1 }
                b.spend(at: keyDue)
                keyDue += 150 * ms
            }
        }
        #expect(keysWaiting == 0)
        #expect(clockFrames > 8 * 60 / 2)  // the animation goes on, slower while keys come
    }

    @Test func quickPairsOfKeysAmidTheAnimationNeverWait() {
        // The clock at 8 Hz; pairs of keys 30 ms apart every 300 ms (6.7 keys a second).
        var b = FrameBudget(fps: 15, now: 0)
        let ms: UInt64 = 1_000_000
        var clockDue: UInt64 = 125 * ms
        var keys: [UInt64] = []
        for pair in 0..<200 { keys += [UInt64(pair) * 300 * ms + 17 * ms, UInt64(pair) * 300 * ms + 47 * ms] }
        var keysWaiting = 0
        for k in keys {
            while clockDue <= k {
                let wait = b.delay(at: clockDue, keeping: FrameBudget.clockReserve)
                if wait == 0 { b.spend(at: clockDue); clockDue += 125 * ms } else { clockDue += wait }
            }
            if b.delay(at: k) > 0 { keysWaiting += 1 }
            b.spend(at: k)
        }
        #expect(keysWaiting == 0)
    }

    @Test func anEmptyBucketWaitsOneFrameTime() {
        var b = FrameBudget(fps: 10, burst: 2, now: 0)
        b.spend(at: 0)
        b.spend(at: 0)
        #expect(b.delay(at: 0) == 100_000_000)
        #expect(b.delay(at: 50_000_000) == 50_000_000)
        #expect(b.delay(at: 100_000_000) == 0)
    }

    // MARK: - Frames that change only where something moved

    @Test func aTickWhilePausedGivesTheSameFrame() {
        var m = Model(paused: true)
        let before = view(m, width: 120, height: 40, caps: .standard)
        _ = update(&m, .tick)
        #expect(FrameDiff(from: before, to: view(m, width: 120, height: 40, caps: .standard)).isEmpty)
    }

    @Test func aPulseStepWithTheGraphHiddenGivesTheSameFrame() {
        var m = running()
        m.setFocus(.runway)  // the compact layout shows the runway tab, not the graph
        let before = view(m, width: 80, height: 24, caps: .standard)
        _ = update(&m, .frame)
        #expect(FrameDiff(from: before, to: view(m, width: 80, height: 24, caps: .standard)).isEmpty)
    }

    @Test(arguments: [(120, 40), (200, 60), (80, 24)])
    func onePulseStepChangesOnlyTheCellsItMovesThrough(width: Int, height: Int) {
        var m = running()
        let glyphs = Glyphs.of(Capabilities.standard.glyphs)
        let before = view(m, width: width, height: height, caps: .standard)
        _ = update(&m, .frame)
        let after = view(m, width: width, height: height, caps: .standard)
        let diff = FrameDiff(from: before, to: after)
        #expect(!diff.full)
        // Six edges, each pulse leaving one cell and entering the next.
        #expect(diff.changed.count <= 12, "a pulse step wrote \(diff.changed.count) cells")
        for i in diff.changed {
            #expect(before.cells[i].scalar == glyphs.pulse || after.cells[i].scalar == glyphs.pulse)
        }
    }

    @Test func aMonthChangesFarFewerCellsThanAFullPaint() {
        var m = running()
        let before = view(m, width: 120, height: 40, caps: .standard)
        _ = update(&m, .tick)
        let diff = FrameDiff(from: before, to: view(m, width: 120, height: 40, caps: .standard))
        #expect(!diff.changed.isEmpty)
        #expect(diff.changed.count < 120 * 40 / 8)
    }

    // MARK: - The diff itself

    @Test func diffIsFullWithoutAPreviousFrameOrAfterAResize() {
        let f = Frame(width: 4, height: 2)
        #expect(FrameDiff(from: nil, to: f) == FrameDiff(fullOf: f))
        #expect(FrameDiff(from: Frame(width: 3, height: 2), to: f).full)
        #expect(FrameDiff(from: f, to: f).isEmpty)
    }

    @Test func diffListsChangedCellsInScreenOrder() {
        let a = Frame(width: 4, height: 2)
        var b = a
        b.put(3, 0, "x", .text)
        b.put(1, 1, "y", .text)
        var diff = FrameDiff()
        diff.compute(from: a, to: b)
        #expect(diff.changed == [3, 5])
        diff.compute(from: b, to: b)
        #expect(diff.isEmpty)
    }
}

extension FrameDiff {
    /// Every cell of `f`, as a first paint writes it.
    init(fullOf f: Frame) {
        self.init()
        full = true
        changed = Array(0..<f.cells.count)
    }
}
