/// The rules of a dashboard that `moneyloop serve` runs for an attendee. It runs as the
/// presenter's user, so nothing an attendee types may read, write or reveal a file: no
/// `:save`, `:export` or `:record`, no save question on quit, and `:scenario`, `:theme`,
/// `t` and `c` take only the names listed here. `Model.refusal(of:)` refuses in words an
/// attendee understands; the file-effect runner refuses again (defence in depth). Instead of
/// a file, `:export` shows the numbers on screen as text to copy (`ServedNumbers.swift`).
public struct ServedSession: Sendable, Equatable {
    /// How the attendee logged in.
    public enum Access: String, Sendable, CaseIterable {
        /// With an authorized key: a key holder's rights, minus files.
        case key
        /// With the room's passcode: a read-only follower, whatever they press.
        case passcode
    }

    public var access: Access
    /// The scenario names `:scenario` and `c` accept: the bundled ones and those the
    /// presenter allowed (`serve --allow-scenario`).
    public var scenarios: [String]
    /// The theme names `:theme` and `t` accept: the bundled ones and those the presenter
    /// allowed (`serve --allow-theme`).
    public var themes: [String]
    /// The what-if's numbers as text (`:export`), shown over the dashboard until a key.
    public var numbers: [String]?

    public init(access: Access, scenarios: [String], themes: [String]) {
        self.access = access
        self.scenarios = scenarios
        self.themes = themes
    }

    // MARK: What an attendee reads

    static let presentersComputer = "this shared dashboard runs on the presenter's computer"
    /// `:save`, `s`, and any write the runner is asked for.
    public static let saveRefused = "can't save here: " + presentersComputer
    public static let recordRefused = "can't record here: " + presentersComputer
    /// The line above the numbers `:export` shows.
    public static let numbersTitle = "The numbers of this what-if, to select and copy (no file is written here) · any key closes"
    /// Every key or command a passcode viewer may not use.
    public static let viewOnly = "view only: the presenter drives this screen"
    /// A file error in a served session: never the file's content, never whether it exists.
    public static func unavailable(_ what: String, _ name: String) -> String {
        "\(what) '\(name.prefix(40))' is not available here"
    }

    /// The refusal for a scenario name that is not on the list.
    public func scenarioRefused(_ name: String) -> String {
        Self.unavailable("scenario", name) + "; viewers can pick: " + scenarios.joined(separator: ", ")
    }

    /// The refusal for a theme name that is not on the list.
    public func themeRefused(_ name: String) -> String {
        Self.unavailable("theme", name) + "; viewers can pick: " + themes.joined(separator: ", ")
    }

    // MARK: The rules

    /// The actions a passcode viewer may use: looking, the analytics views, themes and the
    /// command line (whose commands are checked again); not `f`, which would leave the
    /// presenter, and nothing that changes the what-if or the clock (`ActionReach`).
    public static let passcodeActions: Set<Action> = Set(Action.allCases.filter { $0.reach == .view && $0 != .follow })
        .union([.commandLine])

    /// Why `action` is refused in this session; nil when it may go ahead.
    public func refusal(_ action: Action) -> String? {
        if action == .save { return Self.saveRefused }
        if access == .passcode && !Self.passcodeActions.contains(action) { return Self.viewOnly }
        return nil
    }

    /// Why `command` is refused in this session; nil when it may go ahead.
    public func refusal(_ command: LineCommand) -> String? {
        switch command {
        case .save: return Self.saveRefused
        case .record: return Self.recordRefused
        case .export: return nil
        case let .scenario(name):
            if access == .passcode { return Self.viewOnly }
            return scenarios.contains(name) ? nil : scenarioRefused(name)
        case let .theme(name):
            return themes.contains(name) ? nil : themeRefused(name)
        case .set, .reset, .scene:
            return access == .passcode ? Self.viewOnly : nil
        case .help, .quit, .narrate:
            return nil
        }
    }

    /// Quitting never asks to save: nothing can be saved.
    public var asksToSaveOnQuit: Bool { false }
}
