import Foundation

/// Time for the rate limiter: real, or a fake in tests that records the sleeps.
public protocol FilingsClock: Sendable {
    /// Seconds on a monotonic clock.
    func now() -> Double
    func sleep(_ seconds: Double)
}

/// The system's monotonic clock.
public struct SystemClock: FilingsClock {
    public init() {}
    public func now() -> Double { ProcessInfo.processInfo.systemUptime }
    public func sleep(_ seconds: Double) { if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } }
}

/// Keeps requests to the SEC at most `perSecond` a second (the SEC asks for 10 or
/// fewer): each request starts at least 1/`perSecond` s after the one before.
public final class RateLimiter: @unchecked Sendable {
    public let interval: Double
    let clock: any FilingsClock
    let lock = NSLock()
    var last: Double?

    public init(perSecond: Double = 10, clock: any FilingsClock = SystemClock()) {
        interval = 1 / perSecond
        self.clock = clock
    }

    /// Waits until the next request may start, and counts it as started.
    public func wait() {
        lock.lock()
        defer { lock.unlock() }
        if let last {
            let due = last + interval
            let now = clock.now()
            if now < due { clock.sleep(due - now) }
        }
        last = clock.now()
    }
}
