/// A question the dashboard asks before doing something that cannot be taken back.
public enum Confirmation: Sendable, Equatable {
    case resetAll
    case quit

    /// The question, with the answer keys.
    public var question: String {
        switch self {
        case .resetAll: "Reset every lever to the scenario's values? y/Enter yes · any other key no"
        case .quit: "Unsaved what-if changes. Quit anyway? y/q yes · s save · any other key no"
        }
    }
}
