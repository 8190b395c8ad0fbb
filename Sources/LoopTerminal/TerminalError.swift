/// Why the dashboard cannot take this terminal; each has a message for people.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case noTerm
    case dumbTerm
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs a terminal on stdin and stdout; for text output try `moneyloop snapshot` or `moneyloop simulate`"
        case .noTerm:
            "TERM is not set, so the terminal's abilities are unknown; set TERM (e.g. TERM=xterm-256color) or try `moneyloop snapshot`"
        case .dumbTerm:
            "TERM=dumb cannot show a full-screen dashboard; use a real terminal, or try `moneyloop snapshot`"
        case let .cannotOpen(term):
            "cannot open terminal '\(term)' (no terminfo entry here, nor for xterm-256color); install ncurses-term or set TERM=xterm-256color"
        }
    }
}
