import LoopSim

/// The speeds the clock steps through with `+` and `-`, in months per second.
public let clockSpeeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32]

/// The one place the model changes: applies a message and returns the effects the
/// outside world must carry out. Pure: no terminal, no clock, no files.
public func update(_ model: inout Model, _ message: Message) -> [Effect] {
    switch message {
    case .tick:
        guard !model.paused else { return [] }
        if model.month < model.horizon {
            model.month += 1
        } else {
            model.paused = true
            model.notice = "reached the horizon: Home restarts"
            return [.clockChanged]
        }
        return []
    case .frame:
        model.phase &+= 1
        return []
    case .resize:
        return []
    case let .key(key):
        if model.showHelp, key == .escape { model.showHelp = false; return [] }
        if key == .escape, model.maximized { model.maximized = false; return [] }
        guard let action = KeyTable.action(for: key, focus: model.focus) else { return [] }
        model.notice = nil
        return perform(action, on: &model)
    }
}

/// Carries out one key-table action.
func perform(_ action: Action, on m: inout Model) -> [Effect] {
    switch action {
    case .help: m.showHelp.toggle()
    case .quit:
        m.quitRequested = true
        return [.quit]
    case .focusNext: m.setFocus(next(m.focus, by: 1))
    case .focusPrevious: m.setFocus(next(m.focus, by: -1))
    case .moveUp: move(&m, by: -1)
    case .moveDown: move(&m, by: 1)
    case .leverDown: step(&m, by: -1)
    case .leverUp: step(&m, by: 1)
    case .leverDownCoarse: step(&m, by: -10)
    case .leverUpCoarse: step(&m, by: 10)
    case .resetLever:
        let id = m.currentLever.id
        m.setLever(id, to: m.scenario.parameters[id])
    case .resetAll:
        guard !m.schedule.isEmpty else { m.notice = "no changes to reset"; break }
        m.replaceSchedule(LeverSchedule(base: m.scenario.parameters))
        m.notice = "all levers reset (u undoes)"
    case .undo: m.undo()
    case .redo: m.redo()
    case .pause:
        m.paused.toggle()
        return [.clockChanged]
    case .stepForward:
        m.month = min(m.horizon, m.month + 1)
    case .stepBack:
        m.month = max(0, m.month - 1)
    case .faster, .slower:
        let i = clockSpeeds.firstIndex { $0 >= m.speed } ?? clockSpeeds.count - 1
        let j = max(0, min(clockSpeeds.count - 1, i + (action == .faster ? 1 : -1)))
        m.speed = clockSpeeds[j]
        return [.speedChanged]
    case .toStart: m.month = 0
    case .toEnd: m.month = m.horizon
    case .maximize: m.maximized.toggle()
    }
    return []
}

private func next(_ p: Panel, by d: Int) -> Panel {
    let all = Panel.allCases
    let i = all.firstIndex(of: p)!
    return all[(i + d + all.count) % all.count]
}

private func move(_ m: inout Model, by d: Int) {
    switch m.focus {
    case .levers:
        m.selectedLever = max(0, min(m.levers.count - 1, m.selectedLever + d))
    case .graph:
        let order = FundingGraph.selectionOrder
        let i = order.firstIndex(of: m.selectedNode) ?? 0
        m.selectedNode = order[(i + d + order.count) % order.count]
    case .runway, .concentration, .stall, .factcheck:
        break
    }
}

private func step(_ m: inout Model, by steps: Int) {
    let p = m.currentLever
    m.setLever(p.id, to: p.stepped(m.value(p.id), by: steps))
}
