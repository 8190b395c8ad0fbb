import LoopDashboard

/// One thing read from the terminal: a key, or a mouse report (`MouseReportParser`).
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
}
