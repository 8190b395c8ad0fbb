/// One bar of a tornado chart: a lever swung from `low` to `high` with every other
/// lever at its value, and the metric at each end.
public struct TornadoBar: Sendable, Equatable {
    /// Where the swing's ends come from.
    public enum RangeSource: String, Sendable {
        /// The scenario's 90% interval for the parameter (moved with the lever).
        case interval
        /// The lever's whole range in the registry.
        case lever
    }

    public var parameter: ParameterID
    public var low: Double
    public var high: Double
    public var source: RangeSource
    /// The metric with the lever at `low` and at `high`.
    public var atLow: Double
    public var atHigh: Double

    public init(parameter: ParameterID, low: Double, high: Double, source: RangeSource, atLow: Double, atHigh: Double) {
        self.parameter = parameter; self.low = low; self.high = high; self.source = source
        self.atLow = atLow; self.atHigh = atHigh
    }

    /// How far the metric moves across the swing.
    public var swing: Double { abs(atHigh - atLow) }
}

/// Which assumption matters most: a metric against each lever swung across its range,
/// bars sorted by effect (largest first; equal effects keep the registry's order).
public struct Tornado: Sendable, Equatable {
    public var metric: Metric
    public var horizon: Int
    /// The metric with every lever at its value.
    public var base: Double
    public var bars: [TornadoBar]

    public init(metric: Metric, horizon: Int, base: Double, bars: [TornadoBar]) {
        self.metric = metric; self.horizon = horizon; self.base = base; self.bars = bars
    }
}

/// One-at-a-time sensitivity of the engine's outputs to its parameters.
public enum Sensitivity {
    /// The tornado of `metric` for `scenario` under `schedule` (the scenario's values
    /// when nil): each parameter is set from month 0 to the low and the high end of its
    /// range — the scenario's 90% interval when it gives one, else the registry range —
    /// with the others as the schedule has them. By default every parameter with a range
    /// is swung (capex per GPU and loan-to-value as much as the dashboard levers), and
    /// those that do not move the metric at all are left out.
    public static func tornado(_ scenario: Scenario, schedule: LeverSchedule? = nil, metric: Metric,
                               months: Int? = nil, levers: [Parameter]? = nil) -> Tornado
    {
        let swung = levers ?? ParameterRegistry.all.filter { $0.min < $0.max }
        let schedule = schedule ?? scenario.schedule
        let horizon = Engine.horizon(scenario, months: months)
        let evaluate = { (s: LeverSchedule) in metric.value(Engine.project(scenario, schedule: s, months: horizon)) }
        let bars = rank(swung.map { p in
            let (low, high, source) = swing(p, scenario: scenario, current: schedule.latest[p.id])
            let at = { (v: Double) -> Double in
                var s = schedule
                s.apply(LeverChange(month: 0, id: p.id, value: v))
                return evaluate(s)
            }
            return TornadoBar(parameter: p.id, low: low, high: high, source: source, atLow: at(low), atHigh: at(high))
        }).filter { levers != nil || $0.swing > 0 }
        return Tornado(metric: metric, horizon: horizon, base: evaluate(schedule), bars: bars)
    }

    /// The ends a lever swings between: the scenario's interval shifted to the lever's
    /// current value, or the registry range; clamped to the range.
    static func swing(_ p: Parameter, scenario: Scenario, current: Double) -> (Double, Double, TornadoBar.RangeSource) {
        if let d = scenario.uncertainty.distribution(of: p.id), !d.isFixed {
            let shift = current - d.value
            return (p.clamp(d.low + shift), p.clamp(d.high + shift), .interval)
        }
        return (p.min, p.max, .lever)
    }

    /// Bars sorted by swing, largest first; ties keep their given order.
    static func rank(_ bars: [TornadoBar]) -> [TornadoBar] {
        bars.enumerated().sorted { a, b in
            a.element.swing != b.element.swing ? a.element.swing > b.element.swing : a.offset < b.offset
        }.map(\.element)
    }
}
