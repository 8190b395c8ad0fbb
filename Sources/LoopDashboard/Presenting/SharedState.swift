#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LoopConfig
import LoopSim

/// What a presenter's dashboard publishes and followers apply: only inputs travel (the
/// simulation is deterministic), never screens. One JSON line per change.
public struct SharedState: Codable, Sendable, Equatable {
    /// The scenario as a scenario file (with no what-if changes).
    public var scenarioYAML: String
    /// The what-if: lever changes in the order made.
    public var changes: [LeverChange]
    public var month: Int
    public var speed: Double
    public var paused: Bool
    public var focus: String
    public var caption: String?

    /// The state of `model` to publish.
    public init(_ model: Model) {
        var base = model.scenario
        base.changes = []
        scenarioYAML = ScenarioWriter.yaml(base)
        changes = model.schedule.changes
        month = model.month
        speed = model.speed
        paused = model.paused
        focus = model.focus.rawValue
        caption = model.caption
    }

    /// One JSON line (no newline).
    public func line() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a published line; nil for anything that is not a valid state.
    public static func parse(_ line: String) -> SharedState? {
        try? JSONDecoder().decode(SharedState.self, from: Data(line.utf8))
    }
}

extension Model {
    /// Follows a presenter: their scenario, levers, clock and focus. Theme, layout and
    /// maximised panel stay this viewer's own.
    public mutating func follow(_ s: SharedState) {
        if let scenario = try? ScenarioFile.load(text: s.scenarioYAML, file: "shared scenario"),
           scenario != self.scenario
        {
            load(scenario, path: nil)
        }
        let schedule = LeverSchedule(base: scenario.parameters, changes: s.changes)
        if schedule != self.schedule { replaceSchedule(schedule) }
        acceptAsSaved()
        month = max(0, min(horizon, s.month))
        speed = s.speed
        paused = s.paused
        if let p = Panel(rawValue: s.focus) { setFocus(p) }
        caption = s.caption
    }
}
