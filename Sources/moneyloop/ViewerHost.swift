import Dispatch
import LoopConfig
import LoopDashboard
import LoopShare
import LoopSim
import LoopTerminal

/// Runs many followers' dashboards in one process (`moneyloop serve-host`), so a lecture
/// hall does not cost a process per attendee. The shared work is done once: one
/// subscription to the presenter relay, each published state parsed once (scenario
/// included) and handed to every follower. Each viewer keeps what is theirs: a model (so
/// `f`, where their access allows it, explores alone at the cost of their own projection),
/// a curses screen at their size, TERM, colour tier and theme (``Terminal`` with a
/// ``HostedTTY``), and their own event loop on the main queue. A viewer's slow link only
/// skips that viewer's frames; their paste flood is bounded by their own ``InputFlood``.
/// Every viewer is served: ``ServedFiles`` with the access the server gave. Main queue only.
final class ViewerHost: FollowLink, @unchecked Sendable {
    private let shareSocket: String?
    private let baseEnvironment: [String: String]
    private let allowedScenarios: [String]
    private let allowedThemes: [String]
    private let fps: Double
    private var viewers: [Int: EventLoop] = [:]
    private var following: [ObjectIdentifier: EventLoop] = [:]
    private var files: [ServedSession.Access: ServedFiles] = [:]
    private var latest: SharedState?
    private var subscriber: ShareSubscriber?
    private var sizeTimer: (any DispatchSourceTimer)?
    private var scenario: Scenario?
    /// One frame drawn for all the viewers whose models and screens are alike.
    private let frames = FrameShare()
    /// Writes a message to the server.
    var send: (HostMessage) -> Void = { _ in }

    init(shareSocket: String?, baseEnvironment: [String: String], allowedScenarios: [String], allowedThemes: [String],
         fps: Double)
    {
        self.shareSocket = shareSocket
        self.baseEnvironment = baseEnvironment
        self.allowedScenarios = allowedScenarios
        self.allowedThemes = allowedThemes
        self.fps = fps
        // Window changes reach the pty, not this process (it is not the viewers' foreground
        // process): look at each viewer's size four times a second.
        let timer = DispatchSource.makeTimerSource(queue: .main)
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250), leeway: .milliseconds(50))
        timer.setEventHandler { [unowned self] in self.viewers.values.forEach { $0.checkSize() } }
        timer.resume()
        sizeTimer = timer
    }

    func handle(_ message: HostMessage) {
        switch message {
        case let .attach(id, tty, access, environment): attach(id: id, tty: tty, access: access, environment: environment)
        case let .hangup(id, signal): viewers[id]?.finish(status: 128 + signal)
        case .ready, .ended, .crashed: break
        }
    }

    /// Ends every viewer (their terminals are given back) with `status`.
    func endAll(status: Int32) {
        for loop in viewers.values { loop.finish(status: status) }
    }

    private func attach(id: Int, tty path: String, access viewerAccess: ViewerAccess, environment: [String: String]) {
        // The server's word, failing closed: anything but a key login is a passcode viewer.
        let access: ServedSession.Access = viewerAccess == .key ? .key : .passcode
        let served = files[access] ?? ServedFiles(access: access, allowedScenarios: allowedScenarios, allowedThemes: allowedThemes)
        files[access] = served
        var env = baseEnvironment
        env.merge(environment) { $1 }
        do {
            if scenario == nil { scenario = try ScenarioLocator.standard().resolve(nil) }
        } catch {
            send(.ended(id: id, status: 1))
            return
        }
        var model = Model(scenario: scenario!, paused: false)
        model.served = served.policy
        model.setThemes(served.themeCycle)
        model.isFollower = true
        model.following = true
        model.presentation.lightBackground = ProjectorHint.lightBackground(environment: env)
        let tty: HostedTTY
        let terminal: Terminal
        do {
            tty = try HostedTTY(path: path)
            do {
                terminal = try Terminal(hosted: tty, options: TerminalOptions(), theme: model.themes.current, environment: env)
            } catch {
                tty.close()
                throw error
            }
        } catch {
            send(.ended(id: id, status: 1))
            return
        }
        if let n = terminal.notice { model.notice = n }
        let loop = EventLoop(model: model, screen: terminal, fps: fps, effects: DashboardEffects(files: served, sharing: self))
        loop.breadcrumb = Array(HostMessage.crashed(id: id).line.utf8CString.dropLast())
        loop.frames = frames
        viewers[id] = loop
        follow(loop, true)
        loop.host(terminal) { [weak self] status in self?.ended(id: id, status: status) }
        // Tests only: a crash in one viewer's dashboard (the server's environment, never a client's).
        if let kind = env[CrashTrigger.variable].flatMap(CrashTrigger.init(rawValue:)),
           environment["MONEYLOOP_VIEWER"] == CrashTrigger.hostedViewer
        {
            DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(300)) { [weak loop] in
                loop?.working()
                kind.crash()
            }
        }
    }

    private func ended(id: Int, status: Int32) {
        if let loop = viewers.removeValue(forKey: id) { following[ObjectIdentifier(loop)] = nil }
        send(.ended(id: id, status: status))
    }

    /// Starts or stops applying the presenter's state to `loop` (`f`, where allowed).
    func follow(_ loop: any EffectHost, _ on: Bool) {
        guard let loop = loop as? EventLoop else { return }
        following[ObjectIdentifier(loop)] = on ? loop : nil
        // A follower's month and pulses move with the presenter's states (twice a second at
        // the default speed): one frame per state, drawn as it arrives, and no timer of its
        // own. Exploring alone, it runs its own clock again.
        loop.driven = on
        guard on else { return }
        subscribe()
        if let latest { loop.drive(.shared(latest)) }
    }

    /// One subscription for every follower; each state is parsed once.
    private func subscribe() {
        guard subscriber == nil, let shareSocket else { return }
        MainActor.assumeIsolated {
            subscriber = ShareLink.subscriber(path: shareSocket) { [weak self] line in
                guard let self, var state = SharedState.parse(line) else { return }
                state.prepare(after: self.latest)
                self.latest = state
                for loop in self.following.values { loop.drive(.shared(state)) }
            }
        }
    }
}

/// Where a dashboard's `f` goes: the relay link of a process (``Sharing``) or the host of many.
protocol FollowLink: AnyObject {
    func follow(_ loop: any EffectHost, _ on: Bool)
}
