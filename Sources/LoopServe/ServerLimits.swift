import NIOCore

/// The bounds `moneyloop serve` keeps so a crowd, a scanner or a stuck client cannot
/// exhaust the host. swift-nio-ssh has none of these built in.
public struct ServerLimits: Sendable, Equatable {
    /// Dashboard sessions open at once, over all connections (`--max-sessions`).
    public var maxSessions: Int = 32
    /// Channels on one SSH connection (OpenSSH can multiplex several); more are refused
    /// when they open.
    public var maxSessionsPerConnection: Int = 4
    /// Connections that have not authenticated yet; more are closed at once.
    public var maxUnauthenticated: Int = 64
    /// Connections from one address that have not authenticated yet; more from that
    /// address are closed at once (a room behind one NAT address logs in a few at a time).
    public var maxUnauthenticatedPerAddress: Int = 32
    /// How long a connection may take to send its first authentication request, and,
    /// without a passcode, to authenticate (OpenSSH's LoginGraceTime; `--login-grace`).
    public var loginGrace: TimeAmount = .seconds(10)
    /// With a passcode: how long a person has to type it once the client has asked how
    /// to log in (a connection that got that far has done the costly key exchange).
    public var passcodeTypingGrace: TimeAmount = .seconds(60)
    /// Authentication requests per connection, probes and `none` included; after that
    /// the client is disconnected ("too many authentication failures").
    public var maxAuthAttempts: Int = 10
    /// A connection with no traffic in either direction for this long is closed
    /// (`--idle-timeout`); nil: never.
    public var idleTimeout: TimeAmount? = .seconds(3600)
    /// How long a session may stay open without asking for its shell. Clients send
    /// `pty-req` and `shell` at once; a session stalled by an `x11-req` (which
    /// swift-nio-ssh misparses) is ended with advice after this.
    public var sessionSetupTimeout: TimeAmount = .seconds(10)
    /// How long a dashboard gets to exit after SIGHUP before SIGKILL.
    public var killGrace: TimeAmount = .seconds(2)

    public init() {}

    /// All connections at once: the sessions' plus the unauthenticated ones.
    public var maxConnections: Int { maxSessions + maxUnauthenticated }
}
