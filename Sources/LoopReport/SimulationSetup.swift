import LoopConfig
import LoopSim

/// What `--scenario`, `--set` and `--months` resolve to: one place for every command.
public struct SimulationSetup: Sendable {
    /// The scenario with the `--set` values applied to its parameters.
    public var scenario: Scenario
    public var months: Int

    public var schedule: LeverSchedule { LeverSchedule(base: scenario.parameters, changes: scenario.changes) }

    public init(scenario: Scenario, months: Int) { self.scenario = scenario; self.months = months }

    /// Resolves the options; every problem is one `ConfigError` naming the option or file.
    public static func resolve(scenario name: String?, sets: [String], months: MonthCount?,
                               locator: ScenarioLocator = .standard()) throws(ConfigError) -> SimulationSetup
    {
        var scenario = try locator.resolve(name)
        try SetOption.apply(sets, to: &scenario.parameters)
        return SimulationSetup(scenario: scenario, months: months?.value ?? scenario.horizon)
    }

    /// The projection of the setup.
    public func project() -> Projection { Engine.project(scenario, schedule: schedule, months: months) }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}

/// The output formats of the headless commands.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json
}
