import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The viewer hosts of a following server: processes (`moneyloop serve-host`) that each run
/// up to `viewersPerHost` followers' dashboards, instead of a process per viewer. A host is
/// started like a dashboard (``ChildProcess`` on a pty of its own, built command line and
/// environment, `MONEYLOOP_SERVED`); that pty carries ``HostMessage`` lines. A viewer's own
/// pty is opened here and attached to a host by path; the server keeps relaying it exactly
/// as for a process. A host that dies ends only its own viewers' sessions (each sees 128 +
/// the signal, like a crashed dashboard); the next viewer gets a new host. All state lives
/// on one serial queue.
public final class ViewerHosts: @unchecked Sendable {
    private let queue = DispatchQueue(label: "moneyloop.serve.hosts")
    private let launch: SessionLaunch
    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]
    private let viewersPerHost: Int
    private let log: ServeLog
    private var hosts: [Host] = []
    private var nextID = 1
    private var stopped = false

    /// One host process and its control line.
    private final class Host: @unchecked Sendable {
        let child: ChildProcess
        let control: Int32
        var ready = false
        var waiting: [HostMessage] = []
        var viewers: [Int: HostedViewer] = [:]
        /// Viewers it was given in its life: curses cannot free a screen in a process that
        /// has several, so a host takes `viewersPerHost` in all and retires once they left.
        var attached = 0
        var hasRoom: Bool { !gone && attached < limit }
        let limit: Int
        var input: [UInt8] = []
        var gone = false
        /// The viewer the host was working for when it crashed, if it said.
        var culprit: Int?
        init(child: ChildProcess, control: Int32, limit: Int) {
            self.child = child
            self.control = control
            self.limit = limit
        }
    }

    /// Hosts run `launch`'s executable as `serve-host` with its served options; their
    /// viewers draw at most `fps` frames a second (the pulses move that many cells).
    public init(launch: SessionLaunch, viewersPerHost: Int, fps: Int = 4, log: ServeLog) {
        self.launch = launch
        executable = launch.executable
        var argv = [launch.arguments.first ?? "moneyloop", "serve-host", "--fps", "\(fps)"]
        for file in launch.dashboard?.allowedScenarios ?? [] { argv += ["--served-scenario", file] }
        for file in launch.dashboard?.allowedThemes ?? [] { argv += ["--served-theme", file] }
        arguments = argv
        var env = launch.baseEnvironment
        env["MONEYLOOP_SERVED"] = "1"
        env["TERM"] = "dumb"
        environment = env
        self.viewersPerHost = max(1, viewersPerHost)
        self.log = log
    }

    /// Starts viewer `environment` on the terminal at `ttyPath` in a host with room.
    /// `slave` (the server's own descriptor of that terminal, which keeps it open while the
    /// viewer is moved in) is closed when the viewer ends.
    public func attach(ttyPath: String, slave: Int32, access: ViewerAccess, environment: [String: String]) throws(ServeError)
        -> HostedViewer
    {
        let result: Result<HostedViewer, ServeError> = queue.sync {
            guard !stopped else { return .failure(ServeError.system("the server is stopping")) }
            let host: Host
            if let free = hosts.first(where: \.hasRoom) {
                host = free
            } else {
                do throws(ServeError) { host = try start() } catch { return .failure(error) }
            }
            let id = nextID
            nextID += 1
            let viewer = HostedViewer(
                id: id, hostPID: host.child.pid, slave: slave, hosts: self,
                place: .init(tty: ttyPath, access: access, environment: environment))
            place(viewer, in: host)
            return .success(viewer)
        }
        return try result.get()
    }

    private func place(_ viewer: HostedViewer, in host: Host) {
        host.viewers[viewer.id] = viewer
        host.attached += 1
        let p = viewer.place
        send(.attach(id: viewer.id, tty: p.tty, access: p.access, environment: p.environment), to: host)
    }

    /// After a host crashed: its viewers start again in another host (a first screen
    /// within moments; the session goes on). The viewer the host crashed working for (its
    /// crash handler says), or one that was in two crashed hosts, gets a dashboard process
    /// of its own instead, where another crash ends only its own session.
    private func rescue(_ viewers: [HostedViewer], from exit: ChildProcess.Exit) {
        for viewer in viewers {
            if viewer.crashes >= 2 {
                do {
                    let p = viewer.place
                    let child = try ChildProcess.spawn(
                        executable: executable, arguments: launch.arguments(for: p.access),
                        environment: p.environment, terminalPath: p.tty)
                    log.info("viewer \(viewer.id) was in \(viewer.crashes) crashed hosts: moved to its own dashboard pid \(child.pid)")
                    viewer.adopt(child, queue: queue)
                } catch {
                    viewer.end(exit)
                }
                continue
            }
            guard let host = hosts.first(where: \.hasRoom) ?? (try? start()) else {
                viewer.end(exit)
                continue
            }
            place(viewer, in: host)
        }
    }

    /// Ends viewer `id` as if their dashboard got `signal`.
    func hangup(_ id: Int, signal: Int32) {
        queue.async { [self] in
            guard let host = hosts.first(where: { $0.viewers[id] != nil }) else { return }
            send(.hangup(id: id, signal: signal), to: host)
        }
    }

    /// Stops every host (after their viewers have been ended by their sessions).
    public func stop() {
        queue.sync {
            stopped = true
            for host in hosts where !host.gone { host.child.signalGroup(SIGTERM) }
        }
    }

    private func start() throws(ServeError) -> Host {
        let pty = try PseudoTerminal.open(columns: 200, rows: 50)
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: executable, arguments: arguments, environment: environment, terminalPath: pty.slavePath)
        } catch {
            close(pty.master)
            throw error
        }
        let host = Host(child: child, control: pty.master, limit: viewersPerHost)
        listen(to: host)
        hosts.append(host)
        log.info("viewer host pid \(child.pid) started (up to \(viewersPerHost) viewers)")
        return host
    }

    /// Reads the host's control line on a thread of its own with blocking reads, and hands
    /// what it read to the queue. Not a Dispatch read source: on Linux, tearing one down can
    /// crash libdispatch's event loop (`_dispatch_event_loop_drain`, a use-after-free in its
    /// epoll bookkeeping, swift-corelibs-libdispatch#949) even when the descriptor is closed
    /// in the cancel handler — and when a host ended, that took the whole server down. The
    /// descriptor is closed on the queue, after the reader has seen its end and stopped and
    /// the host is marked gone, so `send` never writes to a number the next pty reuses.
    private func listen(to host: Host) {
        let fd = host.control
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 14)
            while true {
                let n = Glibc.read(fd, &buffer, buffer.count)
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                guard n > 0 else {
                    queue.async { [self] in
                        hostGone(host)
                        close(fd)
                    }
                    return
                }
                let bytes = Array(buffer[0..<n])
                queue.async { [self] in received(bytes, from: host) }
            }
        }
        reader.name = "viewer host \(host.child.pid)"
        reader.start()
    }

    private func send(_ message: HostMessage, to host: Host) {
        guard !host.gone else { return }
        guard host.ready else { host.waiting.append(message); return }
        let bytes = Array(message.line.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(host.control, $0.baseAddress, $0.count) }
            if n > 0 { sent += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    private func received(_ bytes: [UInt8], from host: Host) {
        guard !host.gone else { return }
        host.input += bytes
        while let newline = host.input.firstIndex(of: 10) {
            let line = String(decoding: host.input[..<newline], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            host.input.removeSubrange(...newline)
            switch HostMessage(line: Substring(line)) {
            case .ready:
                host.ready = true
                let waiting = host.waiting
                host.waiting = []
                waiting.forEach { send($0, to: host) }
            case let .ended(id, status):
                host.viewers.removeValue(forKey: id)?.end(.exited(status))
                if host.viewers.isEmpty && !host.hasRoom && !host.gone {
                    log.info("viewer host pid \(host.child.pid) retires: its \(host.attached) viewers have left")
                    host.child.signalGroup(SIGTERM)
                }
            case let .crashed(id):
                host.culprit = id
            case .attach, .hangup:
                break
            case nil:
                // A crash report, or anything else the host printed: the log, not a screen.
                if !line.isEmpty { log.warning("viewer host pid \(host.child.pid): \(ServeLog.quote(line))") }
            }
        }
    }

    /// The host's terminal closed: it has exited or crashed. Its viewers end with its status.
    private func hostGone(_ host: Host) {
        guard !host.gone else { return }
        host.gone = true
        reap(host, tries: 100)
    }

    private func reap(_ host: Host, tries: Int) {
        if let exit = host.child.reap() ?? (tries == 0 ? .signaled(SIGKILL) : nil) {
            hosts.removeAll { $0 === host }
            if !host.viewers.isEmpty || !stopped {
                log.info("viewer host pid \(host.child.pid) ended: \(exit); \(host.viewers.count) viewer(s) with it")
            }
            let viewers = Array(host.viewers.values)
            host.viewers = [:]
            if case .signaled = exit, !stopped {
                // The viewer it crashed working for, if known; else everyone is suspect.
                for viewer in viewers where host.culprit == nil || host.culprit == viewer.id {
                    viewer.crashes += host.culprit == nil ? 1 : 2
                }
                rescue(viewers, from: exit)
            } else {
                viewers.forEach { $0.end(exit) }
            }
            return
        }
        if tries == 50 { host.child.signalGroup(SIGKILL) }
        queue.asyncAfter(deadline: .now() + .milliseconds(20)) { [self] in reap(host, tries: tries - 1) }
    }
}

/// One viewer's dashboard in a viewer host: what a session handler needs of it (its exit,
/// ending it), as for a ``ChildProcess``.
public final class HostedViewer: @unchecked Sendable {
    public let id: Int
    /// The host process it first ran in.
    public let hostPID: pid_t
    private let slave: Int32
    private weak let hosts: ViewerHosts?
    private let exit = Mutex<(status: ChildProcess.Exit?, onEnd: (@Sendable () -> Void)?)>((nil, nil))
    /// What it needs to start again elsewhere.
    struct Place: Sendable {
        let tty: String
        let access: ViewerAccess
        let environment: [String: String]
    }
    let place: Place
    /// Hosts that crashed under it (the hosts' queue only).
    var crashes = 0
    /// Its own process, after it was moved out of the hosts.
    private let process = Mutex<ChildProcess?>(nil)

    init(id: Int, hostPID: pid_t, slave: Int32, hosts: ViewerHosts, place: Place) {
        self.id = id
        self.hostPID = hostPID
        self.slave = slave
        self.hosts = hosts
        self.place = place
    }

    /// How it ended, or nil while it runs.
    public func reap() -> ChildProcess.Exit? { exit.withLock { $0.status } }

    /// Runs on in `child` from now on; its exit is looked for on `queue`.
    func adopt(_ child: ChildProcess, queue: DispatchQueue) {
        process.withLock { $0 = child }
        @Sendable func look() {
            if let status = child.reap() { return end(status) }
            queue.asyncAfter(deadline: .now() + .milliseconds(100)) { look() }
        }
        look()
    }

    /// Calls `action` (on the hosts' queue) once it has ended.
    public func whenEnded(_ action: @escaping @Sendable () -> Void) {
        let now = exit.withLock { state -> Bool in
            if state.status != nil { return true }
            state.onEnd = action
            return false
        }
        if now { action() }
    }

    /// Ends it as if its dashboard got `signal`: the host gives the viewer's terminal back
    /// first. SIGKILL ends it here at once; SIGCONT means nothing to it.
    public func signalGroup(_ signal: Int32) {
        if let child = process.withLock({ $0 }) { return child.signalGroup(signal) }
        guard signal != SIGCONT else { return }
        hosts?.hangup(id, signal: signal)
        if signal == SIGKILL { end(.signaled(SIGKILL)) }
    }

    func end(_ status: ChildProcess.Exit) {
        let (first, action) = exit.withLock { state -> (Bool, (@Sendable () -> Void)?) in
            guard state.status == nil else { return (false, nil) }
            state.status = status
            defer { state.onEnd = nil }
            return (true, state.onEnd)
        }
        guard first else { return }
        close(slave)
        action?()
    }
}
