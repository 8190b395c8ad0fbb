/// What an action or a `:` command touches. The one place that decides whether the
/// dashboard's state allows it: following a presenter leaves the what-if and the clock to
/// them; `--read-only` locks the what-if and files.
public enum ActionReach: Sendable, CaseIterable {
    /// Looking: focus, overlays, themes, presenting, the analytics views.
    case view
    /// The simulation clock: pause, step, speed.
    case clock
    /// The what-if: levers, resets, undo, scenes, scenarios.
    case whatIf
    /// Writing files, and the command line that writes them.
    case files

    /// The notice shown for an action a follower leaves to the presenter.
    public static let followingNotice = "following the presenter: f to explore alone"
    /// The notice shown for an action `--read-only` refuses.
    public static let readOnlyNotice = "locked: read-only"

    /// Why something of this reach is refused in `model`'s state; nil when it may go ahead.
    public func refusal(in model: Model) -> String? {
        if model.following, self == .clock || self == .whatIf { return Self.followingNotice }
        if model.presentation.readOnly, self == .whatIf || self == .files { return Self.readOnlyNotice }
        return nil
    }

    /// The states that refuse it, as the key table's docs write them ("following, read-only").
    public var refusedWhile: [String] {
        switch self {
        case .view: []
        case .clock: ["following"]
        case .whatIf: ["following", "read-only"]
        case .files: ["read-only"]
        }
    }
}
