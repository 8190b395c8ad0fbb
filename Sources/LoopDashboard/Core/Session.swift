import LoopSim

/// The scenario and its what-if: the part of the model that `:scenario`, the levers, undo
/// and saving change. A value; its mutating methods are its small update.
public struct Session: Sendable, Equatable {
    public private(set) var scenario: Scenario
    /// The what-if: the scenario's values plus dated lever changes.
    public private(set) var schedule: LeverSchedule
    /// The scenario as given: the ghost behind the what-if.
    public private(set) var baseline: Projection
    /// The scenario with the what-if changes.
    public private(set) var projection: Projection
    /// Lever schedules before each change, for undo; and after, for redo.
    public private(set) var undoStack: [LeverSchedule] = []
    public private(set) var redoStack: [LeverSchedule] = []
    /// The what-if as last saved or loaded: the schedule differs from it when there are unsaved changes.
    public private(set) var savedSchedule: LeverSchedule
    /// The file the scenario came from or was last saved to; nil for a bundled one.
    public var path: String?
    /// A save waiting for its write to finish.
    public var pendingSave: PendingSave?

    /// `scenario` with the lever changes its file gives, nothing to undo, nothing unsaved.
    public init(scenario: Scenario, path: String? = nil) {
        self.scenario = scenario
        let schedule = LeverSchedule(base: scenario.parameters, changes: scenario.changes)
        self.schedule = schedule
        savedSchedule = schedule
        baseline = Engine.project(scenario, schedule: LeverSchedule(base: scenario.parameters))
        projection = Engine.project(scenario, schedule: schedule)
        self.path = path
    }

    /// True when the what-if differs from what was last saved or loaded.
    public var hasUnsavedChanges: Bool { schedule != savedSchedule }

    /// Replaces the schedule (recording undo unless told not to) and recomputes the what-if.
    /// `projected`, when given, is that projection computed already (a viewer host computes
    /// each presenter state's once for all its followers).
    mutating func replace(_ next: LeverSchedule, recordingUndo: Bool = true, projected: Projection? = nil) {
        guard next != schedule else { return }
        if recordingUndo || undoStack.isEmpty { undoStack.append(schedule) }
        redoStack.removeAll()
        schedule = next
        projection = projected ?? Engine.project(scenario, schedule: schedule)
    }

    /// Takes the copies of equal values made elsewhere (a viewer host's for all its
    /// followers), so that sessions alike share their storage and compare at once. Values
    /// that differ are kept: nothing this session means changes.
    mutating func share(scenario s: Scenario?, baseline b: Projection?, projection p: Projection?) {
        if let s, s == scenario { scenario = s }
        if let b, b == baseline { baseline = b }
        if let p, p == projection { projection = p }
    }

    /// Goes back one change; false when there is none.
    mutating func undo() -> Bool { travel(from: \.undoStack, to: \.redoStack) }

    /// Goes forward one undone change; false when there is none.
    mutating func redo() -> Bool { travel(from: \.redoStack, to: \.undoStack) }

    /// Takes the schedule from the top of one stack, keeping the current one on the other.
    private mutating func travel(from: WritableKeyPath<Session, [LeverSchedule]>,
                                 to: WritableKeyPath<Session, [LeverSchedule]>) -> Bool
    {
        guard let target = self[keyPath: from].popLast() else { return false }
        self[keyPath: to].append(schedule)
        schedule = target
        projection = Engine.project(scenario, schedule: schedule)
        return true
    }

    /// Replaces the scenario and the what-if without undo history; it counts as saved.
    mutating func load(_ scenario: Scenario, schedule: LeverSchedule) {
        if scenario != self.scenario { baseline = Engine.project(scenario) }
        self.scenario = scenario
        self.schedule = schedule
        savedSchedule = schedule
        projection = Engine.project(scenario, schedule: schedule)
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// Takes the current what-if as nothing to save.
    mutating func acceptAsSaved() { savedSchedule = schedule }

    /// Records that the what-if `saved` has been written to `path`.
    mutating func markSaved(_ saved: LeverSchedule, to path: String) {
        savedSchedule = saved
        self.path = path
    }
}
