import LoopSim

/// When each lever change of a session was made, in seconds since the session began, so a
/// recording can say so. `update` stamps the schedule after each message with the time the
/// event loop last sent (`.elapsed`); the dashboard's core never reads a clock.
public struct ChangeTimes: Sendable, Equatable {
    private var stamps: [(change: LeverChange, seconds: Double)] = []
    private var lastSeen: [LeverChange] = []

    public init() {}

    public static func == (a: ChangeTimes, b: ChangeTimes) -> Bool {
        a.stamps.map(\.change) == b.stamps.map(\.change) && a.stamps.map(\.seconds) == b.stamps.map(\.seconds)
    }

    /// Stamps the changes of `schedule` not seen before with `seconds`.
    public mutating func note(_ schedule: LeverSchedule, seconds: Double) {
        guard schedule.changes != lastSeen else { return }
        for c in schedule.changes where !stamps.contains(where: { $0.change == c }) {
            stamps.append((c, seconds))
        }
        lastSeen = schedule.changes
    }

    /// The time each of `changes` was first seen, nil for those never stamped.
    public func seconds(for changes: [LeverChange]) -> [Double?] {
        changes.map { c in stamps.first { $0.change == c }?.seconds }
    }
}
