import LoopSim

/// The one place the model changes: applies a message and returns the effects the
/// outside world must carry out. Pure: no terminal, no clock, no files.
public func update(_ model: inout Model, _ message: Message) -> [Effect] {
    // The session clock changes nothing else: no need to see what changed.
    if case let .elapsed(seconds) = message {
        model.presentation.elapsed = seconds
        return []
    }
    let before = AnalyticsUpdate.Before(model)
    let narrated = Narration.before(model)
    let effects = updateModel(&model, message) + AnalyticsUpdate.follow(&model, from: before)
    model.presentation.changeTimes.note(model.schedule, seconds: model.presentation.elapsed)
    Narration.follow(&model, from: narrated)
    return effects
}

/// `update` before the analytics follow what changed.
func updateModel(_ model: inout Model, _ message: Message) -> [Effect] {
    switch message {
    case .tick:
        if let effects = ScriptPlayer.tick(&model) { return effects }
        guard !model.paused else { return [] }
        guard model.clock.tick(horizon: model.horizon) else {
            model.notice = "reached the horizon: \(model.keys.key(for: .toStart)) goes back to the start, "
                + "\(model.keys.key(for: .pause)) runs"
            return [.clockChanged]
        }
        return []
    case .frame:
        model.phase &+= 1
        return []
    case .elapsed:
        return []  // handled by `update`
    case let .written(path, error):
        let pending = model.pendingSave?.path == path ? model.pendingSave : nil
        model.pendingSave = nil
        if let error {
            model.notice = error
            return []
        }
        model.notice = "wrote \(path)"
        if let p = pending {
            model.markSaved(p.schedule, to: path)
            if p.thenQuit { return [.quit] }
        }
        return []
    case let .scenarioLoaded(scenario, path):
        model.load(scenario, path: path)
        model.notice = "scenario \(scenario.name) loaded"
        return [.clockChanged]
    case let .loopLoaded(loop, path):
        model.load(LoopSession(loop: loop, path: path))
        model.notice = "loop \(loop.name) loaded: \(loop.entities.count) entities, \(loop.deals.count) deals"
        return [.clockChanged]
    case let .loadFailed(message):
        model.notice = message
        return []
    case let .inputFlood(dropped, quit):
        // The keys taken before the flood was recognised were pasted, not typed: a Monte
        // Carlo run they started is stopped (it would take the cores while the flood is
        // dropped), and what they opened (help, an overlay, a picker) is closed, so the
        // quit key after it quits.
        let stopped = model.analytics.progress != nil ? AnalyticsUpdate.perform(.monteCarlo, &model) : []
        model.notice = "input flood: \(dropped) bytes dropped; only \(model.keys.key(for: .quit)) and Ctrl-C act until it stops"
        model.showHelp = false
        model.analytics.overlay = nil
        return stopped + (quit ? floodQuit(&model) : [])
    case let .shared(state):
        guard model.following else { return [] }
        let before = (model.paused, model.speed)
        model.follow(state)
        return before != (model.paused, model.speed) ? [.clockChanged] : []
    case let .themeLoaded(theme):
        return model.useTheme(theme)
    case let .key(key):
        return handleKey(key, &model)
    case let .mouse(event, width, height):
        return MouseUpdate.handle(event, width: width, height: height, &model)
    case let .analytics(message):
        return AnalyticsUpdate.apply(message, &model)
    }
}

/// A quit key in a flood quits from wherever the dashboard is: a field being typed into or a
/// question is left; unsaved changes still ask first, and a second quit key answers yes.
func floodQuit(_ m: inout Model) -> [Effect] {
    m.input = nil
    let asked = m.confirm == .quit
    m.confirm = nil
    guard asked else { return perform(.quit, key: nil, on: &m) }
    return [.quit]
}

/// Carries out one action of the key table (after `dispatch` has checked it is allowed).
/// `key` is the key pressed, for the digit of `scene` and `jumpToStep`.
func perform(_ action: Action, key: Key?, on m: inout Model) -> [Effect] {
    switch action {
    case .help: m.showHelp.toggle()
    case .quit:
        if m.hasUnsavedChanges, m.served?.asksToSaveOnQuit ?? true {
            m.confirm = .quit
            return []
        }
        return [.quit]
    case .focusNext: m.setFocus(next(m.focus, by: 1, in: m.panels))
    case .focusPrevious: m.setFocus(next(m.focus, by: -1, in: m.panels))
    case .moveUp: move(&m, by: -1)
    case .moveDown: move(&m, by: 1)
    case .leverDown: step(&m, by: -1)
    case .leverUp: step(&m, by: 1)
    case .leverDownCoarse: step(&m, by: -10)
    case .leverUpCoarse: step(&m, by: 10)
    case .resetLever:
        let id = m.currentLever.id
        m.setLever(id, to: m.fileValue(id))
    case .resetAll:
        guard !m.changedLevers.isEmpty || (m.loop == nil && !m.schedule.isEmpty) else { m.notice = "no changes to reset"; break }
        m.confirm = .resetAll
    case .undo: m.undo()
    case .redo: m.redo()
    case .pause:
        m.paused.toggle()
        return [.clockChanged]
    case .stepForward: m.clock.step(by: 1, horizon: m.horizon)
    case .stepBack: m.clock.step(by: -1, horizon: m.horizon)
    case .faster, .slower:
        m.clock.changeSpeed(faster: action == .faster)
        return [.clockChanged]
    case .toStart: m.month = 0
    case .toEnd: m.month = m.horizon
    case .maximize: m.maximized.toggle()
    case .dismiss:
        if m.maximized { m.maximized = false } else { m.caption = nil; m.notice = nil }
    case .closeHelp:
        m.showHelp = false
        m.helpQuery = ""
    case .enterValue:
        let p = m.currentLever
        m.input = TextInput(purpose: .leverValue(p.id), text: Format.parameterValue(m.value(p.id), unit: p.unit))
    case .commandLine: m.input = TextInput(purpose: .command)
    case .save: return save(&m, to: nil)
    case .searchHelp: m.input = TextInput(purpose: .helpSearch, text: m.helpQuery)
    case .scene:
        if let n = key?.digit { jumpToScene(n, &m) }
    case .follow:
        guard m.isFollower else { m.notice = "not following anyone: start with --follow"; break }
        m.following.toggle()
        m.notice = m.following ? "following the presenter" : "exploring alone: \(m.keys.key(for: .follow)) follows again"
        return [.followChanged(m.following)]
    case .nextTheme: return m.cycleTheme()
    case .monteCarlo, .tornado, .compare: return AnalyticsUpdate.perform(action, &m)
    case .present: Presenter.toggle(&m)
    case .nextStep, .previousStep, .jumpToStep, .leaveScript: return ScriptPlayer.perform(action, digit: key?.digit, &m)
    case .answerYes, .saveAndQuit: break  // a question's: `answer`
    case .closeOverlay, .nextMetric, .previousMetric, .choose: break  // an overlay's: `AnalyticsUpdate.overlay`
    case .submitInput, .cancelInput, .complete, .cursorLeft, .cursorRight, .lineStart, .lineEnd, .clearLine,
         .deleteBackward, .deleteForward, .historyPrevious, .historyNext:
        break  // a text field's: `editInput`
    case .point, .setLever: return MouseUpdate.perform(action, &m)
    }
    return []
}

private func next(_ p: Panel, by d: Int, in all: [Panel]) -> Panel {
    let i = all.firstIndex(of: p) ?? 0
    return all[(i + d + all.count) % all.count]
}

private func move(_ m: inout Model, by d: Int) {
    switch m.focus {
    case .levers:
        m.selectedLever = max(0, min(m.levers.count - 1, m.selectedLever + d))
    case .graph where m.loop != nil:
        let n = m.loop?.loop.entities.count ?? 1
        m.ui.selectedEntity = (m.ui.selectedEntity + d + n) % n
    case .graph:
        let order = FundingGraph.selectionOrder
        let i = order.firstIndex(of: m.selectedNode) ?? 0
        m.selectedNode = order[(i + d + order.count) % order.count]
    default:
        break
    }
}

private func step(_ m: inout Model, by steps: Int) {
    let p = m.currentLever
    m.setLever(p.id, to: p.stepped(m.value(p.id), by: steps))
}
