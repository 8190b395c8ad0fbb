import LoopConfig
import LoopSim

/// The analytics' inputs to `update`: from the Monte Carlo runner and the file side.
public enum AnalyticsMessage: Sendable {
    case monteCarloProgress(MonteCarloProgress)
    case monteCarloFinished(generation: Int, result: MonteCarloResult)
    /// The scenarios `c` may compare against.
    case scenarioList([ScenarioEntry])
    /// The scenario chosen to compare against, read.
    case comparisonLoaded(Scenario)
}

/// What the analytics ask the outside world to do.
public enum AnalyticsEffect: Equatable, Sendable {
    /// Run Monte Carlo in the background (cancelling any run in progress); answer with
    /// `.monteCarloProgress` and `.monteCarloFinished`.
    case startMonteCarlo(MonteCarloJob)
    /// Stop the run in progress.
    case cancelMonteCarlo
    /// List the scenarios a name may resolve to; answer with `.scenarioList`.
    case listScenarios
    /// Read a scenario by name or path; answer with `.comparisonLoaded` or `.loadFailed`.
    case loadComparison(String)
}

/// One Monte Carlo run the dashboard asks for.
public struct MonteCarloJob: Equatable, Sendable {
    public var generation: Int
    public var scenario: Scenario
    public var schedule: LeverSchedule
    public var paths: Int
    public var seed: UInt64
    public var months: Int
}
