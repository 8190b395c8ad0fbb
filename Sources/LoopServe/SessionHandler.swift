import NIOCore
import NIOPosix
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// One SSH session channel: it collects the `pty-req`, `env` and `shell` requests,
/// starts one dashboard process on its own pseudo-terminal, relays bytes both ways with
/// flow control, applies window changes, and ends the session when either side goes.
///
/// Refused with a message on the viewer's stderr: a shell without a PTY, `exec`,
/// `subsystem`, a second shell, a full server. Every request that wants a reply gets
/// one (swift-nio-ssh only auto-fails unknown requests).
///
/// Ending, per SSH-NOTES: when the dashboard exits, the master gives `EIO` once its
/// output is drained; then EOF (or, after the client's own EOF, a zero-length write as a
/// barrier — NIOSSH throws on EOF after EOF), then `exit-status`, then close. When the
/// client goes first, the dashboard's process group gets SIGHUP, then SIGKILL after a
/// grace period, and is reaped with `waitpid(WNOHANG)` polled on the event loop.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private enum Phase { case setup, running, finishing, closed }

    private let connection: ConnectionState
    private let server: ServerState
    private let launch: SessionLaunch
    private let log: ServeLog

    private var phase = Phase.setup
    private var context: ChannelHandlerContext?
    private var terminal: (term: String, columns: Int, rows: Int)?
    private var clientVariables: [String: String] = [:]
    private var inputClosed = false
    private var reserved = false
    private var child: ChildProcess?
    private var childExit: ChildProcess.Exit?
    private var ptyChannel: Channel?
    private var ptyOpen = false
    private var controlFD: Int32 = -1
    private var fastPolls = 0
    private var pollTimer: Scheduled<Void>?
    private var ptyDone = false
    private var killTimer: Scheduled<Void>?
    private var setupTimer: Scheduled<Void>?
    /// The server is stopping: the viewer is told the meeting has ended.
    private var meetingEnded = false
    private var registration: Int?
    private var label: String { connection.label + (child.map { " session \($0.pid)" } ?? " session") }

    init(connection: ConnectionState, server: ServerState, launch: SessionLaunch, log: ServeLog) {
        self.connection = connection
        self.server = server
        self.launch = launch
        self.log = log
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        setupTimer = context.eventLoop.assumeIsolated().scheduleTask(in: server.limits.sessionSetupTimeout) {
            [weak self] in
            guard let self, self.phase == .setup else { return }
            // The usual cause: an X11 forwarding request (ssh -X, ForwardX11 yes), which
            // swift-nio-ssh misparses, so nothing after it on the channel arrives.
            self.refuse("the session was not set up in time. If you use ssh -X or ForwardX11, "
                    + "connect with ssh -x (X11 forwarding stalls this server).",
                logAs: "set-up timed out (no shell request; X11 forwarding stalls sessions like this)", wantReply: false)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard phase == .running, message.type == .channel, case .byteBuffer(let bytes) = message.data,
              let ptyChannel, ptyOpen
        else { return }
        ptyChannel.writeAndFlush(bytes, promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // The viewer's SSH window is full: stop reading the dashboard's output until it drains.
        ptyChannel?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let ok = phase == .setup && terminal == nil
            if ok { terminal = (request.term, request.terminalCharacterWidth, request.terminalRowHeight) }
            reply(ok, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let ok = phase == .setup && clientVariables.count < 64
                && SessionLaunch.acceptsClientVariable(name: request.name, value: request.value)
            if ok { clientVariables[request.name] = request.value }
            reply(ok, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startShell(wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse("commands are not available here: this server only shows the moneyloop dashboard. "
                    + "Connect without a command, with a terminal: ssh -t …",
                logAs: "refused exec request \(ServeLog.quote(request.command))", wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse("subsystem \(request.subsystem) is not available here: this server only shows the moneyloop dashboard.",
                logAs: "refused subsystem request \(ServeLog.quote(request.subsystem))", wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = PseudoTerminal.sanitizedSize(
                columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            if controlFD >= 0 {
                PseudoTerminal.setWindowSize(fd: controlFD, columns: size.columns, rows: size.rows)
                log.debug("\(label) window change to \(size.columns)x\(size.rows)")
            } else if let t = terminal {
                terminal = (t.term, size.columns, size.rows)
            }
        case let request as SSHChannelRequestEvent.SignalRequest:
            let allowed: [String: Int32] = ["INT": SIGINT, "TERM": SIGTERM, "HUP": SIGHUP, "QUIT": SIGQUIT,
                                            "KILL": SIGKILL, "USR1": SIGUSR1, "USR2": SIGUSR2]
            if let signal = allowed[request.signal], let child, childExit == nil { child.signalGroup(signal) }
        case let event as ChannelEvent where event == .inputClosed:
            inputClosed = true
        case is SSHChannelRequestEvent.LocalFlowControlRequest:
            break
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        log.debug("\(label) channel error: \(error)")
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let wasRunning = phase == .running
        phase = .closed
        setupTimer?.cancel()
        if let registration { server.unregisterSession(registration) }
        if wasRunning { log.info("\(label) closed by " + (meetingEnded ? "the server (shutting down)" : "the client")) }
        stopChild()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: Starting

    private func startShell(wantReply: Bool) {
        guard let context else { return }
        guard phase == .setup else {
            reply(false, wantReply: wantReply)
            return
        }
        guard let terminal else {
            refuse("this server needs a terminal. Connect with ssh -t (and no command), from a terminal.",
                logAs: "refused a session without a PTY", wantReply: wantReply)
            return
        }
        guard connection.sessionsOpen < server.limits.maxSessionsPerConnection else {
            refuse("too many sessions on this connection.", logAs: "refused: too many sessions on one connection",
                wantReply: wantReply)
            return
        }
        guard server.reserveSession() else {
            refuse("the server is full (\(server.limits.maxSessions) viewers); try again later.",
                logAs: "refused: \(server.limits.maxSessions) sessions already open", wantReply: wantReply)
            return
        }
        reserved = true
        connection.sessionsOpen += 1
        setupTimer?.cancel()

        let size = PseudoTerminal.sanitizedSize(columns: terminal.columns, rows: terminal.rows)
        let (environment, term) = launch.environment(
            clientTerm: terminal.term, clientVariables: clientVariables, user: connection.user ?? "")
        let pty: PseudoTerminal
        let child: ChildProcess
        do {
            pty = try PseudoTerminal.open(columns: size.columns, rows: size.rows)
            do {
                child = try ChildProcess.spawn(
                    executable: launch.executable, arguments: launch.arguments(for: connection.access),
                    environment: environment, terminalPath: pty.slavePath)
            } catch {
                close(pty.master)
                throw error
            }
        } catch {
            log.warning("\(label) not started: \(error)")
            refuse("the dashboard could not be started; the server log says why.", logAs: nil, wantReply: wantReply)
            return
        }
        self.child = child
        server.childStarted()
        phase = .running
        let ending = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        registration = server.registerSession { loop.execute { ending.value.endMeeting() } }
        reply(true, wantReply: wantReply)
        let termNote = term.replaced
            ? "TERM \(ServeLog.quote(terminal.term)) has no terminfo here, using \(term.term)"
            : "TERM \(term.term)"
        log.info("\(label) started \(launch.executable) pid \(child.pid) on \(pty.slavePath), \(size.columns)x\(size.rows), \(termNote)")

        controlFD = fcntl(pty.master, F_DUPFD_CLOEXEC, 0)
        let outputFD = fcntl(pty.master, F_DUPFD_CLOEXEC, 0)
        let masterFD = pty.master
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PtyRelayHandler(session: bound.value))
                }
            }
            .takingOwnershipOfDescriptors(input: masterFD, output: outputFD)
            .assumeIsolated()
            .whenComplete { [self] result in
                switch result {
                case .success(let channel):
                    self.ptyChannel = channel
                    self.ptyOpen = true
                    if self.phase != .running {
                        channel.close(promise: nil)
                    } else if let context = self.context, !context.channel.isWritable {
                        channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
                    }
                case .failure(let error):
                    Glibc.close(masterFD)
                    Glibc.close(outputFD)
                    self.log.warning("\(self.label) cannot relay the terminal: \(error)")
                    self.stopChild()
                    self.finishIfDone()
                }
            }
        schedulePoll(after: .milliseconds(200))
    }

    // MARK: Relay (called by PtyRelayHandler on the same event loop)

    func ptyOutput(_ bytes: ByteBuffer) {
        guard phase == .running || phase == .finishing, let context else { return }
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))), promise: nil)
    }

    func ptyOutputComplete() {
        context?.flush()
    }

    func ptyWritabilityChanged(_ writable: Bool) {
        // The dashboard is not reading its input: stop reading the viewer's keys meanwhile.
        // swift-nio-ssh's child channel does not read again by itself when autoRead comes
        // back on, so ask for a read: without it the input stalls for good (a paste flood).
        guard let channel = context?.channel else { return }
        channel.setOption(ChannelOptions.autoRead, value: writable).whenSuccess { if writable { channel.read() } }
    }

    func ptyClosed() {
        ptyOpen = false
        ptyDone = true
        ptyChannel = nil
        if controlFD >= 0 {
            close(controlFD)
            controlFD = -1
        }
        if childExit == nil {
            // The dashboard closed its terminal; it is exiting. Look more often for a while.
            fastPolls = 25
            schedulePoll(after: .milliseconds(5))
        }
        finishIfDone()
    }

    // MARK: Child lifetime

    /// Polls for the dashboard's exit after `delay`, replacing any poll already planned.
    private func schedulePoll(after delay: TimeAmount) {
        guard child != nil, childExit == nil else { return }
        pollTimer?.cancel()
        pollTimer = connection.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            self.pollTimer = nil
            self.poll()
        }
    }

    private func poll() {
        guard let child, childExit == nil else { return }
        if let exit = child.reap() {
            childExit = exit
            killTimer?.cancel()
            server.childReaped()
            log.info("\(label) dashboard ended: \(exit)")
            if ptyOpen {
                // Output may still be draining; give it a moment, then close anyway
                // (a grandchild could hold the terminal open).
                connection.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(500)) { [self] in
                    if self.ptyOpen { self.ptyChannel?.close(promise: nil) }
                }
            }
            finishIfDone()
            return
        }
        if fastPolls > 0 {
            fastPolls -= 1
            schedulePoll(after: .milliseconds(20))
        } else {
            // The terminal is gone but the process lives on: hang up on it.
            if ptyDone && phase == .running { stopChild() }
            // An exit is normally noticed through EIO on the terminal (see ptyClosed); this
            // slow poll only catches a dashboard whose terminal a grandchild keeps open.
            schedulePoll(after: .seconds(5))
        }
    }

    /// The server is stopping. The dashboard gets SIGTERM, so it gives the viewer's screen
    /// back (main screen, cursor, keypad off); once it has exited and its output is relayed,
    /// the viewer reads that the meeting has ended and the session ends with status 0.
    func endMeeting() {
        switch phase {
        case .setup:
            refuse("the meeting has ended.", logAs: "closed by the server: the meeting has ended", wantReply: false)
        case .running:
            meetingEnded = true
            log.info("\(label) closing: the server is stopping (the meeting has ended)")
            stopChild(signal: SIGTERM, keepTerminal: true)
            finishIfDone()
        case .finishing, .closed:
            break
        }
    }

    /// Hangs up on the dashboard (`signal`, SIGHUP by default, + SIGCONT to its group),
    /// SIGKILL after the grace period; keeps polling until it is reaped. Unless
    /// `keepTerminal`, closes the terminal and releases the session slot at once.
    private func stopChild(signal: Int32 = SIGHUP, keepTerminal: Bool = false) {
        if let child, childExit == nil, killTimer == nil {
            child.signalGroup(signal)
            child.signalGroup(SIGCONT)
            killTimer = connection.eventLoop.assumeIsolated().scheduleTask(in: server.limits.killGrace) { [self] in
                if let child = self.child, self.childExit == nil {
                    self.log.info("\(self.label) dashboard ignored SIGHUP; sending SIGKILL")
                    child.signalGroup(SIGKILL)
                    self.fastPolls = 25
                    self.schedulePoll(after: .milliseconds(20))
                }
            }
            fastPolls = 50
            schedulePoll(after: .milliseconds(20))
        }
        guard !keepTerminal else { return }
        if ptyOpen { ptyChannel?.close(promise: nil) }
        if reserved {
            reserved = false
            server.releaseSession()
            connection.sessionsOpen -= 1
        }
    }

    /// When the dashboard has exited and its output is relayed, ends the SSH session.
    private func finishIfDone() {
        guard phase == .running, let exit = childExit, !ptyOpen else { return }
        guard meetingEnded else { return finish(exitStatus: Int(exit.code)) }
        log.info("\(label) closed by the server: the meeting has ended")
        tell("\r\nmoneyloop serve: the meeting has ended. Thank you for watching.")
        finish(exitStatus: 0)
    }

    /// EOF (or a zero-length barrier after the client's EOF), exit-status, close.
    private func finish(exitStatus: Int) {
        guard phase != .finishing && phase != .closed, let context else { return }
        phase = .finishing
        let channel = context.channel
        let promise = context.eventLoop.makePromise(of: Void.self)
        if inputClosed {
            log.debug("\(label) ending after the client's EOF: barrier, exit-status \(exitStatus), close")
            let empty = SSHChannelData(type: .channel, data: .byteBuffer(channel.allocator.buffer(capacity: 0)))
            context.writeAndFlush(wrapOutboundOut(empty), promise: promise)
        } else {
            context.close(mode: .output, promise: promise)
        }
        promise.futureResult.whenComplete { _ in
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: exitStatus))
                .whenComplete { _ in channel.close(promise: nil) }
        }
    }

    // MARK: Replies and refusals

    private func reply(_ ok: Bool, wantReply: Bool) {
        guard wantReply, let context else { return }
        if ok {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Tells the viewer why (on stderr), logs it, and ends the session with exit status 1.
    ///
    /// The request itself is answered with success: the OpenSSH client exits at once on a
    /// failed shell or exec request ("shell request failed on channel 0") without
    /// printing what the server sent, so the explanation would be lost.
    private func refuse(_ message: String, logAs: String?, wantReply: Bool) {
        guard context != nil, phase == .setup || phase == .running else { return }
        if let logAs { log.info("\(label) \(logAs)") }
        reply(true, wantReply: wantReply)
        tell("moneyloop serve: " + message)
        if phase == .setup { phase = .running }
        finish(exitStatus: 1)
    }

    /// Writes a line on the viewer's stderr.
    private func tell(_ line: String) {
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line + "\r\n")
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
    }
}
