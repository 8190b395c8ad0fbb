import LoopSim

/// Everything that can change the dashboard's model: the inputs of `update`.
public enum Message: Sendable {
    case key(Key)
    /// The simulation clock: advance one month (when running).
    case tick
    /// The animation clock: move pulses one step.
    case frame
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// A file was written (`error` nil) or could not be (`error` says why).
    case written(path: String, error: String?)
    /// A scenario was read for `:scenario`.
    case scenarioLoaded(Scenario, path: String?)
    /// Reading a file failed; the message names the file, line and key.
    case loadFailed(String)
    /// Input comes faster than keys are taken (a long paste): `dropped` bytes so far were
    /// dropped; `quit` when a quit key was among them.
    case inputFlood(dropped: Int, quit: Bool)
    /// The presenter's state arrived (follow mode).
    case shared(SharedState)
    /// A theme was read for `:theme` (a file, or one not loaded at start).
    case themeLoaded(Theme)
    /// Monte Carlo progress and results, scenario lists for `c`.
    case analytics(AnalyticsMessage)
}

/// What `update` asks the outside world to do: the only side effects of the core.
public enum Effect: Equatable, Sendable {
    case quit
    /// The simulation speed changed: reschedule the clock.
    case speedChanged
    /// Pause state changed: start or stop the clocks.
    case clockChanged
    /// Write `contents` to `path` atomically (temporary file + rename); answer with `.written`.
    case write(path: String, contents: String)
    /// Find and read a scenario by name or path; answer with `.scenarioLoaded` or `.loadFailed`.
    case loadScenario(String)
    /// Switch to the theme of this name.
    case setTheme(String)
    /// Start or stop following the presenter.
    case followChanged(Bool)
    /// The theme changed: redraw every cell with the model's current theme.
    case themeChanged
    /// Monte Carlo in the background, scenarios to compare against.
    case analytics(AnalyticsEffect)
}
