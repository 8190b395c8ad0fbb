import NIOCore

/// The first handler of every SSH connection, below swift-nio-ssh: it closes connections
/// that have not authenticated within the login grace time or that have been idle too
/// long, and logs and counts the connection's end.
final class ConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let connection: ConnectionState
    private let server: ServerState
    private let log: ServeLog
    private var graceTimer: Scheduled<Void>?
    private var closeReason: String?

    init(connection: ConnectionState, server: ServerState, log: ServeLog) {
        self.connection = connection
        self.server = server
        self.log = log
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let connection = self.connection
        let log = self.log
        let grace = server.limits.loginGrace
        graceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: grace) { [weak self] in
            guard !connection.isAuthenticated else { return }
            self?.closeReason = "not authenticated within \(grace.nanoseconds / 1_000_000_000) s"
            log.info("\(connection.label) closing: not authenticated within the login grace time")
            channel.close(promise: nil)
        }
        connection.onAuthenticated.append { [weak self] in
            self?.graceTimer?.cancel()
            self?.graceTimer = nil
            self?.server.authenticated(connection.id)
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
        server.closed(connection.id, wasAuthenticated: connection.isAuthenticated)
        context.fireChannelInactive()
    }
}
