#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a mutex, for the few numbers the threads of a run share.
final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the mutex held.
    func with<R>(_ body: (inout Value) -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&value)
    }
}

/// The shared handle of a running Monte Carlo: anyone may cancel it, and it counts the
/// paths done. Thread-safe; the run checks it once per path.
public final class MonteCarloControl: Sendable {
    private let state = Locked((cancelled: false, done: 0))

    public init() {}

    /// Asks the run to stop; it returns nil as soon as every thread has seen it.
    public func cancel() { state.with { $0.cancelled = true } }

    public var isCancelled: Bool { state.with { $0.cancelled } }

    /// Paths finished so far.
    public var completedPaths: Int { state.with { $0.done } }

    /// Records `n` more finished paths and returns the total.
    func complete(_ n: Int) -> Int { state.with { $0.done += n; return $0.done } }
}
