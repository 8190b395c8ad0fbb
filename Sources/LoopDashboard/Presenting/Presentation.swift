/// The presenting side of the dashboard's state: presenter mode, the read-only lock, the
/// demo script being played, and when each lever change was made (for recordings).
public struct Presentation: Sendable, Equatable {
    /// Headline numbers in big digits above a reduced set of panels.
    public var presenting = false
    /// Levers, file writes and scenario changes are locked (`--read-only`).
    public var readOnly = false
    /// The demo script being played; nil when none is (or after Esc left it).
    public var player: ScriptPlayer?
    /// The terminal's background is light (from `COLORFGBG`): presenter mode suggests the
    /// light theme.
    public var lightBackground = false
    /// Seconds since the session began, as the event loop last sent them (`.elapsed`).
    public var elapsed: Double = 0
    /// When each lever change was made, stamped by `update` with `elapsed`.
    public var changeTimes = ChangeTimes()
    /// Plain sentences for each meaningful change (`--narrate`, `:narrate`).
    public var narration = Narration()

    public init() {}

    /// The parts the status line shows after the clock: `read-only`, `script 2/8`.
    public var statusParts: [String] {
        var parts: [String] = []
        if readOnly { parts.append("read-only") }
        if let p = player { parts.append("script \(p.index + 1)/\(p.script.steps.count)") }
        return parts
    }

    /// True when the screen needs the presenter layout or a caption banner.
    public var changesLayout: Bool { presenting || player != nil }
}
