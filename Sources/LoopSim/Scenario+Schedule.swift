extension Scenario {
    /// The scenario's own lever schedule: its parameters and its saved dated changes.
    public var schedule: LeverSchedule { LeverSchedule(base: parameters, changes: changes) }
}
