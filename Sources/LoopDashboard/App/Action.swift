/// Something a key can do. The key table binds keys to actions; `update` performs them.
public enum Action: String, CaseIterable, Sendable {
    case help, quit
    case focusNext, focusPrevious
    case moveUp, moveDown
    case leverDown, leverUp, leverDownCoarse, leverUpCoarse
    case resetLever, resetAll
    case undo, redo
    case pause, stepForward, stepBack, faster, slower, toStart, toEnd
    case maximize
}

/// Where a binding applies: everywhere, or only while a panel has focus.
public enum KeyContext: String, Sendable {
    case global, levers, graph
}

/// One row of the key table: keys, action, descriptions, context, and whether the
/// hint bar shows it.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    /// A word or two for the hint bar.
    public let short: String
    /// A sentence for the help overlay and the README.
    public let long: String
    public let context: KeyContext
    public let hint: Bool

    public init(_ keys: [Key], _ action: Action, _ short: String, _ long: String,
                context: KeyContext = .global, hint: Bool = false)
    {
        self.keys = keys; self.action = action; self.short = short; self.long = long
        self.context = context; self.hint = hint
    }

    /// The keys as written in docs: `?` / `F1`.
    public var keyLabel: String { keys.map(\.description).joined(separator: " / ") }
}

/// The one table of key bindings: it drives key handling, the hint bar, the help
/// overlay and the README's keys section.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("?"), .function(1)], .help, "help", "Show or hide this help", hint: true),
        KeyBinding([.char("q"), .function(10)], .quit, "quit", "Quit and give the terminal back", hint: true),
        KeyBinding([.tab], .focusNext, "focus", "Focus the next panel", hint: true),
        KeyBinding([.backTab], .focusPrevious, "focus back", "Focus the previous panel"),
        KeyBinding([.up, .char("k")], .moveUp, "up", "Select the lever or node above"),
        KeyBinding([.down, .char("j")], .moveDown, "down", "Select the lever or node below"),
        KeyBinding([.left, .char("h")], .leverDown, "−", "Step the selected lever down", context: .levers, hint: true),
        KeyBinding([.right, .char("l")], .leverUp, "+", "Step the selected lever up", context: .levers, hint: true),
        KeyBinding([.shiftLeft, .char("[")], .leverDownCoarse, "−10", "Step the selected lever down by ten steps",
                   context: .levers),
        KeyBinding([.shiftRight, .char("]")], .leverUpCoarse, "+10", "Step the selected lever up by ten steps",
                   context: .levers),
        KeyBinding([.char("0")], .resetLever, "reset", "Reset the selected lever to the scenario's value",
                   context: .levers),
        KeyBinding([.char("r")], .resetAll, "reset all", "Reset every lever to the scenario's values"),
        KeyBinding([.char("u")], .undo, "undo", "Undo the last lever change"),
        KeyBinding([.ctrl("r")], .redo, "redo", "Redo the last undone change"),
        KeyBinding([.char(" ")], .pause, "pause", "Pause or resume the simulation clock", hint: true),
        KeyBinding([.char(".")], .stepForward, "step", "Step one month forward"),
        KeyBinding([.char(",")], .stepBack, "back", "Step one month back"),
        KeyBinding([.char("+"), .char("=")], .faster, "faster", "Run the clock faster"),
        KeyBinding([.char("-")], .slower, "slower", "Run the clock slower"),
        KeyBinding([.home], .toStart, "start", "Go back to the first month"),
        KeyBinding([.end], .toEnd, "end", "Run to the horizon"),
        KeyBinding([.char("e"), .function(11)], .maximize, "max", "Maximise the focused panel, or restore it",
                   hint: true),
    ]

    /// The action bound to `key` when `focus` has focus: a panel's own binding first.
    public static func action(for key: Key, focus: Panel) -> Action? {
        let context: KeyContext? = switch focus {
        case .levers: .levers
        case .graph: .graph
        default: nil
        }
        if let c = context, let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) {
            return b.action
        }
        return bindings.first { $0.context == .global && $0.keys.contains(key) }?.action
    }

    /// The bindings shown in the hint bar while `focus` has focus.
    public static func hints(focus: Panel) -> [KeyBinding] {
        bindings.filter { $0.hint && ($0.context == .global || ($0.context == .levers && focus == .levers)) }
    }
}
