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
    case enterValue, commandLine, save, scene
    case follow
    case nextTheme

    /// Actions that change the what-if or the clock: a follower leaves them to the presenter.
    public var changesSharedState: Bool {
        switch self {
        case .leverDown, .leverUp, .leverDownCoarse, .leverUpCoarse, .resetLever, .resetAll, .undo, .redo,
             .pause, .stepForward, .stepBack, .faster, .slower, .toStart, .toEnd, .enterValue, .scene:
            true
        default:
            false
        }
    }
    case monteCarlo, tornado, compare
    case present, nextStep, previousStep, jumpToStep, leaveScript
}

/// Where a binding applies: everywhere, or only while a panel has focus.
public enum KeyContext: String, Sendable {
    case global, levers, graph
    /// While a demo script plays; these bindings win over the others for their keys.
    case script
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
    /// Whether presenter mode's reduced hint bar shows it.
    public let presenter: Bool

    public init(_ keys: [Key], _ action: Action, _ short: String, _ long: String,
                context: KeyContext = .global, hint: Bool = false, presenter: Bool = false)
    {
        self.keys = keys; self.action = action; self.short = short; self.long = long
        self.context = context; self.hint = hint
        self.presenter = presenter
    }

    /// The keys as written in docs, with the digits 1…9 as one name: `?`, `F1`, `1–9`.
    public var keyNames: [String] {
        let digits = (1...9).map { Key.char(Character("\($0)")) }
        if keys == digits { return ["1–9"] }
        return keys.map(\.description)
    }

    /// The keys as written in the help: `? / F1`.
    public var keyLabel: String { keyNames.joined(separator: " / ") }
}

/// The one table of key bindings: it drives key handling, the hint bar, the help
/// overlay and the README's keys section.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("?"), .function(1)], .help, "help", "Show or hide this help", hint: true, presenter: true),
        KeyBinding([.char("q"), .function(10)], .quit, "quit", "Quit and give the terminal back", hint: true,
                   presenter: true),
        KeyBinding([.tab], .focusNext, "focus", "Focus the next panel", hint: true),
        KeyBinding([.backTab], .focusPrevious, "focus back", "Focus the previous panel"),
        KeyBinding([.up, .char("k")], .moveUp, "up", "Select the lever or node above"),
        KeyBinding([.down, .char("j")], .moveDown, "down", "Select the lever or node below"),
        KeyBinding([.left, .char("h")], .moveUp, "node", "Select the previous node", context: .graph),
        KeyBinding([.right, .char("l")], .moveDown, "node", "Select the next node", context: .graph, hint: true),
        KeyBinding([.left, .char("h")], .leverDown, "−", "Step the selected lever down", context: .levers, hint: true),
        KeyBinding([.right, .char("l")], .leverUp, "+", "Step the selected lever up", context: .levers, hint: true),
        KeyBinding([.shiftLeft, .char("[")], .leverDownCoarse, "−10", "Step the selected lever down by ten steps",
                   context: .levers),
        KeyBinding([.shiftRight, .char("]")], .leverUpCoarse, "+10", "Step the selected lever up by ten steps",
                   context: .levers),
        KeyBinding([.enter], .enterValue, "type", "Type an exact value for the selected lever (82%, 1.2B, 18mo)",
                   context: .levers, hint: true),
        KeyBinding([.char("0")], .resetLever, "reset", "Reset the selected lever to the scenario's value",
                   context: .levers),
        KeyBinding([.char("r")], .resetAll, "reset all", "Reset every lever to the scenario's values (asks first)"),
        KeyBinding([.char("u")], .undo, "undo", "Undo the last lever change"),
        KeyBinding([.ctrl("r")], .redo, "redo", "Redo the last undone change"),
        KeyBinding([.char(" ")], .pause, "pause", "Pause or resume the simulation clock", hint: true, presenter: true),
        KeyBinding([.char(".")], .stepForward, "step", "Step one month forward"),
        KeyBinding([.char(",")], .stepBack, "back", "Step one month back"),
        KeyBinding([.char("+"), .char("=")], .faster, "faster", "Run the clock faster"),
        KeyBinding([.char("-")], .slower, "slower", "Run the clock slower"),
        KeyBinding([.home], .toStart, "start", "Go back to the first month"),
        KeyBinding([.end], .toEnd, "end", "Run to the horizon"),
        KeyBinding([.char("e"), .function(11)], .maximize, "max", "Maximise the focused panel, or restore it",
                   hint: true, presenter: true),
        KeyBinding([.char(":")], .commandLine, "cmd",
                   "Command line: set, reset, scene, scenario, theme, save, export, record, narrate, help", hint: true),
        KeyBinding([.char("s"), .function(2)], .save, "save", "Save the scenario with the what-if changes as YAML"),
        KeyBinding((1...9).map { .char(Character("\($0)")) }, .scene, "scene", "Jump to scene 1–9 of the scenario"),
        KeyBinding([.char("f")], .follow, "follow", "Follow the presenter, or explore alone (with --follow)"),
        KeyBinding([.char("t")], .nextTheme, "theme", "Switch to the next colour theme", hint: true),
        KeyBinding([.char("m")], .monteCarlo, "bands",
                   "Monte Carlo in the background: fan bands on the runway chart, odds of running out; again: off"),
        KeyBinding([.char("K")], .tornado, "tornado", "Sensitivity: which lever moves the runway most (Tab: metric)"),
        KeyBinding([.char("c")], .compare, "compare", "Compare the what-if with another scenario: a deltas table"),
        KeyBinding([.char("p")], .present, "present", "Presenter mode: headline numbers in big digits, fewer panels",
                   presenter: true),
        KeyBinding([.char(" "), .right], .nextStep, "next", "Demo script: next step (the clock runs to its month)",
                   context: .script, presenter: true),
        KeyBinding([.left], .previousStep, "back", "Demo script: previous step, exactly as the script sets it",
                   context: .script, presenter: true),
        KeyBinding((1...9).map { .char(Character("\($0)")) }, .jumpToStep, "step", "Demo script: jump to step 1–9",
                   context: .script, presenter: true),
        KeyBinding([.escape], .leaveScript, "leave", "Demo script: leave it, keeping the current state to explore",
                   context: .script, presenter: true),
    ]

    /// The action bound to `key` with the table as shipped.
    public static func action(for key: Key, focus: Panel) -> Action? { KeyMap.standard.action(for: key, focus: focus) }

    /// The hint-bar bindings of the table as shipped.
    public static func hints(focus: Panel) -> [KeyBinding] { KeyMap.standard.hints(focus: focus) }
}
