import LoopSim

/// Key names as people write them in `keys.yaml` and as the help shows them.
extension Key {
    /// Parses `q`, `Space`, `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Backspace`, `Up`/`↑`,
    /// `Shift-Left`, `Home`, `End`, `PgUp`, `PgDn`, `Ins`, `Del`, `F1`…`F12`, `Ctrl-R`;
    /// the mouse's `Click`, `WheelUp`, `WheelDown`.
    public init?(name: String) {
        let n = name.trimmingSpaces()
        let lower = n.lowercased()
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
            "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right,
            "shift-left": .shiftLeft, "shift-←": .shiftLeft, "shift-right": .shiftRight, "shift-→": .shiftRight,
            "shift-up": .shiftUp, "shift-↑": .shiftUp, "shift-down": .shiftDown, "shift-↓": .shiftDown,
            "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "ins": .insert, "insert": .insert, "del": .delete, "delete": .delete,
            "click": .click, "wheelup": .wheelUp, "wheel↑": .wheelUp, "wheeldown": .wheelDown, "wheel↓": .wheelDown,
        ]
        if let k = named[lower] { self = k; return }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter, c.isASCII {
            self = .ctrl(c); return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n); return
        }
        guard n.count == 1, let c = n.first, !c.isWhitespace else { return nil }
        self = .char(c)
    }
}
