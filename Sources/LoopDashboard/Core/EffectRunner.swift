/// Carries out the effects of `update`: the dashboard's one door to the outside world.
/// Each runner switches over every `Effect` with no default arm, so a new effect does not
/// compile until it is handled. The executable's is `DashboardEffects`; tests record.
public protocol EffectRunner: AnyObject {
    /// Carries out `effect` for `loop`, on the main queue; answers go back as messages.
    func run(_ effect: Effect, for loop: any EffectHost)
}

/// What an effect runner may ask of the event loop it serves. Main queue only.
public protocol EffectHost: AnyObject, Sendable {
    /// An answer to an effect: applied and drawn at once.
    func send(_ message: Message)
    /// A message from the background (Monte Carlo progress, the presenter's state): applied
    /// and drawn without taking the frames kept for keys.
    func post(_ message: Message)
    /// Reschedules the clock for the model's speed; stops it while paused.
    func restartClock()
    /// Redraws every cell with the model's current theme.
    func repaint()
    /// The screen as it is now as an SVG picture (`:export FILE.svg`).
    func picture() -> String
    /// Gives the terminal back and ends the process with `status`.
    func finish(status: Int32)
}
