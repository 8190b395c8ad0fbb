import LoopSim

/// Everything that can change the dashboard's model: the inputs of `update`.
public enum Message: Sendable {
    case key(Key)
    /// The mouse, on a `width`×`height` screen (the size the hit test lays the screen out at).
    case mouse(MouseEvent, width: Int, height: Int)
    /// The simulation clock: advance one month (when running).
    case tick
    /// The animation clock: move pulses one step.
    case frame
    /// The session clock: seconds since the dashboard started. The event loop sends it
    /// before each other message; lever changes made after it are stamped with it.
    case elapsed(seconds: Double)
    /// A file was written (`error` nil) or could not be (`error` says why).
    case written(path: String, error: String?)
    /// A scenario was read for `:scenario`.
    case scenarioLoaded(Scenario, path: String?)
    /// A loop file (entities and deals) was read for `:scenario`: it runs on the generic engine.
    case loopLoaded(MoneyLoop, path: String?)
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
