import LoopSim

/// `moneyloop sensitivity`: the tornado of one metric as a table with text bars, or JSON.
public enum SensitivityReport {
    public static func render(_ scenario: Scenario, _ t: Tornado, format: OutputFormat) -> String {
        switch format {
        case .json, .csv: return json(scenario, t).text(pretty: true) + "\n"
        case .table: return table(scenario, t)
        }
    }

    /// `scenario`, `metric`, `label`, `horizon`, `base`, and `bars` (largest swing first):
    /// {parameter, label, low, high, range ("interval" | "lever"), atLow, atHigh, swing}.
    /// Runway metrics count "never within the horizon" as horizon + 1.
    public static func json(_ scenario: Scenario, _ t: Tornado) -> JSONValue {
        .object([
            ("scenario", .string(scenario.name)),
            ("metric", .string(t.metric.description)),
            ("label", .string(t.metric.label)),
            ("horizon", .number(Double(t.horizon))),
            ("base", .number(t.base)),
            ("bars", .array(t.bars.map { b in
                .object([("parameter", .string(b.parameter.rawValue)),
                         ("label", .string(ParameterRegistry.parameter(b.parameter)?.label ?? b.parameter.rawValue)),
                         ("low", .number(b.low)), ("high", .number(b.high)), ("range", .string(b.source.rawValue)),
                         ("atLow", .number(b.atLow)), ("atHigh", .number(b.atHigh)), ("swing", .number(b.swing))])
            })),
        ])
    }

    /// One row per lever: its swing, the metric at each end, and a bar either side of
    /// the base (`<` where the metric falls, `>` where it rises).
    public static func table(_ scenario: Scenario, _ t: Tornado) -> String {
        var out = "\(scenario.name): sensitivity of \(t.metric.label), \(t.horizon) months\n"
        out += TextTable.wrap("Base \(t.metric.format(t.base, horizon: t.horizon)). Each lever swung low ↔ high with "
            + "the others as set; range: the scenario's 90% interval, or the lever's whole range.", width: 100)
            .joined(separator: "\n") + "\n\n"
        let columns: [(String, Int)] = [("lever", 34), ("low", 8), ("high", 8), ("at low", 8), ("at high", 8),
                                        ("range", 8), ("", 0)]
        out += TextTable.row(columns.map(\.0), columns) + "  effect\n"
        out += columns.dropLast().map { String(repeating: "-", count: $0.1) }.joined(separator: " ") + "  "
            + String(repeating: "-", count: 2 * barSide + 1) + "\n"
        let largest = t.bars.map(\.swing).max() ?? 0
        for b in t.bars {
            let p = ParameterRegistry.parameter(b.parameter)
            let value = { (v: Double) in p.map { Format.parameterValue(v, unit: $0.unit) } ?? Format.fixed(v, 2) }
            let cells = [p?.label ?? b.parameter.rawValue, value(b.low), value(b.high),
                         t.metric.format(b.atLow, horizon: t.horizon), t.metric.format(b.atHigh, horizon: t.horizon),
                         b.source.rawValue]
            out += TextTable.row(cells + [""], columns) + "  " + bar(b, base: t.base, largest: largest) + "\n"
        }
        return out
    }

    /// Marks on each side of a bar.
    static let barSide = 8

    /// `<<<<|>>`: at most `barSide` marks a side, scaled to the largest swing.
    static func bar(_ b: TornadoBar, base: Double, largest: Double) -> String {
        guard largest > 0 else { return String(repeating: " ", count: barSide) + "|" }
        let side = { (v: Double) in Int((abs(v - base) / largest * Double(barSide)).rounded()) }
        let below = [b.atLow, b.atHigh].filter { $0 < base }.map(side).max() ?? 0
        let above = [b.atLow, b.atHigh].filter { $0 > base }.map(side).max() ?? 0
        return String(repeating: " ", count: barSide - below) + String(repeating: "<", count: below) + "|"
            + String(repeating: ">", count: above)
    }
}
