/// A question the dashboard asks before doing something that cannot be taken back.
public enum Confirmation: Sendable, Equatable {
    case resetAll
    case quit

    /// The question, with the answer keys as `keys` binds them.
    public func question(keys: KeyMap) -> String {
        switch self {
        case .resetAll:
            "Reset every lever to the scenario's values? \(keys.label(.answerYes, in: .resetQuestion)) yes · any other key no"
        case .quit:
            "Unsaved what-if changes. Quit anyway? \(keys.label(.answerYes, in: .quitQuestion)) yes · "
                + "\(keys.label(.saveAndQuit, in: .quitQuestion)) save · any other key no"
        }
    }
}
