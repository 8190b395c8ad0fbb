import Dispatch
import LoopDashboard
#if canImport(Glibc)
import Glibc
#endif

/// Runs the dashboard: keys from a stdin read source, one clock timer (months and pulses,
/// see `SimulationClock`; none while paused), signals as signal sources, all on the main
/// queue. Draws only when the frame changed, within `FrameBudget`'s `fps`. Nothing polls.
public final class EventLoop: @unchecked Sendable {
    private var model: Model
    private let terminal: Terminal
    private let fps: Double
    private var sources: [any DispatchSourceProtocol] = []
    private var clockTimer: DispatchSourceTimer?
    private var clock: SimulationClock?
    private var drawScheduled = false
    private var budget: FrameBudget
    private var lastFrame: Frame?
    private let sideEffects: SideEffects
    /// Monte Carlo in the background; its messages come back on the main queue and, like the
    /// clock's, are drawn without taking the frames kept for keys.
    private lazy var analytics = AnalyticsRunner { [unowned self] message in
        DispatchQueue.main.async {
            self.apply(message)
            self.requestDraw(reserve: FrameBudget.clockReserve)
        }
    }
    private let started = DispatchTime.now()
    /// The backlog guard, with the quit keys as this terminal sends them.
    private lazy var flood = InputFlood(
        now: DispatchTime.now().uptimeNanoseconds,
        quitSequences: model.keys.bindings.filter { $0.action == .quit && $0.context == .global }
            .flatMap(\.keys).map { ($0, terminal.sequence(for: $0)) })
    private var floodBuffer = [UInt8](repeating: 0, count: 1 << 16)

    public init(model: Model, terminal: Terminal, fps: Double, sideEffects: @escaping SideEffects) {
        self.sideEffects = sideEffects
        var m = model
        if let n = terminal.notice { m.notice = n }
        self.model = m
        self.terminal = terminal
        self.fps = max(1, min(60, fps))
        budget = FrameBudget(fps: self.fps, now: DispatchTime.now().uptimeNanoseconds)
    }

    /// Starts the sources and never returns: the process ends through `finish`.
    public func run() -> Never {
        let main = DispatchQueue.main
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: main)
        input.setEventHandler { [unowned self] in self.readInput() }
        input.resume()
        sources.append(input)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            let s = DispatchSource.makeSignalSource(signal: sig, queue: main)
            s.setEventHandler { [unowned self] in self.finish(status: 128 + sig) }
            s.resume()
            sources.append(s)
        }
        let winch = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: main)
        winch.setEventHandler { [unowned self] in
            self.terminal.resized()
            self.lastFrame = nil  // a frame drawn at the new size before this handler ran must be drawn again
            self.drawNow()
        }
        winch.resume()
        sources.append(winch)
        let tstp = DispatchSource.makeSignalSource(signal: SIGTSTP, queue: main)
        tstp.setEventHandler { [unowned self] in
            self.terminal.suspend()
            self.lastFrame = nil
            self.drawNow()
        }
        tstp.resume()
        sources.append(tstp)
        resetClocks()
        drawNow()
        dispatchMain()
    }

    /// Reads keys while the allowance of `InputFlood` lasts; beyond it, or once the keys of
    /// one read have kept the dashboard busy for `InputFlood.busy`, drops the flood.
    private func readInput() {
        let now = DispatchTime.now().uptimeNanoseconds
        if flood.continues(at: now) { dropFlood(at: now); return }
        let allowance = flood.allowance(at: now)
        if allowance > 0 {
            let (keys, reads, ended) = terminal.readKeys(limit: allowance)
            flood.spend(reads)
            for (i, k) in keys.enumerated() {
                send(.key(k))
                if i + 1 < keys.count, DispatchTime.now().uptimeNanoseconds > now + InputFlood.busy {
                    flood.begin(at: now)
                    for k in keys[(i + 1)...] where flood.drop(key: k) {
                        send(.inputFlood(dropped: flood.dropped, quit: true))
                    }
                    break
                }
            }
            if ended { finish(status: 128 + SIGHUP) }
            if reads < allowance, !flood.flooding { return }
        }
        if !flood.flooding { flood.begin(at: now) }
        dropFlood(at: now)
    }

    /// Reads one buffer of flood raw and drops it, acting only on quit keys in it.
    private func dropFlood(at now: UInt64) {
        guard let n = terminal.readRaw(into: &floodBuffer) else { finish(status: 128 + SIGHUP) }
        guard n > 0 else { return }
        let quits = flood.drop(floodBuffer[0..<n], at: now)
        send(.inputFlood(dropped: flood.dropped, quit: false))
        for _ in quits { send(.inputFlood(dropped: flood.dropped, quit: true)) }
    }

    /// Called on the main queue after every message with the new model (e.g. to publish it).
    public var onModelChange: ((Model) -> Void)?

    /// Applies a message and carries out its effects. Call on the main queue only.
    public func send(_ message: Message) {
        apply(message)
        requestDraw()
    }

    /// Applies a message and carries out its effects, without drawing.
    private func apply(_ message: Message) {
        let effects = update(&model, message)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        model.presentation.changeTimes.note(model.schedule, seconds: seconds)
        onModelChange?(model)
        for e in effects {
            switch e {
            case .quit: finish(status: 0)
            case .speedChanged, .clockChanged: resetClocks()
            case .write, .loadScenario, .setTheme, .followChanged:
                if let answer = sideEffects(e) { send(answer) }
            case .themeChanged: terminal.setTheme(model.themes.current)
            case let .analytics(a):
                if !analytics.perform(a), let answer = sideEffects(e) { send(answer) }
            }
        }
    }

    /// (Re)creates the clock timer for the current speed; none while paused.
    private func resetClocks() {
        clockTimer?.cancel(); clockTimer = nil
        clock = SimulationClock(model: model, fps: fps)
        guard let interval = clock?.interval else { return }
        clockTimer = makeTimer(interval: interval) { [unowned self] in
            for m in self.clock?.step() ?? [] { self.apply(m) }
            self.requestDraw(reserve: FrameBudget.clockReserve)
        }
    }

    private func makeTimer(interval: Double, _ handler: @escaping () -> Void) -> DispatchSourceTimer {
        let t = DispatchSource.makeTimerSource(queue: .main)
        let ns = max(1_000_000, Int(interval * 1e9))
        t.schedule(deadline: .now() + .nanoseconds(ns), repeating: .nanoseconds(ns), leeway: .milliseconds(5))
        t.setEventHandler(handler: handler)
        t.resume()
        return t
    }

    /// Draws now if the frame budget allows, else as soon as it does. The clock's frames
    /// leave `reserve` frames of the budget to keys.
    private func requestDraw(reserve: Double = 0) {
        let wait = budget.delay(at: DispatchTime.now().uptimeNanoseconds, keeping: reserve)
        if wait == 0 { drawNow(); return }
        guard !drawScheduled else { return }
        drawScheduled = true
        DispatchQueue.main.asyncAfter(deadline: .now() + .nanoseconds(Int(wait))) { [unowned self] in
            self.drawScheduled = false
            self.drawNow()
        }
    }

    private func drawNow() {
        let (w, h) = terminal.size()
        let frame = view(model, width: w, height: h, caps: terminal.capabilities)
        guard frame != lastFrame else { return }
        budget.spend(at: DispatchTime.now().uptimeNanoseconds)
        terminal.blit(frame)
        lastFrame = frame
    }

    /// Gives the terminal back and exits with `status`.
    private func finish(status: Int32) -> Never {
        terminal.stop()
        exit(status)
    }
}
