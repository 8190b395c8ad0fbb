import LoopSim

/// The whole state of the dashboard: scenario, what-if levers, clock, focus.
/// A value: `update` takes one and gives the next.
public struct Model: Sendable {
    public private(set) var scenario: Scenario
    /// The what-if: the scenario's values plus dated lever changes.
    public private(set) var schedule: LeverSchedule
    /// The scenario as given: the ghost behind the what-if.
    public private(set) var baseline: Projection
    /// The scenario with the what-if changes.
    public private(set) var projection: Projection
    /// The simulated present: months since the scenario's start.
    public var month: Int = 0
    public var paused: Bool
    /// Simulated months per second.
    public var speed: Double = 2
    public var focus: Panel = .levers
    /// Index into `levers`.
    public var selectedLever: Int = 0
    public var selectedNode: Node = .coreweave
    /// Animation phase of the pulses on the graph's edges.
    public var phase: Int = 0
    public var showHelp = false
    /// The focused panel fills the screen.
    public var maximized = false
    /// The panel shown in the main area of the compact layout: the last focused one that is not the levers.
    public var compactTab: Panel = .graph
    /// The risk panel shown in the standard layout's shared slot: the last focused one.
    public var riskTab: Panel = .concentration
    /// The themes `t` cycles through; the current one is what the terminal draws with.
    public var themes = ThemeCycle()
    /// A one-line notice in the status area (an error or a confirmation).
    public var notice: String?
    /// Lever schedules before each change, for undo; and after, for redo.
    public private(set) var undoStack: [LeverSchedule] = []
    public private(set) var redoStack: [LeverSchedule] = []
    /// Presenter mode, the read-only lock and the demo script being played.
    public var presentation = Presentation()

    /// The levers offered on the levers panel: utilization first.
    public let levers: [Parameter] = ParameterRegistry.levers

    /// The key bindings in force (the key table with the user's remapping).
    public var keys: KeyMap = .standard
    /// A text field being edited (command line, exact value, help search), if any.
    public var input: TextInput?
    /// A question waiting for an answer (reset all? quit without saving?).
    public var confirm: Confirmation?
    /// Command lines entered this session, oldest first.
    public var history: [String] = []
    /// The caption of the scene last jumped to, shown as a banner until the next change.
    public var caption: String?
    /// The help overlay's search text.
    public var helpQuery = ""
    /// The file the scenario came from or was last saved to; nil for a bundled one.
    public var scenarioPath: String?
    /// The what-if as last saved or loaded: the schedule differs from it when there are unsaved changes.
    public private(set) var savedSchedule: LeverSchedule
    /// Monte Carlo bands, the tornado and the comparison (`m`, `K`, `c`).
    public var analytics = AnalyticsState()

    public init(scenario: Scenario = .article2025, paused: Bool = false) {
        self.scenario = scenario
        let schedule = LeverSchedule(base: scenario.parameters, changes: scenario.changes)
        self.schedule = schedule
        self.savedSchedule = schedule
        self.baseline = Engine.project(scenario, schedule: LeverSchedule(base: scenario.parameters))
        self.projection = Engine.project(scenario, schedule: schedule)
        self.paused = paused
    }

    /// Replaces the scenario (`:scenario`): a new baseline, levers as the file gives them,
    /// the clock back to the start; undo history cleared.
    public mutating func load(_ scenario: Scenario, path: String?) {
        var next = Model(scenario: scenario, paused: paused)
        next.keys = keys
        next.speed = speed
        next.focus = focus
        next.history = history
        next.themes = themes
        next.presentation = presentation
        next.presentation.player = nil  // a script belongs to its own scenario
        next.scenarioPath = path
        next.isFollower = isFollower
        next.served = served  // a served dashboard stays served, whatever it loads
        self = next
    }

    /// True when the what-if differs from what was last saved or loaded.
    public var hasUnsavedChanges: Bool { schedule != savedSchedule }

    /// Following a presenter (`--follow`): levers are theirs; `f` toggles exploring alone.
    public var following = false
    /// Whether this dashboard was started as a follower (so `f` can rejoin).
    public var isFollower = false

    /// Set when `moneyloop serve` runs this dashboard for an attendee: what they may do.
    public var served: ServedSession?

    /// A save waiting for its write to finish.
    public var pendingSave: PendingSave?

    /// Takes the current what-if as nothing to save (a follower's levers are the presenter's).
    public mutating func acceptAsSaved() { savedSchedule = schedule }

    /// Records that the what-if `saved` has been written to `path`.
    public mutating func markSaved(_ saved: LeverSchedule, to path: String) {
        savedSchedule = saved
        scenarioPath = path
    }

    /// The scenario with the what-if folded in, as `:save` writes it.
    public var scenarioWithWhatIf: Scenario {
        var s = scenario
        s.changes = schedule.changes
        return s
    }

    /// The horizon in months.
    public var horizon: Int { projection.horizon }

    /// Moves focus to `p`; the compact main area and the risk slot follow it.
    public mutating func setFocus(_ p: Panel) {
        focus = p
        if p != .levers { compactTab = p }
        if p.isRisk { riskTab = p }
    }

    /// The what-if's value of a parameter at the present month.
    public func value(_ id: ParameterID) -> Double { schedule.values(at: month)[id] }

    /// The lever under the cursor.
    public var currentLever: Parameter { levers[max(0, min(levers.count - 1, selectedLever))] }

    /// The present month's snapshot of the what-if.
    public var now: MonthSnapshot { projection.month(month) }

    /// Sets a lever from the present month on, recording undo. Out-of-range values clamp.
    public mutating func setLever(_ id: ParameterID, to value: Double) {
        guard let p = ParameterRegistry.parameter(id) else { return }
        let v = p.clamp(value)
        guard v != self.value(id) else { return }
        var next = schedule
        next.apply(LeverChange(month: month, id: id, value: v))
        replaceSchedule(next)
    }

    /// Replaces the schedule (recording undo) and recomputes the what-if.
    public mutating func replaceSchedule(_ next: LeverSchedule) {
        guard next != schedule else { return }
        undoStack.append(schedule)
        redoStack.removeAll()
        schedule = next
        projection = Engine.project(scenario, schedule: schedule)
    }

    public mutating func undo() {
        guard let prev = undoStack.popLast() else { notice = "nothing to undo"; return }
        redoStack.append(schedule)
        schedule = prev
        projection = Engine.project(scenario, schedule: schedule)
    }

    public mutating func redo() {
        guard let next = redoStack.popLast() else { notice = "nothing to redo"; return }
        undoStack.append(schedule)
        schedule = next
        projection = Engine.project(scenario, schedule: schedule)
    }

    /// Replaces the scenario and the what-if without undo history (a demo script's step,
    /// which counts as saved: the script holds it).
    public mutating func load(_ scenario: Scenario, schedule: LeverSchedule) {
        if scenario != self.scenario { baseline = Engine.project(scenario) }
        self.scenario = scenario
        self.schedule = schedule
        savedSchedule = schedule
        projection = Engine.project(scenario, schedule: schedule)
        undoStack.removeAll()
        redoStack.removeAll()
        month = min(month, horizon)
    }

    /// The levers whose present value differs from the scenario's.
    public var changedLevers: [ParameterID] {
        schedule.values(at: month).differences(from: scenario.parameters)
    }
}
