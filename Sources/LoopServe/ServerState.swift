import NIOCore
import Synchronization

/// What the server counts across all event loops: connections, unauthenticated
/// connections and sessions, plus the open connection channels (closed on shutdown).
/// Every access goes through one `Mutex`.
public final class ServerState: Sendable {
    /// A snapshot of the counters.
    public struct Counts: Sendable, Equatable {
        public var connections = 0
        public var unauthenticated = 0
        public var sessions = 0
        public var sessionsStarted = 0
        public var childrenRunning = 0
    }

    private struct Inner {
        var counts = Counts()
        var nextConnectionID = 1
        var channels: [Int: Channel] = [:]
        /// The address of each connection that has not authenticated, and their count per address.
        var pending: [Int: String] = [:]
        var pendingPerAddress: [String: Int] = [:]
        /// How to end each running session when the server stops, by session number.
        var enders: [Int: @Sendable () -> Void] = [:]
        var nextSession = 1
        var accepting = true

        mutating func settle(_ id: Int) {
            guard let address = pending.removeValue(forKey: id) else { return }
            counts.unauthenticated -= 1
            let left = (pendingPerAddress[address] ?? 1) - 1
            pendingPerAddress[address] = left > 0 ? left : nil
        }
    }

    private let inner = Mutex(Inner())
    let limits: ServerLimits

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// The current counters.
    public var counts: Counts { inner.withLock { $0.counts } }

    /// Why a connection was not admitted.
    enum Refusal: Error, CustomStringConvertible {
        case shuttingDown, tooManyConnections(Int), tooManyUnauthenticated(Int), tooManyFromAddress(Int)

        var description: String {
            switch self {
            case .shuttingDown: return "server shutting down"
            case .tooManyConnections(let n): return "\(n) connections already open"
            case .tooManyUnauthenticated(let n): return "\(n) connections still authenticating"
            case .tooManyFromAddress(let n): return "\(n) connections from this address still authenticating"
            }
        }
    }

    /// Admits a new, unauthenticated connection from `address` and returns its id.
    func admit(_ channel: Channel, address: String) -> Result<Int, Refusal> {
        inner.withLock { s in
            guard s.accepting else { return .failure(.shuttingDown) }
            guard s.counts.connections < limits.maxConnections else {
                return .failure(.tooManyConnections(s.counts.connections))
            }
            guard s.counts.unauthenticated < limits.maxUnauthenticated else {
                return .failure(.tooManyUnauthenticated(s.counts.unauthenticated))
            }
            let fromAddress = s.pendingPerAddress[address] ?? 0
            guard fromAddress < limits.maxUnauthenticatedPerAddress else {
                return .failure(.tooManyFromAddress(fromAddress))
            }
            let id = s.nextConnectionID
            s.nextConnectionID += 1
            s.counts.connections += 1
            s.counts.unauthenticated += 1
            s.pending[id] = address
            s.pendingPerAddress[address] = fromAddress + 1
            s.channels[id] = channel
            return .success(id)
        }
    }

    /// A connection authenticated.
    func authenticated(_ id: Int) {
        inner.withLock { $0.settle(id) }
    }

    /// A connection closed.
    func closed(_ id: Int) {
        inner.withLock { s in
            guard s.channels.removeValue(forKey: id) != nil else { return }
            s.counts.connections -= 1
            s.settle(id)
        }
    }

    /// Registers how to end a running session when the server stops; returns the number
    /// to unregister it with.
    func registerSession(end: @escaping @Sendable () -> Void) -> Int {
        inner.withLock { s in
            let n = s.nextSession
            s.nextSession += 1
            s.enders[n] = end
            return n
        }
    }

    func unregisterSession(_ n: Int) {
        _ = inner.withLock { $0.enders.removeValue(forKey: n) }
    }

    /// Reserves a session slot; false when `maxSessions` are in use.
    func reserveSession() -> Bool {
        inner.withLock { s in
            guard s.accepting, s.counts.sessions < limits.maxSessions else { return false }
            s.counts.sessions += 1
            s.counts.sessionsStarted += 1
            return true
        }
    }

    /// Releases a slot taken by `reserveSession`.
    func releaseSession() {
        inner.withLock { $0.counts.sessions -= 1 }
    }

    func childStarted() { inner.withLock { $0.counts.childrenRunning += 1 } }
    func childReaped() { inner.withLock { $0.counts.childrenRunning -= 1 } }

    /// Stops admitting connections and returns the open ones and how to end each session.
    func beginShutdown() -> (connections: [Channel], sessions: [@Sendable () -> Void]) {
        inner.withLock { s in
            s.accepting = false
            return (Array(s.channels.values), Array(s.enders.values))
        }
    }
}
