import LoopSim

/// What the person at the screen has open and selected: the UI's part of the model (focus,
/// selections, overlays, the text field, the question, notices, keys and themes).
public struct UIState: Sendable, Equatable {
    public var focus: Panel = .levers
    /// Index into `Model.levers`.
    public var selectedLever = 0
    public var selectedNode: Node = .coreweave
    /// A loop's selected entity (index into its entities), when a loop file runs.
    public var selectedEntity = 0
    public var showHelp = false
    /// The focused panel fills the screen.
    public var maximized = false
    /// The panel shown in the main area of the compact layout: the last focused one that is not the levers.
    public var compactTab: Panel = .graph
    /// The risk panel shown in the standard layout's shared slot: the last focused one.
    public var riskTab: Panel = .concentration
    /// The themes `t` cycles through; the current one is what the terminal draws with.
    public var themes = ThemeCycle()
    /// A one-line notice in the status area (an error or a confirmation).
    public var notice: String?
    /// The key bindings in force (the key table with the user's remapping).
    public var keys: KeyMap = .standard
    /// A text field being edited (command line, exact value, help search), if any.
    public var input: TextInput?
    /// A question waiting for an answer (reset all? quit without saving?).
    public var confirm: Confirmation?
    /// Command lines entered this session, oldest first.
    public var history: [String] = []
    /// The caption of the scene last jumped to, shown as a banner until the next change.
    public var caption: String?
    /// The help overlay's search text.
    public var helpQuery = ""
    /// What the mouse last pressed on, for the action its click resolves to.
    public var pointer: MouseTarget?
    /// The lever whose bar is being dragged (pressed on it, not yet released).
    public var dragLever: Int?

    public init() {}

    /// Moves focus to `p`; the compact main area and the risk slot follow it.
    mutating func setFocus(_ p: Panel) {
        focus = p
        if p != .levers { compactTab = p }
        if p.isRisk { riskTab = p }
    }

    /// What a newly loaded scenario keeps: keys, themes, focus and the command history.
    func keptForNewScenario() -> UIState {
        var next = UIState()
        next.keys = keys
        next.themes = themes
        next.focus = focus
        next.history = history
        return next
    }
}
