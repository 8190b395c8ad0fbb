import LoopSim

/// Routes a key: through the contexts in force (`Model.keyContexts`) to an action in the
/// key map, past the one check of what the state allows (`Model.refusal(of:)`), to what
/// the context does with it. A text field, a question and an overlay take every key.
func handleKey(_ key: Key, _ m: inout Model) -> [Effect] {
    let contexts = m.keyContexts
    let action = m.keys.action(for: key, in: contexts)
    switch contexts.first {
    case .input?:
        return editInput(action, key, &m)
    case .numbers?:
        m.served?.numbers = nil  // any key closes them, and does nothing else
        return []
    case .resetQuestion?, .quitQuestion?:
        guard let question = m.confirm else { return [] }
        m.confirm = nil
        return answer(question, with: action, &m)
    case .tornado?, .picker?, .comparison?:
        return action.map { AnalyticsUpdate.overlay($0, &m) } ?? []
    default:
        guard let action else { return [] }
        return dispatch(action, key: key, &m)
    }
}

/// Performs a key-table action if the state allows it, else shows why not.
func dispatch(_ action: Action, key: Key?, _ m: inout Model) -> [Effect] {
    if !action.keepsNotice { m.notice = nil }
    if let reason = m.refusal(of: action) {
        m.notice = reason
        return []
    }
    return perform(action, key: key, on: &m)
}

extension Action {
    /// Closing help, searching it and Esc leave the notice; every other action clears it.
    var keepsNotice: Bool { self == .closeHelp || self == .searchHelp || self == .dismiss }
}

extension Key {
    /// The digit of a digit key (`1…9` for scenes and script steps).
    var digit: Int? {
        if case let .char(c) = self { return c.wholeNumberValue }
        return nil
    }
}

/// The answer to a pending question: its yes (or save-then-quit) action, else no.
private func answer(_ question: Confirmation, with action: Action?, _ m: inout Model) -> [Effect] {
    switch (question, action) {
    case (.resetAll, .answerYes?):
        m.resetAllLevers()
        m.notice = m.leversResetNotice
    case (.quit, .answerYes?):
        return [.quit]
    case (.quit, .saveAndQuit?):
        return save(&m, to: nil, thenQuit: true)
    default:
        m.notice = "cancelled"
    }
    return []
}

extension Model {
    /// After every lever is reset, from a key or `:reset`: how to take it back, with the undo
    /// key as bound.
    var leversResetNotice: String { "all levers reset (\(keys.key(for: .undo)) undoes)" }
}
