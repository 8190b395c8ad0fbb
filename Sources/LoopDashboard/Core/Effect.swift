/// What `update` asks the outside world to do: the only side effects of the core. An
/// `EffectRunner` carries them out.
public enum Effect: Equatable, Sendable {
    case quit
    /// The clock's speed or pause state changed: start, stop or reschedule it.
    case clockChanged
    /// Write `contents` to `path` atomically (temporary file + rename); answer with `.written`.
    case write(path: String, contents: String)
    /// Draw the screen as it is now as an SVG picture and write it to `path` (`:export FILE.svg`).
    case exportScreen(path: String)
    /// Find and read a scenario by name or path; answer with `.scenarioLoaded`,
    /// `.loopLoaded` (a loop file) or `.loadFailed`.
    case loadScenario(String)
    /// Read the theme of this name; answer with `.themeLoaded` or `.loadFailed`.
    case setTheme(String)
    /// Start or stop following the presenter.
    case followChanged(Bool)
    /// The theme changed: redraw every cell with the model's current theme.
    case themeChanged
    /// Monte Carlo in the background, scenarios to compare against.
    case analytics(AnalyticsEffect)
}
