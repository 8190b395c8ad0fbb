/// How often the terminal may be drawn: `fps` frames a second on average, with a small
/// allowance so a key's frame goes out at once even just after a clock frame. A bucket of
/// `burst` frames refills at `fps` a second; each frame written spends one. The clock's
/// frames keep `reserve` frames in the bucket for keys (two: a quick pair of keys), so
/// steady animation never makes a key wait; it is the animation that slows down. Times are monotonic nanoseconds, passed in, so the rule is testable without a clock.
public struct FrameBudget: Equatable, Sendable {
    /// Frames the clock leaves in the bucket for keys.
    public static let clockReserve = 2.0

    public let fps: Double
    public let burst: Double
    private var tokens: Double
    private var last: UInt64

    /// A full bucket at time `now`.
    public init(fps: Double, burst: Double = 4, now: UInt64 = 0) {
        self.fps = max(1, fps)
        self.burst = max(1, burst)
        tokens = self.burst
        last = now
    }

    /// Nanoseconds to wait before a frame may be drawn at `now` (0: draw now), leaving
    /// `reserve` frames in the bucket (the clock keeps `clockReserve` for keys).
    public func delay(at now: UInt64, keeping reserve: Double = 0) -> UInt64 {
        let needed = min(burst, 1 + max(0, reserve))
        let available = level(at: now)
        guard available < needed else { return 0 }
        return UInt64(((needed - available) / fps * 1e9).rounded(.up))
    }

    /// Records a frame written at `now`.
    public mutating func spend(at now: UInt64) {
        tokens = max(0, level(at: now) - 1)
        last = max(last, now)
    }

    /// Frames available at `now`.
    private func level(at now: UInt64) -> Double {
        let elapsed = now > last ? Double(now - last) / 1e9 : 0
        return min(burst, tokens + elapsed * fps)
    }
}
