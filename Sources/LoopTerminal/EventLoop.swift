import Dispatch
import LoopDashboard
#if canImport(Glibc)
import Glibc
#endif

/// Runs the dashboard: keys from a stdin read source, one clock timer (months and pulses,
/// see `SimulationClock`; none while paused), signals as signal sources, all on the main
/// queue. Each message goes through `update`; its effects go to the one `EffectRunner`.
/// Draws only when the frame changed, within `FrameBudget`'s `fps`. Nothing polls.
/// Without `run`, a test drives it with `send` and a fake screen and runner.
public final class EventLoop: EffectHost, @unchecked Sendable {
    /// The model as the last message left it.
    public private(set) var model: Model
    private let screen: any Screen
    private let effects: any EffectRunner
    private let fps: Double
    private var sources: [any DispatchSourceProtocol] = []
    private var clockTimer: DispatchSourceTimer?
    private var clock: SimulationClock?
    private var drawScheduled = false
    private var budget: FrameBudget
    private var lastFrame: Frame?
    private let started = DispatchTime.now()
    /// The backlog guard, with the quit keys as the terminal sends them (set by `run`).
    private var flood = InputFlood(now: 0, quitSequences: [])
    private var floodBuffer = [UInt8](repeating: 0, count: 1 << 16)

    public init(model: Model, screen: any Screen, fps: Double, effects: any EffectRunner) {
        self.model = model
        self.screen = screen
        self.effects = effects
        self.fps = max(1, min(60, fps))
        budget = FrameBudget(fps: self.fps, now: DispatchTime.now().uptimeNanoseconds)
    }

    /// Reads keys from `terminal`, starts the clock and the signal sources, and never
    /// returns: the process ends through `finish`.
    public func run(input terminal: Terminal) -> Never {
        flood = InputFlood(
            now: DispatchTime.now().uptimeNanoseconds,
            quitSequences: model.keys.bindings.filter { $0.action == .quit && $0.context == .global }
                .flatMap(\.keys).map { ($0, terminal.sequence(for: $0)) })
        let main = DispatchQueue.main
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: main)
        input.setEventHandler { [unowned self] in self.readInput(terminal) }
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
            terminal.resized()
            self.lastFrame = nil  // a frame drawn at the new size before this handler ran must be drawn again
            self.drawNow()
        }
        winch.resume()
        sources.append(winch)
        let tstp = DispatchSource.makeSignalSource(signal: SIGTSTP, queue: main)
        tstp.setEventHandler { [unowned self] in
            terminal.suspend()
            self.lastFrame = nil
            self.drawNow()
        }
        tstp.resume()
        sources.append(tstp)
        restartClock()
        drawNow()
        dispatchMain()
    }

    /// Reads keys while the allowance of `InputFlood` lasts; beyond it, or once the keys of
    /// one read have kept the dashboard busy for `InputFlood.busy` of CPU time (not wall time,
    /// which a loaded machine stretches), drops the flood.
    private func readInput(_ terminal: Terminal) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = RawInput.threadCPUTime()
        if flood.continues(at: now) { dropFlood(terminal, at: now); return }
        let allowance = flood.allowance(at: now)
        if allowance > 0 {
            let (inputs, reads, ended) = terminal.readInput(limit: allowance)
            flood.spend(reads)
            for (i, input) in inputs.enumerated() {
                send(message(input))
                if i + 1 < inputs.count, RawInput.threadCPUTime() > cpu + InputFlood.busy {
                    flood.begin(at: now)
                    for case let .key(k) in inputs[(i + 1)...] where flood.drop(key: k) {
                        send(.inputFlood(dropped: flood.dropped, quit: true))
                    }
                    break
                }
            }
            if ended { terminate(status: 128 + SIGHUP) }
            if reads < allowance, !flood.flooding { return }
        }
        if !flood.flooding { flood.begin(at: now) }
        dropFlood(terminal, at: now)
    }

    /// The message of what the terminal sent: a mouse report is hit-tested at the screen's
    /// present size.
    func message(_ input: TerminalInput) -> Message {
        switch input {
        case let .key(k): return .key(k)
        case let .mouse(e):
            let (w, h) = screen.size()
            return .mouse(e, width: w, height: h)
        }
    }

    /// Reads one buffer of flood raw and drops it, acting only on quit keys in it.
    private func dropFlood(_ terminal: Terminal, at now: UInt64) {
        guard let n = terminal.readRaw(into: &floodBuffer) else { terminate(status: 128 + SIGHUP) }
        terminal.forgetPartialInput()
        guard n > 0 else { return }
        let quits = flood.drop(floodBuffer[0..<n], at: now)
        send(.inputFlood(dropped: flood.dropped, quit: false))
        for _ in quits { send(.inputFlood(dropped: flood.dropped, quit: true)) }
    }

    /// Called on the main queue after every message with the new model (e.g. to publish it).
    public var onModelChange: ((Model) -> Void)?

    /// Called on the main queue with each frame drawn and the model it shows (to record it).
    public var onDraw: ((Frame, Model) -> Void)?

    /// Applies a message, hands its effects to the runner and draws. Main queue only.
    public func send(_ message: Message) {
        noteElapsed()
        apply(message)
        requestDraw()
    }

    /// Like `send`, for messages from the background and the clock: the frames kept for
    /// keys stay free.
    public func post(_ message: Message) {
        noteElapsed()
        apply(message)
        requestDraw(reserve: FrameBudget.clockReserve)
    }

    /// Tells the model the session's time, so the lever changes that follow are stamped.
    private func noteElapsed() {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        _ = update(&model, .elapsed(seconds: seconds))
    }

    /// Applies a message and hands its effects to the runner, without drawing.
    private func apply(_ message: Message) {
        let out = update(&model, message)
        onModelChange?(model)
        for e in out { effects.run(e, for: self) }
    }

    /// (Re)creates the clock timer for the current speed; none while paused.
    public func restartClock() {
        clockTimer?.cancel(); clockTimer = nil
        clock = SimulationClock(model: model, fps: fps)
        guard let interval = clock?.interval else { return }
        clockTimer = makeTimer(interval: interval) { [unowned self] in
            for m in self.clock?.step() ?? [] { self.apply(m) }
            self.requestDraw(reserve: FrameBudget.clockReserve)
        }
    }

    /// The screen as it is now, drawn as an SVG picture in the theme's full colours.
    public func picture() -> String {
        let (w, h) = screen.size()
        return ScreenExport.svg(model, width: w, height: h)
    }

    /// Redraws every cell with the model's current theme.
    public func repaint() {
        screen.setTheme(model.themes.current)
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
        let (w, h) = screen.size()
        let frame = view(model, width: w, height: h, caps: screen.capabilities)
        guard frame != lastFrame else { return }
        budget.spend(at: DispatchTime.now().uptimeNanoseconds)
        screen.blit(frame)
        lastFrame = frame
        onDraw?(frame, model)
    }

    /// Gives the terminal back and exits with `status`.
    public func finish(status: Int32) { terminate(status: status) }

    private func terminate(status: Int32) -> Never {
        screen.stop()
        exit(status)
    }
}
