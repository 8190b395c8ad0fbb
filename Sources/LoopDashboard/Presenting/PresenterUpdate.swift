/// The key map seen by a presenter: the script context's bindings, the reduced hint bar
/// (bindings flagged `presenter`), and what `--read-only` allows. All derived from
/// the key map's bindings (the key table with any remapping); no second list of keys.
extension KeyMap {
    /// The action bound to `key` in the script context (while a demo script plays).
    public func scriptAction(for key: Key) -> Action? {
        bindings.first { $0.context == .script && $0.keys.contains(key) }?.action
    }

    /// The bindings the hint bar shows. Presenting: those flagged `presenter`. While a
    /// script plays, its bindings come first and hide others bound to the same keys.
    public func hints(focus: Panel, presentation: Presentation) -> [KeyBinding] {
        let scripted = presentation.player != nil
        let script = scripted ? bindings.filter { $0.context == .script } : []
        let taken = Set(script.flatMap(\.keys))
        let rest = presentation.presenting
            ? bindings.filter { $0.presenter && $0.context != .script }
            : hints(focus: focus)
        return script + rest.filter { !$0.keys.contains(where: taken.contains) }
    }
}

extension Action {
    /// What `--read-only` lets through: looking, moving in time, presenting, themes,
    /// following, the analytics views. Everything else (levers, undo, resets, scenes, typed
    /// values, the command line, saving, and any action added later until it is listed
    /// here) shows a notice instead.
    public static let allowedWhenReadOnly: Set<Action> = [
        .help, .quit, .focusNext, .focusPrevious, .moveUp, .moveDown,
        .pause, .stepForward, .stepBack, .faster, .slower, .toStart, .toEnd, .maximize,
        .present, .nextStep, .previousStep, .jumpToStep, .leaveScript,
        .nextTheme, .follow, .monteCarlo, .tornado, .compare,
    ]
}

/// What `update` does for presenter mode and the read-only lock.
enum Presenter {
    /// The notice shown for a key `--read-only` refuses.
    static let readOnlyNotice = "locked: read-only"

    /// Refuses `action` with a notice when the dashboard is read-only and the action would
    /// change something; nil when it may go ahead.
    static func refuse(_ action: Action, _ model: inout Model) -> [Effect]? {
        guard model.presentation.readOnly, !Action.allowedWhenReadOnly.contains(action) else { return nil }
        model.notice = readOnlyNotice
        return []
    }

    /// `p`: presenter mode on or off; on a light background, suggests the light theme.
    static func toggle(_ model: inout Model) {
        model.presentation.presenting.toggle()
        guard model.presentation.presenting else {
            model.notice = "presenter mode off"
            return
        }
        model.notice = ProjectorHint.notice(lightBackground: model.presentation.lightBackground,
                                            theme: model.themes.current) ?? "presenter mode: p for the full dashboard"
    }
}
