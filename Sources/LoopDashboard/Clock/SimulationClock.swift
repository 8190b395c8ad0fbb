/// The one clock of a running dashboard. Each step moves the pulses one cell (`.frame`)
/// and advances the simulated month (`.tick`) whenever `speed` says a month has passed,
/// so a month and a pulse step land in the same frame: fewer wake-ups and fewer writes
/// than two clocks. A paused model has no clock at all: nothing wakes, nothing is drawn.
public struct SimulationClock: Equatable, Sendable {
    /// Pulse steps per second while the clock runs.
    public static let pulseStepsPerSecond = 8.0

    /// Steps per second: the pulse rate, or fewer when `--fps` is lower.
    public let stepsPerSecond: Double
    /// Simulated months per second.
    public let speed: Double
    /// Months owed to the model: the fraction of a month that has not been ticked yet.
    private var owed = 0.0

    /// The clock for `model`, or nil when it is paused (then no timer runs).
    public init?(model: Model, fps: Double) {
        guard !model.paused, model.speed > 0, model.speed.isFinite else { return nil }
        stepsPerSecond = max(1, min(fps, Self.pulseStepsPerSecond))
        speed = model.speed
    }

    /// Seconds between two steps.
    public var interval: Double { 1 / stepsPerSecond }

    /// The messages of one step: the months that have passed, then one pulse step.
    public mutating func step() -> [Message] {
        owed += speed / stepsPerSecond
        // A hair of tolerance so 0.1 + 0.1 + … still makes whole months on time.
        let months = Int((owed + 1e-9).rounded(.down))
        owed = max(0, owed - Double(months))
        return Array(repeating: .tick, count: months) + [.frame]
    }
}
