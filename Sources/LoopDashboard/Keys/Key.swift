/// A key press, decoded by the terminal layer into terms the dashboard understands.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    /// Ctrl + a letter (lowercase), e.g. `.ctrl("r")`.
    case ctrl(Character)
    case up, down, left, right
    case shiftLeft, shiftRight, shiftUp, shiftDown
    case home, end, pageUp, pageDown, insert, delete
    case enter, escape, tab, backTab, backspace
    /// F1 … F12.
    case function(Int)
    /// The mouse: a left click (where is in `UIState.pointer`), the wheel turned up or down.
    case click, wheelUp, wheelDown

    /// How the key is written in the help, the hint bar and the README: `q`, `F10`, `←`, `Ctrl-R`, `Click`.
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case let .char(c): String(c)
        case let .ctrl(c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .shiftLeft: "Shift-←"
        case .shiftRight: "Shift-→"
        case .shiftUp: "Shift-↑"
        case .shiftDown: "Shift-↓"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .delete: "Del"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case let .function(n): "F\(n)"
        case .click: "Click"
        case .wheelUp: "Wheel↑"
        case .wheelDown: "Wheel↓"
        }
    }
}

extension Key {
    /// Whether the mouse, not the keyboard, sends it.
    public var isMouse: Bool { self == .click || self == .wheelUp || self == .wheelDown }
}
