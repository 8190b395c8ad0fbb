/// The monthly engine: a pure function from a scenario and its lever schedule to a
/// projection. No global state; safe to run many at once.
///
/// The model in one paragraph (DESIGN §2): contracts pay CoreWeave evenly over their
/// terms and reserve GPUs (value ÷ term ÷ 730 h ÷ `cw.contractRate`); the rest of the
/// fleet is usage-billed at utilization × a price under pressure; GPUs are ordered for
/// the backlog (plus any extra builds) and land after the lead time and the build delay;
/// capex is borrowed at loan-to-value up to the capacity, the rest paid in cash; power
/// and rent are paid for every GPU in service, busy or idle; facilities amortise or fall
/// due at maturity; CoreWeave pays Vast the deal; Vast grows its own revenue and costs;
/// NVIDIA sells the GPUs, holds a stake and backstops unused capacity.
public enum Engine {
    /// GPU-hours in a GPU-month.
    public static let hoursPerMonth = 730.0

    /// The utilization the per-hour storage deal is sized at (the article's 75%).
    public static let dealReferenceUtilization = 0.75

    /// Runs `scenario` for `months` months (the scenario's horizon when nil) with the
    /// parameter values of `schedule` (the scenario's own when nil) and the discrete
    /// `events` of a Monte Carlo path (none by default). Opening stocks (`cw.gpus`,
    /// `vast.cash`) are read from the values in force at month 0.
    public static func project(_ scenario: Scenario, schedule: LeverSchedule? = nil, months: Int? = nil,
                               events: PathEvents = PathEvents()) -> Projection
    {
        let horizon = self.horizon(scenario, months: months)
        var snapshots: [MonthSnapshot] = []
        snapshots.reserveCapacity(horizon + 1)
        // Each month's snapshot moved into the list as `step` returns it, never copied.
        var run = EngineRun(scenario, schedule: schedule ?? scenario.schedule, horizon: horizon, events: events,
                            flows: true)
        for t in 0...horizon { snapshots.append(run.step(month: t)) }
        return Projection(scenarioName: scenario.name, start: scenario.start, horizon: horizon, months: snapshots)
    }

    /// The horizon a run of `months` months (nil: the scenario's) really has.
    static func horizon(_ scenario: Scenario, months: Int?) -> Int {
        max(1, min(Scenario.maxHorizon, months ?? scenario.horizon))
    }

    /// The month loop: hands each month's snapshot to `body`, month 0 first. Without
    /// `flows` the snapshots carry no flow list (nothing allocated per month).
    static func run(_ scenario: Scenario, schedule: LeverSchedule, horizon: Int, events: PathEvents, flows: Bool,
                    _ body: (MonthSnapshot) -> Void)
    {
        var run = EngineRun(scenario, schedule: schedule, horizon: horizon, events: events, flows: flows)
        for t in 0...horizon { body(run.step(month: t)) }
    }
}
