import NIOCore

/// The first handler of every SSH connection, below swift-nio-ssh: it closes connections
/// that have not authenticated within the login grace time (with a passcode, a person
/// gets `passcodeTypingGrace` once the client has asked how to log in) or that have been
/// idle too long, and logs and counts the connection's end.
final class ConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let connection: ConnectionState
    private let server: ServerState
    private let log: ServeLog
    private let passcode: Bool
    private var graceTimer: Scheduled<Void>?
    private var closeReason: String?

    init(connection: ConnectionState, server: ServerState, passcode: Bool, log: ServeLog) {
        self.connection = connection
        self.server = server
        self.passcode = passcode
        self.log = log
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let connection = self.connection
        startGrace(server.limits.loginGrace, channel: context.channel)
        if passcode {
            let channel = context.channel
            connection.onFirstAuthRequest = { [weak self] in
                guard let self else { return }
                self.graceTimer?.cancel()
                self.startGrace(self.server.limits.passcodeTypingGrace, channel: channel)
            }
        }
        connection.onAuthenticated.append { [weak self] in
            self?.graceTimer?.cancel()
            self?.graceTimer = nil
            self?.server.authenticated(connection.id)
        }
    }

    private func startGrace(_ grace: TimeAmount, channel: Channel) {
        let connection = self.connection
        let log = self.log
        graceTimer = channel.eventLoop.assumeIsolated().scheduleTask(in: grace) { [weak self] in
            guard !connection.isAuthenticated else { return }
            self?.closeReason = "not authenticated within \(grace.nanoseconds / 1_000_000_000) s"
            log.info("\(connection.label) closing: not authenticated within the login grace time")
            channel.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .all {
            closeReason = "idle"
            log.info("\(connection.label) closing: idle for longer than the idle timeout")
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Protocol errors (bad packets, failed key exchange, a client that hangs up
        // mid-handshake) end this connection only.
        if closeReason == nil { closeReason = "error: \(error)" }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        graceTimer?.cancel()
        let how = closeReason.map { " (\($0))" } ?? ""
        let auth = connection.isAuthenticated ? "" : ", never authenticated"
        log.info("\(connection.label) disconnected\(how)\(auth)")
        server.closed(connection.id)
        context.fireChannelInactive()
    }
}

/// The last handler of every SSH connection, above swift-nio-ssh: swift-nio-ssh passes
/// protocol errors up, not down, and keeps the bad packet, so without this a connection
/// that has not authenticated would hang until the grace time. Among them: a
/// `keyboard-interactive` request, which swift-nio-ssh cannot parse; closing at once is
/// the only answer it can be given.
final class ProtocolErrorHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let connection: ConnectionState
    private let log: ServeLog

    init(connection: ConnectionState, log: ServeLog) {
        self.connection = connection
        self.log = log
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // After authentication the session's own set-up timeout ends a stalled session with
        // advice (an `x11-req` stalls it the same way); before, nobody would answer.
        guard !connection.isAuthenticated else {
            log.debug("\(connection.label) protocol error: \(error)")
            return
        }
        log.info("\(connection.label) closing: protocol error before authenticating "
            + "(an unsupported method such as keyboard-interactive?): \(error)")
        context.close(promise: nil)
    }
}
