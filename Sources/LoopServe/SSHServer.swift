import NIOCore
import NIOPosix
import NIOSSH

/// Everything `SSHServer` needs to start.
public struct ServeConfiguration: Sendable {
    public var listen: ListenAddress
    public var hostKey: HostKey
    /// The viewers' keys; nil: keys are off (`--passcode` alone).
    public var authorizedKeys: AuthorizedKeysSource?
    /// The room's passcode (`--passcode`); nil: keys only.
    public var passcode: Passcode?
    public var limits: ServerLimits
    public var launch: SessionLaunch
    public var log: ServeLog
    /// Event-loop threads. One thread relays dozens of dashboards easily.
    public var threads: Int

    public init(
        listen: ListenAddress, hostKey: HostKey, authorizedKeys: AuthorizedKeysSource?, passcode: Passcode? = nil,
        limits: ServerLimits = ServerLimits(), launch: SessionLaunch, log: ServeLog, threads: Int = 1
    ) {
        self.listen = listen
        self.hostKey = hostKey
        self.authorizedKeys = authorizedKeys
        self.passcode = passcode
        self.limits = limits
        self.launch = launch
        self.log = log
        self.threads = threads
    }
}

/// The SSH server of `moneyloop serve` (swift-nio-ssh on swift-nio).
///
/// Per connection (admitted within the limits on unauthenticated connections, per address
/// and in total): a ``ConnectionGuard`` (login grace, idle timeout, accounting), then
/// swift-nio-ssh with a fresh ``ViewerAuthenticator`` and a delegate refusing global
/// requests, then a ``ProtocolErrorHandler``. Only `session` channels are accepted, at
/// most `maxSessionsPerConnection` at once (port forwarding and every other type are
/// refused and logged); each gets a ``SessionHandler``.
public final class SSHServer: Sendable {
    /// The counters and open connections.
    public let state: ServerState
    /// The port actually bound (useful with port 0).
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let log: ServeLog

    private init(state: ServerState, port: Int, group: MultiThreadedEventLoopGroup, listener: Channel, log: ServeLog) {
        self.state = state
        self.port = port
        self.group = group
        self.listener = listener
        self.log = log
    }

    /// Binds and starts accepting connections.
    public static func start(_ configuration: ServeConfiguration) -> EventLoopFuture<SSHServer> {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        let state = ServerState(limits: configuration.limits)
        let log = configuration.log
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 128)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                SSHServer.initializeConnection(channel, configuration: configuration, state: state)
            }
        return bootstrap.bind(host: configuration.listen.host, port: configuration.listen.port)
            .map { listener in
                SSHServer(
                    state: state, port: listener.localAddress?.port ?? configuration.listen.port,
                    group: group, listener: listener, log: log)
            }
            .flatMapError { error in
                group.shutdownGracefully { _ in }
                return group.next().makeFailedFuture(
                    ServeError.system("cannot listen on \(configuration.listen): \(error)"))
            }
    }

    private static func initializeConnection(
        _ channel: Channel, configuration: ServeConfiguration, state: ServerState
    ) -> EventLoopFuture<Void> {
        let log = configuration.log
        let remote = channel.remoteAddress.map { address -> String in
            guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
            return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
        } ?? "?"
        let address = channel.remoteAddress?.ipAddress ?? remote
        let id: Int
        switch state.admit(channel, address: address) {
        case .failure(let why):
            log.info("refused connection from \(remote): \(why)")
            return channel.close()
        case .success(let admitted):
            id = admitted
        }
        return channel.eventLoop.makeCompletedFuture {
            let connection = ConnectionState(id: id, remote: remote, address: address, eventLoop: channel.eventLoop)
            log.info("\(connection.label) connected")
            let authenticator = ViewerAuthenticator(
                keys: configuration.authorizedKeys, passcode: configuration.passcode, connection: connection, log: log)
            var ssh = SSHServerConfiguration(
                hostKeys: [configuration.hostKey.privateKey], userAuthDelegate: authenticator,
                globalRequestDelegate: RefuseGlobalRequests(
                    connection: NIOLoopBound(connection, eventLoop: channel.eventLoop), log: log))
            ssh.maxAuthAttempts = configuration.limits.maxAuthAttempts
            let handler = NIOSSHHandler(
                role: .server(ssh), allocator: channel.allocator,
                inboundChildChannelInitializer: { child, type in
                    guard case .session = type else {
                        log.info("\(connection.label) refused a \(SSHServer.describe(type)) channel: only terminal sessions are served")
                        return child.eventLoop.makeFailedFuture(ChannelTypeRefused())
                    }
                    guard connection.channelsOpen < configuration.limits.maxSessionsPerConnection else {
                        log.info("\(connection.label) refused a session channel: \(connection.channelsOpen) already open on this connection")
                        return child.eventLoop.makeFailedFuture(ChannelTypeRefused())
                    }
                    connection.channelsOpen += 1
                    child.closeFuture.assumeIsolated().whenComplete { _ in connection.channelsOpen -= 1 }
                    return child.eventLoop.makeCompletedFuture {
                        try child.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                        try child.pipeline.syncOperations.addHandler(
                            SessionHandler(
                                connection: connection, server: state, launch: configuration.launch, log: log))
                    }
                })
            let pipeline = channel.pipeline.syncOperations
            if let idle = configuration.limits.idleTimeout {
                try pipeline.addHandler(IdleStateHandler(allTimeout: idle))
            }
            try pipeline.addHandler(ConnectionGuard(
                connection: connection, server: state, passcode: configuration.passcode != nil, log: log))
            try pipeline.addHandler(handler)
            try pipeline.addHandler(ProtocolErrorHandler(connection: connection, log: log))
        }
    }

    struct ChannelTypeRefused: Error {}

    static func describe(_ type: SSHChannelType) -> String {
        switch type {
        case .session: return "session"
        case .directTCPIP(let t): return "direct-tcpip (local port forwarding to \(ServeLog.quote(t.targetHost)):\(t.targetPort))"
        case .forwardedTCPIP: return "forwarded-tcpip"
        }
    }

    /// Ends the meeting: stops accepting; asks every dashboard to end (SIGTERM: it gives
    /// its viewer's screen back, SIGKILL after the grace period) and waits, bounded, for
    /// its output to reach the viewer, who is then told the meeting has ended; then hangs
    /// up on every connection, waits for the dashboards to be reaped, and stops the loops.
    public func shutdown() async {
        let (open, sessions) = state.beginShutdown()
        if !open.isEmpty { log.info("shutting down: ending \(sessions.count) session(s), closing \(open.count) connection(s)") }
        try? await listener.close()
        sessions.forEach { $0() }
        let grace = Double(state.limits.killGrace.nanoseconds) / 1e9
        let ended = ContinuousClock.now + .seconds(grace + 2)
        while state.counts.sessions > 0 && ContinuousClock.now < ended {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for channel in open { channel.close(promise: nil) }
        let deadline = ContinuousClock.now + .seconds(grace + 1.5)
        while state.counts.childrenRunning > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try? await group.shutdownGracefully()
    }

    /// Completes when the listening socket closes.
    public var closeFuture: EventLoopFuture<Void> { listener.closeFuture }
}
