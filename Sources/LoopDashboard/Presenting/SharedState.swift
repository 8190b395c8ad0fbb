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
    /// `scenarioYAML` read once (``prepare(after:)``), for a process that hands one state to
    /// many followers. Not sent.
    public private(set) var scenario: Scenario?
    /// The scenario's projection without and with `changes`, computed once by
    /// ``prepare(after:)`` for all the followers. Not sent.
    public private(set) var baseline: Projection?, projection: Projection?

    private enum CodingKeys: String, CodingKey {
        case scenarioYAML, changes, month, speed, paused, focus, caption
    }

    /// Reads the scenario and projects it, once for all the followers that are given this
    /// state; what the `previous` state read or projected for the same scenario (and changes)
    /// is taken over, not done again.
    public mutating func prepare(after previous: SharedState? = nil) {
        if let previous, let read = previous.scenario, previous.scenarioYAML == scenarioYAML {
            scenario = read
            baseline = previous.baseline
            projection = previous.changes == changes ? previous.projection : nil
        } else {
            scenario = try? ScenarioFile.load(text: scenarioYAML, file: "shared scenario")
        }
        guard let scenario else { return }
        if baseline == nil { baseline = Engine.project(scenario, schedule: LeverSchedule(base: scenario.parameters)) }
        if projection == nil { projection = Engine.project(scenario, schedule: schedule(of: scenario)) }
    }

    /// The what-if of this state on `scenario`.
    func schedule(of scenario: Scenario) -> LeverSchedule { LeverSchedule(base: scenario.parameters, changes: changes) }

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
        if let scenario = s.scenario ?? (try? ScenarioFile.load(text: s.scenarioYAML, file: "shared scenario")),
           scenario != self.scenario
        {
            load(scenario, path: nil)
        }
        // The projections the state carries are this scenario's when it is the state's own.
        let own = s.scenario == scenario
        let schedule = s.schedule(of: scenario)
        if schedule != self.schedule { replaceSchedule(schedule, projected: own ? s.projection : nil) }
        if own { shareStorage(scenario: s.scenario, baseline: s.baseline, projection: s.projection) }
        acceptAsSaved()
        month = max(0, min(horizon, s.month))
        speed = s.speed
        paused = s.paused
        if let p = Panel(rawValue: s.focus) { setFocus(p) }
        caption = s.caption
    }
}
