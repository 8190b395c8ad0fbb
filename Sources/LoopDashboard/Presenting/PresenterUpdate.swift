/// The hint bar seen by a presenter: the script context's bindings and the reduced bar
/// (bindings flagged `presenter`), derived from the key map; no second list of keys.
extension KeyMap {
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

/// What `update` does for presenter mode (the read-only lock is `ActionReach`'s).
enum Presenter {
    /// `p`: presenter mode on or off; on a light background, suggests the light theme.
    static func toggle(_ model: inout Model) {
        model.presentation.presenting.toggle()
        guard model.presentation.presenting else {
            model.notice = "presenter mode off"
            return
        }
        model.notice = ProjectorHint.notice(lightBackground: model.presentation.lightBackground,
                                            theme: model.themes.current, keys: model.keys)
            ?? "presenter mode: \(model.keys.key(for: .present)) for the full dashboard"
    }
}
