/// One projection's month loop, a month at a time: the lever schedule's changes applied
/// in month order, the inputs resolved again only when a change lands, and the state
/// advanced. `Engine.project` keeps every snapshot; Monte Carlo reads each and drops it.
struct EngineRun {
    /// The schedule's changes in month order (for one id already in month order, so the
    /// values in force match `schedule.values(at:)`).
    private let changes: [LeverChange]
    private var next = 0
    private var values: ParameterValues
    private var inputs: EngineInputs
    private var state: EngineState
    private let flows: Bool

    init(_ scenario: Scenario, schedule: LeverSchedule, horizon: Int, events: PathEvents, flows: Bool) {
        changes = schedule.changes.enumerated().sorted {
            ($0.element.month, $0.offset) < ($1.element.month, $1.offset)
        }.map(\.element)
        values = schedule.base
        while next < changes.count, changes[next].month <= 0 {
            values.setClamped(changes[next].id, changes[next].value)
            next += 1
        }
        inputs = EngineInputs(values)
        state = EngineState(scenario: scenario, horizon: horizon, opening: inputs)
        state.events = events
        self.flows = flows
    }

    /// Month `t`'s snapshot (months in order, 0 first).
    mutating func step(month t: Int) -> MonthSnapshot {
        if next < changes.count, changes[next].month <= t {
            while next < changes.count, changes[next].month <= t {
                values.setClamped(changes[next].id, changes[next].value)
                next += 1
            }
            inputs = EngineInputs(values)
        }
        return state.step(month: t, inputs, flows: flows)
    }
}
