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

    enum Phase { case setup, running, finishing, closed }

    let connection: ConnectionState
    let server: ServerState
    let launch: SessionLaunch
    let log: ServeLog

    var phase = Phase.setup
    var context: ChannelHandlerContext?
    private var terminal: (term: String, columns: Int, rows: Int)?
    private var clientVariables: [String: String] = [:]
    var inputClosed = false
    var reserved = false
    var child: SessionDashboard?
    var childExit: ChildProcess.Exit?
    var ptyChannel: Channel?
    var ptyOpen = false
    private var controlFD: Int32 = -1
    var fastPolls = 0
    var pollTimer: Scheduled<Void>?
    var ptyDone = false
    var killTimer: Scheduled<Void>?
    private var setupTimer: Scheduled<Void>?
    /// The server is stopping: the viewer is told the meeting has ended.
    var meetingEnded = false
    private var registration: Int?
    var label: String { connection.label + (child.map { " session \($0.name)" } ?? " session") }

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
        let child: SessionDashboard
        do {
            pty = try PseudoTerminal.open(columns: size.columns, rows: size.rows)
            do {
                child = try startDashboard(on: pty, environment: environment)
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
        log.info("\(label) started \(child.how(launch)) on \(pty.slavePath), \(size.columns)x\(size.rows), \(termNote)")
        if case let .hosted(viewer) = child {
            // No EIO tells of its end (the server holds the terminal open): the host does.
            viewer.whenEnded { loop.execute { ending.value.poll() } }
        }

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
    func refuse(_ message: String, logAs: String?, wantReply: Bool) {
        guard context != nil, phase == .setup || phase == .running else { return }
        if let logAs { log.info("\(label) \(logAs)") }
        reply(true, wantReply: wantReply)
        tell("moneyloop serve: " + message)
        if phase == .setup { phase = .running }
        finish(exitStatus: 1)
    }

    /// Writes a line on the viewer's stderr.
    func tell(_ line: String) {
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line + "\r\n")
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
    }
}
