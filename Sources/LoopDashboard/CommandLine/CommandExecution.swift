import LoopConfig
import LoopReport
import LoopSim

/// Edits the text field with `action` (bound in the `input` context) or types `key`;
/// submitting runs it, cancelling closes it, completing works on the command line.
func editInput(_ action: Action?, _ key: Key, _ m: inout Model) -> [Effect] {
    guard var input = m.input else { return [] }
    switch action {
    case .cancelInput?:
        m.input = nil
        if input.purpose == .helpSearch { m.helpQuery = "" }
        return []
    case .submitInput?:
        return submit(input, &m)
    case .complete? where input.purpose == .command:
        let (line, choices) = CommandParser.complete(input.text)
        input.text = line
        input.cursor = line.count
        input.error = choices.isEmpty ? nil : choices.prefix(8).joined(separator: " ")
    default:
        _ = input.edit(action, key: key, history: input.purpose == .command ? m.history : [])
    }
    m.input = input
    if input.purpose == .helpSearch { m.helpQuery = input.text }
    return []
}

/// Acts on a submitted text field. A refused line stays open with the reason under it.
private func submit(_ input: TextInput, _ m: inout Model) -> [Effect] {
    switch input.purpose {
    case .helpSearch:
        m.input = nil
        return []
    case let .leverValue(id):
        guard let p = m.levers.first(where: { $0.id == id }) ?? ParameterRegistry.parameter(id) else {
            m.input = nil
            return []
        }
        do {
            let v = try ValueParser.parse(input.text, for: p)
            m.input = nil
            m.setLever(id, to: v)
        } catch {
            m.input?.error = error.message
        }
        return []
    case .command:
        let line = input.text.trimmingSpaces()
        if !line.isEmpty, m.history.last != line { m.history.append(line) }
        do {
            let command = try CommandParser.parse(line)
            m.input = nil
            return run(command, &m)
        } catch {
            m.input?.error = error.message
            return []
        }
    }
}

/// Carries out a parsed command if the state allows it (the same check as for keys).
func run(_ command: LineCommand, _ m: inout Model) -> [Effect] {
    if let reason = m.refusal(of: command) {
        m.notice = reason
        return []
    }
    switch command {
    case let .set(id, _) where !m.levers.contains(where: { $0.id == id }) && m.loop != nil:
        m.notice = "\(id) is not a lever of a loop file; its levers: " + m.levers.map(\.id.rawValue).joined(separator: ", ")
    case let .set(id, _) where LoopLever(id) != nil && ParameterRegistry.parameter(id) == nil && m.loop == nil:
        m.notice = "\(id) is a lever of loop files (:scenario ai-web-2025 opens one)"
    case let .set(id, value):
        m.setLever(id, to: value)
        if let i = m.levers.firstIndex(where: { $0.id == id }) { m.selectedLever = i }
    case let .reset(id):
        if let id {
            m.setLever(id, to: m.fileValue(id))
        } else {
            m.resetAllLevers()
            m.notice = m.leversResetNotice
        }
    case let .scene(n):
        jumpToScene(n, &m)
    case let .scenario(name):
        return [.loadScenario(name)]
    case let .theme(name):
        m.notice = nil
        return m.selectTheme(named: name)
    case let .save(path):
        return save(&m, to: path)
    case .export where m.served != nil:
        ServedSession.showNumbers(&m)
    case let .export(path, .svg):
        return [.exportScreen(path: path)]
    case let .export(path, format) where m.loop != nil:
        let s = m.loop!
        return [.write(path: path, contents: LoopReport.render(s.loop, s.projection, format: format == .csv ? .csv : .json))]
    case let .export(path, format):
        let text = format == .csv ? SimulationReport.csv(m.projection)
            : SimulationReport.json(m.scenarioWithWhatIf, m.projection).text(pretty: true) + "\n"
        return [.write(path: path, contents: text)]
    case let .record(path):
        return [.write(path: path, contents: DemoScriptWriter.yaml(DemoScript.recording(of: m)))]
    case let .narrate(on):
        m.presentation.narration.enabled = on ?? !m.presentation.narration.enabled
    case .help:
        m.showHelp = true
    case .quit:
        return dispatch(.quit, key: nil, &m)
    }
    return []
}

/// Jumps to scene `n` of the scenario (a digit key or `:scene N`).
func jumpToScene(_ n: Int, _ m: inout Model) {
    guard n >= 1, n <= m.scenario.scenes.count else {
        m.notice = "scenario \(m.scenario.name) has \(m.scenario.scenes.count) scenes; no scene \(n)"
        return
    }
    m.apply(m.scenario.scenes[n - 1])
}

/// Writes the scenario with the what-if to `path`, or where it came from, or
/// `NAME-whatif.yaml` for a bundled scenario.
func save(_ m: inout Model, to path: String?, thenQuit: Bool = false) -> [Effect] {
    let target = path ?? m.scenarioPath ?? "\(m.scenario.name)-whatif.yaml"
    m.pendingSave = PendingSave(path: target, schedule: m.schedule, thenQuit: thenQuit)
    return [.write(path: target, contents: ScenarioWriter.yaml(m.scenarioWithWhatIf))]
}

/// A save on its way to disk: marked saved only once the write succeeds.
public struct PendingSave: Sendable, Equatable {
    public var path: String
    public var schedule: LeverSchedule
    public var thenQuit: Bool
}

extension Model {
    /// Jumps to a scene: its month (when it names one), its lever values from then on
    /// (one undo step), and its caption as a banner.
    public mutating func apply(_ scene: Scene) {
        if let month = scene.month { self.month = min(horizon, month) }
        var next = schedule
        for l in scene.levers { next.apply(LeverChange(month: month, id: l.id, value: l.value)) }
        replaceSchedule(next)
        caption = scene.caption.isEmpty ? scene.name : "\(scene.name): \(scene.caption)"
    }
}
