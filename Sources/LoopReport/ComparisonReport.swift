import LoopSim

/// `moneyloop compare A B`: each metric for A and B and the difference B − A.
public enum ComparisonReport {
    public static func render(_ c: Comparison, format: OutputFormat) -> String {
        switch format {
        case .json, .csv: return json(c).text(pretty: true) + "\n"
        case .table: return table(c)
        }
    }

    /// `baseline`, `whatIf` (scenario names), `horizon`, `firstOut` {baseline, whatIf},
    /// and `rows`: {id, label, quantity ("months" | "dollars"), baseline, whatIf,
    /// difference}; a runway beyond the horizon is null, and so is its difference.
    public static func json(_ c: Comparison) -> JSONValue {
        .object([
            ("baseline", .string(c.baselineName)),
            ("whatIf", .string(c.whatIfName)),
            ("horizon", .number(Double(c.horizon))),
            ("firstToNeedMoney", .object([("baseline", .optional(c.baselineFirstToNeed?.rawValue)),
                                          ("whatIf", .optional(c.whatIfFirstToNeed?.rawValue))])),
            ("firstOutIfMarketsClose", .object([("baseline", .optional(c.baselineFirstOutIfClosed?.rawValue)),
                                                ("whatIf", .optional(c.whatIfFirstOutIfClosed?.rawValue))])),
            ("firstOut", .object([("baseline", .optional(c.baselineFirstOut?.rawValue)),
                                  ("whatIf", .optional(c.whatIfFirstOut?.rawValue))])),
            ("inWords", .object([("baseline", .array(c.baselineWords.map(JSONValue.string))),
                                 ("whatIf", .array(c.whatIfWords.map(JSONValue.string)))])),
            ("rows", .array(c.rows.map { r in
                .object([("id", .string(r.id)), ("label", .string(r.label)), ("quantity", .string(r.quantity.rawValue)),
                         ("baseline", .optional(r.baseline)), ("whatIf", .optional(r.whatIf)),
                         ("difference", .optional(r.difference))])
            })),
        ])
    }

    public static func table(_ c: Comparison) -> String {
        var out = "Compare \(c.baselineName) (A) with \(c.whatIfName) (B) over \(c.horizon) months; "
            + "difference is B − A\n\n"
        let columns: [(String, Int)] = [("metric", 38), (TextTable.clip(c.baselineName, 16), 16),
                                        (TextTable.clip(c.whatIfName, 16), 16), ("difference", 12)]
        out += TextTable.header(columns)
        for r in c.rows {
            out += TextTable.row([r.label, c.format(r.baseline, r.quantity), c.format(r.whatIf, r.quantity),
                                  c.formatDifference(r)], columns) + "\n"
        }
        let first = { (n: Node?) in n?.label ?? "nobody" }
        out += TextTable.row(["First to need money", first(c.baselineFirstToNeed), first(c.whatIfFirstToNeed), ""],
                             columns).trimmingCharacters() + "\n"
        out += TextTable.row(["First out if markets close", first(c.baselineFirstOutIfClosed),
                              first(c.whatIfFirstOutIfClosed), ""], columns).trimmingCharacters() + "\n"
        out += TextTable.row(["First to run out with financing", first(c.baselineFirstOut), first(c.whatIfFirstOut), ""],
                             columns).trimmingCharacters() + "\n"
        for (tag, sentences) in [("A", c.baselineWords), ("B", c.whatIfWords)] {
            for s in sentences { out += "\n" + TextTable.wrap("\(tag): \(s)", width: 100, indent: "   ").joined(separator: "\n") }
        }
        out += "\n"
        return out
    }
}
