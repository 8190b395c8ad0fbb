import NIOCore
import NIOSSH

/// What one SSH connection knows about itself, shared by its authentication delegate,
/// its guard handler and its session channels. swift-nio-ssh gives child channels no
/// way to learn the authenticated user, so it is recorded here. Lives on the
/// connection's event loop only.
final class ConnectionState {
    let id: Int
    let remote: String
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

    init(id: Int, remote: String, eventLoop: EventLoop) {
        self.id = id
        self.remote = remote
        self.eventLoop = eventLoop
    }

    var isAuthenticated: Bool { user != nil }

    /// `[3 127.0.0.1:50522 alice]`, for log lines.
    var label: String {
        if let user { return "[\(id) \(remote) \(ServeLog.quote(user))]" }
        return "[\(id) \(remote)]"
    }
}

/// Public-key authentication against the authorized keys. Password, `none` and every
/// other method fail (swift-nio-ssh passes them to the delegate even though only
/// `publickey` is advertised). swift-nio-ssh answers public-key *queries* itself, so
/// every request that reaches here carries a verified signature.
final class PublicKeyAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods = .publicKey

    private let keys: AuthorizedKeysSource
    private let connection: ConnectionState
    private let log: ServeLog

    init(keys: AuthorizedKeysSource, connection: ConnectionState, log: ServeLog) {
        self.keys = keys
        self.connection = connection
        self.log = log
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        let user = ServeLog.quote(request.username)
        switch request.request {
        case .publicKey(let offer):
            let fingerprint = KeyFingerprint.sha256(offer.publicKey)
            if let entry = keys.current().entry(for: offer.publicKey) {
                connection.user = request.username
                connection.keyComment = entry.comment
                connection.access = .key
                log.info("\(connection.label) authenticated by public key \(fingerprint) "
                    + "(\(keys.path) line \(entry.line)\(entry.comment.isEmpty ? "" : ", " + ServeLog.quote(entry.comment)))")
                let callbacks = connection.onAuthenticated
                connection.onAuthenticated = []
                callbacks.forEach { $0() }
                responsePromise.succeed(.success)
            } else {
                connection.authFailures += 1
                log.info("\(connection.label) refused public key \(fingerprint) for user \(user): not in \(keys.path)")
                responsePromise.succeed(.failure)
            }
        case .password:
            connection.authFailures += 1
            log.info("\(connection.label) refused password authentication for user \(user): only public keys are accepted")
            responsePromise.succeed(.failure)
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
