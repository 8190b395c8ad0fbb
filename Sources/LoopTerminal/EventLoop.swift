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
    /// When the last frame was written (uptime nanoseconds).
    private var lastDrawn: UInt64 = 0
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
        listen(to: terminal)
        let main = DispatchQueue.main
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

    /// One viewer of many in this process (`moneyloop serve-host`): reads keys from
    /// `terminal`, starts the clock and draws, and returns. Ending this viewer (a quit
    /// key, Ctrl-C, the input ending, `finish`) gives their terminal back, stops every
    /// source and timer of this loop and calls `ended` with the exit status, instead of
    /// exiting the process. Window sizes are read by `checkSize`, which the host calls.
    public func host(_ terminal: Terminal, ended: @escaping (Int32) -> Void) {
        onEnded = ended
        busyLimit = InputFlood.hostedBusy
        listen(to: terminal)
        restartClock()
        drawNow()
    }

    /// A hosted viewer's window changed size (the host polls it): lay out again.
    public func checkSize() {
        guard onEnded != nil, !finished else { return }
        let (w, h) = screen.size()
        guard let last = lastFrame, last.width != w || last.height != h else { return }
        (screen as? Terminal)?.resized()
        lastFrame = nil
        drawNow()
    }

    /// Set for a hosted viewer: called once when it ends, instead of exiting the process.
    private var onEnded: ((Int32) -> Void)?
    /// For a hosted viewer: the line a crash of the process writes while this loop works
    /// (``CrashBreadcrumb``).
    public var breadcrumb: [CChar]?
    /// Marks this loop as the one working now (for a crash report).
    public func working() { if let breadcrumb { CrashBreadcrumb.mark(breadcrumb) } }
    /// CPU time one read's keys may take before the rest are dropped (``InputFlood``).
    private var busyLimit = InputFlood.busy
    private var finished = false

    private func listen(to terminal: Terminal) {
        var quits = model.keys.bindings.filter { $0.action == .quit && $0.context == .global }
            .flatMap(\.keys).map { ($0, terminal.sequence(for: $0)) }
        if terminal.hosted != nil { quits.append((.ctrl("c"), [0x03])) }
        flood = InputFlood(now: DispatchTime.now().uptimeNanoseconds, quitSequences: quits)
        let input = DispatchSource.makeReadSource(fileDescriptor: terminal.inputDescriptor, queue: .main)
        input.setEventHandler { [unowned self] in self.readInput(terminal) }
        input.resume()
        sources.append(input)
    }

    /// Reads keys while the allowance of `InputFlood` lasts; beyond it, or once the keys of
    /// one read have kept the dashboard busy for `InputFlood.busy` of CPU time (not wall time,
    /// which a loaded machine stretches), drops the flood.
    private func readInput(_ terminal: Terminal) {
        working()
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = RawInput.threadCPUTime()
        if flood.continues(at: now) { dropFlood(terminal, at: now); return }
        let allowance = flood.allowance(at: now)
        if allowance > 0 {
            let (inputs, reads, ended) = terminal.readInput(limit: allowance)
            flood.spend(reads)
            // The keys of one read are applied first and drawn once: a command line that
            // arrives whole (pasted, or keys bunched by a slow link) costs one frame, so the
            // busy limit counts the keys' own work, not frames nobody would see.
            for (i, input) in inputs.enumerated() {
                // A hosted viewer's terminal sends no SIGINT (the line discipline's signals
                // are off: the host is not its foreground process): Ctrl-C arrives as a key.
                if case .key(.ctrl("c")) = input, terminal.hosted != nil { return terminate(status: 128 + SIGINT) }
                take(message(input))
                if finished { return }
                if i + 1 < inputs.count, RawInput.threadCPUTime() > cpu + busyLimit {
                    flood.begin(at: now)
                    for case let .key(k) in inputs[(i + 1)...] where flood.drop(key: k) {
                        send(.inputFlood(dropped: flood.dropped, quit: true))
                    }
                    break
                }
            }
            if finished { return }
            requestDraw()
            if ended { return terminate(status: 128 + SIGHUP) }
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

    /// Reads the flood raw and drops it, as long as bytes are queued (up to
    /// `InputFlood.drainLimit` at a time) or until a quit key turns up in it, acting only on
    /// quit keys. The notice is drawn at most `InputFlood.frameInterval` apart meanwhile, so
    /// frames do not slow the draining down.
    private func dropFlood(_ terminal: Terminal, at now: UInt64) {
        var quits: [Key] = []
        var drained = 0
        var ended = false
        while quits.isEmpty && drained < InputFlood.drainLimit {
            guard let n = terminal.readRaw(into: &floodBuffer) else { ended = true; break }
            guard n > 0 else { break }
            drained += n
            quits = flood.drop(floodBuffer[0..<n], at: now)
        }
        terminal.forgetPartialInput()
        if drained > 0 {
            take(.inputFlood(dropped: flood.dropped, quit: false))
            requestDraw()
        }
        for key in quits {
            // Ctrl-C ends a hosted viewer as it does outside a flood (no signal reaches it).
            if key == .ctrl("c"), terminal.hosted != nil { return terminate(status: 128 + SIGINT) }
            send(.inputFlood(dropped: flood.dropped, quit: true))
        }
        if ended { terminate(status: 128 + SIGHUP) }
    }

    /// Called on the main queue after every message with the new model (e.g. to publish it).
    public var onModelChange: ((Model) -> Void)?

    /// Called on the main queue with each frame drawn and the model it shows (to record it).
    public var onDraw: ((Frame, Model) -> Void)?

    /// Applies a message, hands its effects to the runner and draws. Main queue only.
    public func send(_ message: Message) {
        take(message)
        requestDraw()
    }

    /// Applies a message (stamped with the session's time) without drawing.
    private func take(_ message: Message) {
        guard !finished else { return }
        noteElapsed()
        apply(message)
    }

    /// Like `send`, for messages from the background and the clock: the frames kept for
    /// keys stay free.
    public func post(_ message: Message) {
        guard !finished else { return }
        noteElapsed()
        apply(message)
        requestDraw(reserve: FrameBudget.clockReserve)
    }

    /// Whether something else drives this loop's clock (a viewer host, with each state of
    /// the presenter): no timer of its own then. Setting it restarts the clock.
    public var driven = false {
        didSet { if driven != oldValue { restartClock() } }
    }

    /// A step of the clock given from outside (``driven``): `message` (the presenter's state),
    /// the pulses one cell on, and a frame as soon as the budget allows, before the clock's.
    public func drive(_ message: Message) {
        guard !finished else { return }
        noteElapsed()
        apply(message)
        if !model.paused { apply(.frame) }
        requestDraw()
    }

    /// Tells the model the session's time, so the lever changes that follow are stamped.
    private func noteElapsed() {
        working()
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
        guard !driven else { return }
        clock = SimulationClock(model: model, fps: fps)
        guard let interval = clock?.interval else { return }
        clockTimer = makeTimer(interval: interval) { [unowned self] in
            guard !self.finished else { return }
            self.working()
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
        let now = DispatchTime.now().uptimeNanoseconds
        var wait = budget.delay(at: now, keeping: reserve)
        if flood.flooding, lastDrawn + InputFlood.frameInterval > now { wait = max(wait, lastDrawn + InputFlood.frameInterval - now) }
        if wait == 0 { drawNow(); return }
        guard !drawScheduled else { return }
        drawScheduled = true
        DispatchQueue.main.asyncAfter(deadline: .now() + .nanoseconds(Int(wait))) { [unowned self] in
            self.drawScheduled = false
            self.drawNow()
        }
    }

    /// Frames shared with the other viewers of this process (a viewer host); nil draws
    /// every frame itself.
    public var frames: FrameShare?

    private func drawNow() {
        guard !finished else { return }
        working()
        let (w, h) = screen.size()
        let caps = screen.capabilities
        let frame = frames?.frame(model, width: w, height: h, caps: caps) ?? view(model, width: w, height: h, caps: caps)
        guard frame != lastFrame else { return }
        lastDrawn = DispatchTime.now().uptimeNanoseconds
        budget.spend(at: lastDrawn)
        screen.blit(frame)
        lastFrame = frame
        onDraw?(frame, model)
    }

    /// Gives the terminal back and exits with `status`.
    public func finish(status: Int32) { terminate(status: status) }

    private func terminate(status: Int32) {
        guard !finished else { return }
        guard let onEnded else {
            screen.stop()
            exit(status)
        }
        finished = true
        clockTimer?.cancel()
        clockTimer = nil
        onModelChange = nil
        onDraw = nil
        // The terminal's descriptors close only once Dispatch has let go of them (closing
        // a watched descriptor first breaks the other viewers' sources).
        let screen = self.screen
        let group = DispatchGroup()
        for source in sources {
            group.enter()
            source.setCancelHandler { group.leave() }
            source.cancel()
        }
        sources = []
        group.notify(queue: .main) {
            screen.stop()
            onEnded(status)
        }
    }
}
