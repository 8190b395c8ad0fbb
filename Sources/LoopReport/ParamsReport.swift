import LoopSim

/// `moneyloop params`: the registry with ranges, sources and confidence.
public enum ParamsReport {
    public static func render(format: OutputFormat) -> String {
        switch format {
        case .json: return json().text(pretty: true) + "\n"
        case .csv:
            var out = "id,label,unit,default,min,max,step,confidence,lever,source\n"
            for p in ParameterRegistry.all {
                let fields = [p.id.rawValue, p.label, p.unit.rawValue, JSONValue.numberText(p.defaultValue),
                              JSONValue.numberText(p.min), JSONValue.numberText(p.max), JSONValue.numberText(p.step),
                              p.confidence.rawValue, p.isLever ? "yes" : "no", p.source]
                out += fields.map(csvField).joined(separator: ",") + "\n"
            }
            return out
        case .table: return table()
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false)
            .joined(separator: "\"\"") + "\"" : s
    }

    /// `{"parameters": [{id, label, unit, default, min, max, step, target, confidence, lever, source}]}`.
    public static func json() -> JSONValue {
        .object([("parameters", .array(ParameterRegistry.all.map { p in
            .object([
                ("id", .string(p.id.rawValue)), ("label", .string(p.label)), ("unit", .string(p.unit.rawValue)),
                ("default", .number(p.defaultValue)), ("min", .number(p.min)), ("max", .number(p.max)),
                ("step", .number(p.step)), ("target", .optional(p.target)),
                ("confidence", .string(p.confidence.rawValue)), ("lever", .bool(p.isLever)),
                ("source", .string(p.source)),
            ])
        }))])
    }

    /// Two lines per parameter: id, default, range, confidence, label; then the source.
    public static func table() -> String {
        var out = TextTable.cell("id", 26) + " " + TextTable.cell("default", 10, right: true) + "  "
            + TextTable.cell("range", 23) + " " + TextTable.cell("conf", 4) + " label\n"
        out += String(repeating: "-", count: 100) + "\n"
        for p in ParameterRegistry.all {
            let f = { (v: Double) in Format.parameterValue(v, unit: p.unit) }
            out += TextTable.cell(p.id.rawValue, 26) + " " + TextTable.cell(f(p.defaultValue), 10, right: true) + "  "
                + TextTable.cell("\(f(p.min)) … \(f(p.max))", 23) + " " + TextTable.cell(p.confidence.badge, 4) + " "
                + TextTable.clip(p.label + (p.isLever ? " *" : ""), 31) + "\n"
            out += TextTable.wrap(p.source, width: 100, indent: String(repeating: " ", count: 8)).joined(separator: "\n")
            out += "\n"
        }
        out += "\nconf: A article, H filing, M secondary, L weak, ? assumption. * a dashboard lever.\n"
        return out
    }
}
