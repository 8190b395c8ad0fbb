/// What an action or a `:` command touches, which decides whether the dashboard's state
/// allows it: following a presenter leaves the what-if and the clock to them;
/// `--read-only` locks the what-if and files. `Model.refusal(of:)` adds a served
/// session's rules: the one place that decides what an action may do.
public enum ActionReach: Sendable, CaseIterable {
    /// Looking: focus, overlays, themes, presenting, the analytics views.
    case view
    /// The simulation clock: pause, step, speed.
    case clock
    /// The what-if: levers, resets, undo, scenes, scenarios.
    case whatIf
    /// Writing files, and the command line that writes them.
    case files

    /// The notice shown for an action a follower leaves to the presenter, naming the key
    /// that explores alone as `keys` binds it.
    public static func followingNotice(keys: KeyMap) -> String {
        "following the presenter: \(keys.key(for: .follow)) to explore alone"
    }
    /// The notice shown for an action `--read-only` refuses.
    public static let readOnlyNotice = "locked: read-only"

    /// Why something of this reach is refused in `model`'s state; nil when it may go ahead.
    public func refusal(in model: Model) -> String? {
        if model.following, self == .clock || self == .whatIf { return Self.followingNotice(keys: model.keys) }
        if model.presentation.readOnly, self == .whatIf || self == .files { return Self.readOnlyNotice }
        return nil
    }

    /// The states that refuse it, as the key table's docs write them ("following, read-only").
    var refusedWhile: [String] {
        switch self {
        case .view: []
        case .clock: ["following"]
        case .whatIf: ["following", "read-only"]
        case .files: ["read-only"]
        }
    }
}

extension Model {
    /// Why `action` is refused now, nil when it may go ahead: a served session's rules
    /// first, then following, then `--read-only`. The one check for keys.
    public func refusal(of action: Action) -> String? {
        served?.refusal(action) ?? action.reach.refusal(in: self) ?? loopRefusal(of: action)
    }

    /// The same check for a `:` command.
    public func refusal(of command: LineCommand) -> String? {
        served?.refusal(command) ?? command.reach.refusal(in: self) ?? loopRefusal(of: command)
    }

    /// Why an action that belongs to the article's engine is refused while a loop file runs.
    func loopRefusal(of action: Action) -> String? {
        guard let s = loop else { return nil }
        switch action {
        case .save: return "a loop's levers are not saved to its file: --set gives them on the command line"
        case .monteCarlo: return "Monte Carlo of a loop: moneyloop simulate --scenario \(s.loop.name) --monte-carlo N"
        case .tornado: return "the tornado ranks the article's parameters; a loop's levers are on the levers panel"
        case .scene: return "a loop file has no scenes"
        default: return nil
        }
    }

    func loopRefusal(of command: LineCommand) -> String? {
        switch command {
        case .save: loopRefusal(of: .save)
        case .scene: loopRefusal(of: .scene)
        case .record: loop == nil ? nil : "a loop session is not recorded: write its steps as a demo script (docs/presenting.md)"
        default: nil
        }
    }
}

extension Action {
    /// The states that refuse it, for the key table's docs: following, read-only, and in a
    /// dashboard `moneyloop serve` runs, served (any attendee) or passcode (a passcode viewer).
    public var refusedWhile: [String] {
        let served = ServedSession(access: .key, scenarios: [], themes: [])
        let passcode = ServedSession(access: .passcode, scenarios: [], themes: [])
        return reach.refusedWhile + (served.refusal(self) != nil ? ["served"] : passcode.refusal(self) != nil ? ["passcode"] : [])
    }
}
