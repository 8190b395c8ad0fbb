import LoopSim

/// The whole state of the dashboard, in parts that each have their own small update:
/// the scenario and its what-if (`session`), the clock, what is open on screen (`ui`),
/// the analytics, presenting and sharing. A value: `update` takes one and gives the next.
/// The properties below the parts read and write them under their old names.
public struct Model: Sendable, Equatable {
    public private(set) var session: Session
    public var clock: ClockState
    public var ui = UIState()
    /// Monte Carlo bands, the tornado and the comparison (`m`, `K`, `c`).
    public var analytics = AnalyticsState()
    /// Presenter mode, the read-only lock and the demo script being played.
    public var presentation = Presentation()
    public var sharing = SharingState()
    /// The loop file the dashboard runs on the generic engine, when one is open; nil runs
    /// the article's scenario (`session`). The panels read whichever is in force.
    public private(set) var loop: LoopSession?
    /// The article graph's remembered layout (a loop's lives in its `LoopSession`): frames
    /// that only move the clock reuse the routes instead of routing every frame.
    public let articleGraphMemo = GraphLayoutMemo()

    /// The levers offered on the levers panel: utilization first (a loop's: firmness first).
    public var levers: [Parameter] { loop == nil ? ParameterRegistry.levers : LoopSession.parameters }

    public init(scenario: Scenario = .article2025, paused: Bool = false) {
        session = Session(scenario: scenario)
        clock = ClockState(paused: paused)
    }

    /// Replaces the scenario (`:scenario`): a new baseline, levers as the file gives them,
    /// the clock back to the start; undo history cleared. Keys, themes, focus, history,
    /// the clock's speed, presenting (without its script) and sharing stay.
    public mutating func load(_ scenario: Scenario, path: String?) {
        session = Session(scenario: scenario, path: path)
        loop = nil
        restart()
    }

    /// Opens a loop file on the generic engine (`--scenario`, `:scenario`), as `load` does a scenario.
    public mutating func load(_ loop: LoopSession) {
        self.loop = loop
        restart()
        if !panels.contains(focus) { ui.focus = .levers }
        ui.riskTab = .concentration
        ui.compactTab = panels.contains(ui.compactTab) ? ui.compactTab : .graph
        ui.selectedEntity = loop.firstToNeedMoney?.entity ?? loop.insiders.first ?? 0
    }

    /// The panels shown: a loop has no stall cost or fact check (those are the article's).
    public var panels: [Panel] { loop == nil ? Panel.allCases : [.graph, .levers, .runway, .concentration] }

    /// A panel's title for what runs: a loop's concentration slot holds its round-trip ledger.
    public func title(of p: Panel) -> String { Self.title(of: p, loop: loop != nil) }

    /// A panel's title for the article's scenario or, with `loop`, a loop file.
    public static func title(of p: Panel, loop: Bool) -> String {
        guard loop else { return p.title }
        switch p {
        case .concentration: return "Round trip: vendor-financed sales"
        case .runway: return "Cash runway"
        case .levers: return "Levers"
        default: return p.title
        }
    }

    /// A panel's tab name for what runs.
    public func tabTitle(of p: Panel) -> String { loop != nil && p == .concentration ? "Round trip" : p.tabTitle }

    /// The clock back to the start and the view ready for a new scenario or loop.
    private mutating func restart() {
        clock.month = 0
        clock.phase = 0
        ui = ui.keptForNewScenario()
        analytics = AnalyticsState()  // `update` keeps its settings (AnalyticsUpdate.follow)
        presentation.player = nil  // a script belongs to its own scenario
    }

    // MARK: The parts under their old names

    public var scenario: Scenario { session.scenario }
    public var schedule: LeverSchedule { session.schedule }
    public var baseline: Projection { session.baseline }
    public var projection: Projection { session.projection }
    public var undoStack: [LeverSchedule] { session.undoStack }
    public var redoStack: [LeverSchedule] { session.redoStack }
    public var savedSchedule: LeverSchedule { session.savedSchedule }
    public var scenarioPath: String? {
        get { loop.map(\.path) ?? session.path }
        set { if loop != nil { loop?.path = newValue } else { session.path = newValue } }
    }
    public var pendingSave: PendingSave? { get { session.pendingSave } set { session.pendingSave = newValue } }
    /// A loop's what-if is not saved (`:save` writes article scenarios), so it never asks.
    public var hasUnsavedChanges: Bool { loop == nil && session.hasUnsavedChanges }

    /// The name and first month of what runs: the loop's when one is open.
    public var scenarioName: String { loop?.loop.name ?? scenario.name }
    public var start: YearMonth { loop?.loop.start ?? scenario.start }

    public var month: Int { get { clock.month } set { clock.month = newValue } }
    public var paused: Bool { get { clock.paused } set { clock.paused = newValue } }
    public var speed: Double { get { clock.speed } set { clock.speed = newValue } }
    public var phase: Int { get { clock.phase } set { clock.phase = newValue } }

    public var focus: Panel { get { ui.focus } set { ui.focus = newValue } }
    public var selectedLever: Int { get { ui.selectedLever } set { ui.selectedLever = newValue } }
    public var selectedNode: Node { get { ui.selectedNode } set { ui.selectedNode = newValue } }
    public var showHelp: Bool { get { ui.showHelp } set { ui.showHelp = newValue } }
    public var maximized: Bool { get { ui.maximized } set { ui.maximized = newValue } }
    public var compactTab: Panel { get { ui.compactTab } set { ui.compactTab = newValue } }
    public var riskTab: Panel { get { ui.riskTab } set { ui.riskTab = newValue } }
    public var themes: ThemeCycle { get { ui.themes } set { ui.themes = newValue } }
    public var notice: String? { get { ui.notice } set { ui.notice = newValue } }
    public var keys: KeyMap { get { ui.keys } set { ui.keys = newValue } }
    public var input: TextInput? { get { ui.input } set { ui.input = newValue } }
    public var confirm: Confirmation? { get { ui.confirm } set { ui.confirm = newValue } }
    public var history: [String] { get { ui.history } set { ui.history = newValue } }
    public var caption: String? { get { ui.caption } set { ui.caption = newValue } }
    public var helpQuery: String { get { ui.helpQuery } set { ui.helpQuery = newValue } }

    public var following: Bool { get { sharing.following } set { sharing.following = newValue } }
    public var isFollower: Bool { get { sharing.isFollower } set { sharing.isFollower = newValue } }
    public var served: ServedSession? { get { sharing.served } set { sharing.served = newValue } }

    /// Takes the current what-if as nothing to save (a follower's levers are the presenter's).
    public mutating func acceptAsSaved() { session.acceptAsSaved() }

    /// Records that the what-if `saved` has been written to `path`.
    public mutating func markSaved(_ saved: LeverSchedule, to path: String) { session.markSaved(saved, to: path) }

    /// The scenario with the what-if folded in, as `:save` writes it.
    public var scenarioWithWhatIf: Scenario {
        var s = scenario
        s.changes = schedule.changes
        return s
    }

    /// The horizon in months.
    public var horizon: Int { loop?.projection.horizon ?? projection.horizon }

    /// Moves focus to `p`; the compact main area and the risk slot follow it.
    public mutating func setFocus(_ p: Panel) { ui.setFocus(panels.contains(p) ? p : .levers) }

    /// The what-if's value of a parameter at the present month.
    public func value(_ id: ParameterID) -> Double { loop?.value(id) ?? schedule.values(at: month)[id] }

    /// A lever's value as the scenario or loop file gives it: where `0` resets it to.
    public func fileValue(_ id: ParameterID) -> Double { loop?.fileValue(id) ?? scenario.parameters[id] }

    /// The lever under the cursor.
    public var currentLever: Parameter { levers[max(0, min(levers.count - 1, selectedLever))] }

    /// The present month's snapshot of the what-if.
    public var now: MonthSnapshot { projection.month(month) }

    /// Sets a lever from the present month on, recording undo (unless `recordingUndo` is
    /// false: a drag continues the change its press began). Out-of-range values clamp.
    public mutating func setLever(_ id: ParameterID, to value: Double, recordingUndo: Bool = true) {
        if loop != nil {
            loop?.set(id, to: value, recordingUndo: recordingUndo)
            return
        }
        guard let p = ParameterRegistry.parameter(id) else { return }
        let v = p.clamp(value)
        guard v != self.value(id) else { return }
        var next = schedule
        next.apply(LeverChange(month: month, id: id, value: v))
        session.replace(next, recordingUndo: recordingUndo)
    }

    /// Replaces the schedule (recording undo) and recomputes the what-if.
    public mutating func replaceSchedule(_ next: LeverSchedule) { session.replace(next) }

    /// Replaces the schedule with `next`, whose projection (`projected`) is computed already.
    mutating func replaceSchedule(_ next: LeverSchedule, projected: Projection?) { session.replace(next, projected: projected) }

    /// Takes copies of equal values made elsewhere (``Session/share(scenario:baseline:projection:)``).
    mutating func shareStorage(scenario: Scenario?, baseline: Projection?, projection: Projection?) {
        session.share(scenario: scenario, baseline: baseline, projection: projection)
    }

    public mutating func undo() {
        if !(loop != nil ? loop!.undo() : session.undo()) { notice = "nothing to undo" }
    }

    public mutating func redo() {
        if !(loop != nil ? loop!.redo() : session.redo()) { notice = "nothing to redo" }
    }

    /// Every lever back to the file's values, as one undoable change.
    public mutating func resetAllLevers() {
        if loop != nil { loop?.replace(LoopLevers()) } else { replaceSchedule(LeverSchedule(base: scenario.parameters)) }
    }

    /// Replaces the scenario and the what-if without undo history (a demo script's step,
    /// which counts as saved: the script holds it).
    public mutating func load(_ scenario: Scenario, schedule: LeverSchedule) {
        session.load(scenario, schedule: schedule)
        month = min(month, horizon)
    }

    /// A demo script's step on a loop file: the loop with `levers`, no undo history. The
    /// script keeps playing (opening the loop at its first step keeps the player).
    public mutating func load(_ loop: MoneyLoop, levers: LoopLevers) {
        if self.loop?.loop == loop {
            self.loop?.load(levers: levers)
        } else {
            let player = presentation.player
            load(LoopSession(loop: loop, levers: levers))
            presentation.player = player
        }
        month = min(month, horizon)
    }

    /// The levers whose present value differs from the scenario's.
    public var changedLevers: [ParameterID] {
        if let loop { return loop.changed }
        return schedule.values(at: month).differences(from: scenario.parameters)
    }
}
