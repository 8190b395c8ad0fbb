import NIOCore
import NIOSSH

/// What one SSH connection knows about itself, shared by its authentication delegate,
/// its guard handler and its session channels. swift-nio-ssh gives child channels no
/// way to learn the authenticated user, so it is recorded here. Lives on the
/// connection's event loop only.
final class ConnectionState {
    let id: Int
    let remote: String
    /// The client's IP address, without the port: what per-address limits count.
    let address: String
    let eventLoop: EventLoop
    /// The user name the client authenticated as, once it has.
    var user: String?
    /// The comment of the authorized key it used (often `name@host`).
    var keyComment: String = ""
    /// How it authenticated: a key or the passcode (the narrower rights until it has).
    var access = ViewerAccess.passcode
    var authFailures = 0
    var sessionsOpen = 0
    var onAuthenticated: [() -> Void] = []
    /// Called on the first authentication request (the key exchange is done by then).
    var onFirstAuthRequest: (() -> Void)?
    /// Channels open on this connection, counted as they open.
    var channelsOpen = 0

    init(id: Int, remote: String, address: String, eventLoop: EventLoop) {
        self.id = id
        self.remote = remote
        self.address = address
        self.eventLoop = eventLoop
    }

    /// Records a successful authentication and runs the callbacks waiting for it.
    func authenticated(as user: String, access: ViewerAccess) {
        self.user = user
        self.access = access
        let callbacks = onAuthenticated
        onAuthenticated = []
        callbacks.forEach { $0() }
    }

    var isAuthenticated: Bool { user != nil }

    /// `[3 127.0.0.1:50522 alice]`, for log lines.
    var label: String {
        if let user { return "[\(id) \(remote) \(ServeLog.quote(user))]" }
        return "[\(id) \(remote)]"
    }
}

/// Authentication of viewers: public keys against the authorized keys, and, with
/// `serve --passcode`, the room's passcode as a password (read-only followers). Every
/// other request (`none`, host-based, a password when passcodes are off) fails at once:
/// swift-nio-ssh passes them to the delegate even when they are not advertised. It
/// answers public-key *queries* itself, so every key request here carries a verified
/// signature.
final class ViewerAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods

    private let keys: AuthorizedKeysSource?
    private let passcode: Passcode?
    private let connection: ConnectionState
    private let log: ServeLog

    init(keys: AuthorizedKeysSource?, passcode: Passcode?, connection: ConnectionState, log: ServeLog) {
        self.keys = keys
        self.passcode = passcode
        self.connection = connection
        self.log = log
        var methods: NIOSSHAvailableUserAuthenticationMethods = keys == nil ? [] : .publicKey
        if passcode != nil { methods.insert(.password) }
        supportedAuthenticationMethods = methods
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        if let first = connection.onFirstAuthRequest {
            connection.onFirstAuthRequest = nil
            first()
        }
        let user = ServeLog.quote(request.username)
        switch request.request {
        case .publicKey(let offer):
            let fingerprint = KeyFingerprint.sha256(offer.publicKey)
            guard let keys else {
                log.info("\(connection.label) refused public key \(fingerprint) for user \(user): keys are off (passcode only)")
                responsePromise.succeed(.failure)
                return
            }
            if let entry = keys.current().entry(for: offer.publicKey) {
                connection.keyComment = entry.comment
                log.info("\(connection.label) authenticated by public key \(fingerprint) "
                    + "(\(keys.path) line \(entry.line)\(entry.comment.isEmpty ? "" : ", " + ServeLog.quote(entry.comment)))")
                connection.authenticated(as: request.username, access: .key)
                responsePromise.succeed(.success)
            } else {
                connection.authFailures += 1
                log.info("\(connection.label) refused public key \(fingerprint) for user \(user): not in \(keys.path)")
                responsePromise.succeed(.failure)
            }
        case .password(let attempt):
            connection.authFailures += 1
            guard let passcode else {
                log.info("\(connection.label) refused password authentication for user \(user): only public keys are accepted")
                responsePromise.succeed(.failure)
                return
            }
            switch passcode.check(attempt.password, from: connection.address) {
            case .accepted:
                connection.authFailures -= 1
                log.info("\(connection.label) authenticated by passcode as user \(user) (read-only follower)")
                connection.authenticated(as: request.username, access: .passcode)
                responsePromise.succeed(.success)
            case .wrong(let delay):
                log.info("\(connection.label) wrong passcode for user \(user); answering in \(delay.nanoseconds / 1_000_000) ms")
                connection.eventLoop.scheduleTask(in: delay) { responsePromise.succeed(.failure) }
            case .lockedOut:
                log.info("\(connection.label) refused passcode for user \(user): too many wrong codes from \(connection.address)")
                responsePromise.succeed(.failure)
            }
        case .none:
            responsePromise.succeed(.failure)
        case .hostBased:
            connection.authFailures += 1
            log.info("\(connection.label) refused host-based authentication for user \(user)")
            responsePromise.succeed(.failure)
        }
    }
}

/// Refuses every global request (`tcpip-forward` and its cancel): no port forwarding.
struct RefuseGlobalRequests: GlobalRequestDelegate {
    let connection: NIOLoopBound<ConnectionState>
    let log: ServeLog

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest,
        handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        log.info("\(connection.value.label) refused remote port forwarding (\(request))")
        promise.fail(Refused())
    }

    struct Refused: Error {}
}
