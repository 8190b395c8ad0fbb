/// The speeds the clock steps through with `+` and `-`, in months per second.
public let clockSpeeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32]

/// The simulated present and how fast it moves: the clock's part of the model. Its
/// mutating methods are its small update; `SimulationClock` turns it into timer fires.
public struct ClockState: Sendable, Equatable {
    /// The simulated present: months since the scenario's start.
    public var month = 0
    public var paused: Bool
    /// Simulated months per second.
    public var speed: Double = 2
    /// Animation phase of the pulses on the graph's edges.
    public var phase = 0

    public init(paused: Bool) { self.paused = paused }

    /// A tick while running: one month on. At the horizon it pauses instead and says so (false).
    mutating func tick(horizon: Int) -> Bool {
        guard month < horizon else {
            paused = true
            return false
        }
        month += 1
        return true
    }

    /// Moves `months` (negative: back), staying within 0 … `horizon`.
    mutating func step(by months: Int, horizon: Int) {
        month = max(0, min(horizon, month + months))
    }

    /// The next speed up (`faster`) or down.
    mutating func changeSpeed(faster: Bool) {
        let i = clockSpeeds.firstIndex { $0 >= speed } ?? clockSpeeds.count - 1
        speed = clockSpeeds[max(0, min(clockSpeeds.count - 1, i + (faster ? 1 : -1)))]
    }
}
