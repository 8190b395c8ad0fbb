import LoopConfig
import LoopSim

/// The dashboard's what-if analytics (`m` Monte Carlo, `K` tornado, `c` compare): the
/// part of the model they own. A value like the rest of `Model`.
public struct AnalyticsState: Sendable, Equatable {
    /// Paths and seed of the dashboard's Monte Carlo runs.
    public var paths = MonteCarlo.defaultPaths
    public var seed: UInt64 = 1
    /// Monte Carlo is on (`m` toggles): bands are shown and follow every lever change.
    public var enabled = false
    /// Numbers each run; messages of any other run are ignored.
    public var generation = 0
    /// The run in progress, if any.
    public var progress: MonteCarloProgress?
    /// The last finished run and the lever schedule it was run for.
    public var result: MonteCarloResult?
    public var resultSchedule: LeverSchedule?
    /// The overlay shown over the dashboard, if any.
    public var overlay: AnalyticsOverlay?
    /// The tornado shown, and the index of its metric in `Metric.standard`.
    public var tornado: Tornado?
    public var tornadoMetric = 0
    /// The scenarios offered by `c` (nil while they are being read) and the one selected.
    public var scenarios: [ScenarioEntry]?
    public var pickerIndex = 0
    /// The scenario compared against, with its projection.
    public var compared: ComparedScenario?

    public init() {}
}

/// How far the running Monte Carlo has got.
public struct MonteCarloProgress: Sendable, Equatable {
    public var generation: Int
    public var done: Int
    public var total: Int
    /// Seconds since the run started (measured by the runner, not the model).
    public var elapsed: Double

    public init(generation: Int, done: Int, total: Int, elapsed: Double) {
        self.generation = generation; self.done = done; self.total = total; self.elapsed = elapsed
    }

    /// Share done, 0 … 1.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }

    /// Seconds left at the pace so far; nil before the first paths are done.
    public var eta: Double? { done > 0 ? elapsed * Double(max(0, total - done)) / Double(done) : nil }
}

/// The overlays of the analytics keys.
public enum AnalyticsOverlay: Sendable, Equatable {
    /// Which lever matters most (`K`).
    case tornado
    /// Choosing a scenario to compare against (`c`).
    case picker
    /// The deltas table against the chosen scenario.
    case comparison
}

/// A scenario chosen with `c` and its projection (over the dashboard's horizon).
public struct ComparedScenario: Sendable, Equatable {
    public var scenario: Scenario
    public var projection: Projection
}

extension Model {
    /// The Monte Carlo result for the levers as they are now; nil when there is none or
    /// it was run for other levers (stale bands are never shown).
    public var monteCarlo: MonteCarloResult? {
        analytics.resultSchedule == schedule ? analytics.result : nil
    }

    /// The current what-if against the scenario chosen with `c`.
    public var comparison: Comparison? {
        analytics.compared.map { Comparison(baseline: $0.projection, whatIf: projection) }
    }
}
