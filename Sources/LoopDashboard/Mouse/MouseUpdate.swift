/// What the mouse does to the model: it points (the hit test), then takes the keys' road.
/// A press focuses the panel or tab under it and sends `Click` through the key table's
/// contexts (levers: set the lever; help: close it; anywhere: select the node or tab); the
/// wheel focuses the panel under it and sends `Wheel↑`/`Wheel↓` (levers: step the selected
/// lever; graph: the next node). Pointing (focus, tab, the lever selected) only looks;
/// what changes the what-if is refused as the keys are (`Model.refusal(of:)`): a follower's
/// click and wheel never change a lever.
enum MouseUpdate {
    static func handle(_ e: MouseEvent, width: Int, height: Int, _ m: inout Model) -> [Effect] {
        // A text field, a question, an overlay or the served numbers take keys only.
        guard let first = m.keyContexts.first, !modal.contains(first) else {
            m.ui.dragLever = nil
            return []
        }
        switch e.kind {
        case .release:
            m.ui.dragLever = nil
            return []
        case .drag:
            guard let lever = m.ui.dragLever, lever < m.levers.count else { return [] }
            if let reason = m.refusal(of: .setLever) { m.notice = reason; m.ui.dragLever = nil; return [] }
            guard let v = MouseHit.dragValue(m, index: lever, width: width, height: height, x: e.x) else { return [] }
            m.setLever(m.levers[lever].id, to: v, recordingUndo: false)
            return []
        case .press, .wheelUp, .wheelDown:
            m.ui.dragLever = nil
            let target = MouseHit.target(m, width: width, height: height, x: e.x, y: e.y)
            if m.showHelp {
                // Under the help only a click acts: it closes the help.
                return e.kind == .press ? handleKey(.click, &m) : []
            }
            guard let target else { return [] }
            m.ui.pointer = target
            if let p = target.panel, p != m.focus { m.setFocus(p) }
            if case let .lever(i, value) = target {
                m.selectedLever = i
                if value == nil, e.kind == .press { return [] }
            }
            return handleKey(e.kind == .press ? .click : e.kind == .wheelUp ? .wheelUp : .wheelDown, &m)
        }
    }

    /// The contexts that take keys alone.
    private static let modal: Set<KeyContext> = [.input, .numbers, .resetQuestion, .quitQuestion, .tornado, .picker,
                                                 .comparison]

    /// The mouse's actions, once `dispatch` has allowed them: `point` selects the node
    /// pointed at (focus, tab and lever follow the pointer already); `setLever` sets the
    /// lever pointed at to the value under the pointer and starts a drag.
    static func perform(_ action: Action, _ m: inout Model) -> [Effect] {
        switch (action, m.ui.pointer) {
        case let (.point, .node(n)?):
            m.selectedNode = n
        case let (.setLever, .lever(i, value?)?):
            m.setLever(m.levers[i].id, to: value)
            m.ui.dragLever = i
        default:
            break
        }
        return []
    }
}

extension MouseTarget {
    /// The panel the target lies in (a tab's panel for a tab).
    var panel: Panel? {
        switch self {
        case let .tab(p), let .panel(p): p
        case .lever: .levers
        case .node: .graph
        }
    }
}
