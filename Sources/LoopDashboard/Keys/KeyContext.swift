/// Where a binding applies. The dashboard's state picks the contexts in force, most
/// specific first (`Model.keyContexts`); a key goes to the first of them that binds it.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, levers, graph
    /// While a demo script plays; these bindings win over the others for their keys.
    case script
    /// The help overlay (its keys win; the others still work under it).
    case help
    /// The questions: reset all levers? quit without saving? Any other key answers no.
    case resetQuestion, quitQuestion
    /// The analytics overlays; they take every key, binding only these.
    case tornado, picker, comparison
    /// A text field; a key it does not bind is typed into it.
    case input
    /// A served dashboard's numbers (`:export`); any key closes them.
    case numbers

    /// How the help and the README name it.
    public var place: String {
        switch self {
        case .global: "anywhere"
        case .levers: "levers panel"
        case .graph: "graph panel"
        case .script: "demo script"
        case .help: "help"
        case .resetQuestion: "reset question"
        case .quitQuestion: "quit question"
        case .tornado: "tornado"
        case .picker: "scenario picker"
        case .comparison: "comparison"
        case .input: "text field"
        case .numbers: "served numbers"
        }
    }

    /// The context of a focused panel; nil for panels with no bindings of their own.
    static func of(_ focus: Panel) -> KeyContext? {
        switch focus {
        case .levers: .levers
        case .graph: .graph
        default: nil
        }
    }
}

extension Model {
    /// The contexts in force, most specific first. A text field, a served dashboard's
    /// numbers, a question or an overlay takes the keys alone; otherwise help, the script, the focused panel, then global.
    public var keyContexts: [KeyContext] {
        if input != nil { return [.input] }
        if served?.numbers != nil { return [.numbers] }
        switch confirm {
        case .resetAll?: return [.resetQuestion]
        case .quit?: return [.quitQuestion]
        case nil: break
        }
        switch analytics.overlay {
        case .tornado?: return [.tornado]
        case .picker?: return [.picker]
        case .comparison?: return [.comparison]
        case nil: break
        }
        var contexts: [KeyContext] = []
        if showHelp { contexts.append(.help) }
        if presentation.player != nil { contexts.append(.script) }
        if let panel = KeyContext.of(focus) { contexts.append(panel) }
        return contexts + [.global]
    }
}
