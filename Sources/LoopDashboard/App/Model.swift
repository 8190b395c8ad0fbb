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
    public var themeName = "default"
    /// A one-line notice in the status area (an error or a confirmation).
    public var notice: String?
    /// Lever schedules before each change, for undo; and after, for redo.
    public private(set) var undoStack: [LeverSchedule] = []
    public private(set) var redoStack: [LeverSchedule] = []
    public var quitRequested = false

    /// The levers offered on the levers panel: utilization first.
    public let levers: [Parameter] = ParameterRegistry.levers

    public init(scenario: Scenario = .article2025, paused: Bool = false) {
        self.scenario = scenario
        self.schedule = LeverSchedule(base: scenario.parameters)
        self.baseline = Engine.project(scenario)
        self.projection = baseline
        self.paused = paused
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

    /// The levers whose present value differs from the scenario's.
    public var changedLevers: [ParameterID] {
        schedule.values(at: month).differences(from: scenario.parameters)
    }
}
