import LoopSim

/// `--set ID=VALUE` options: parsing and applying, with errors that name the option.
/// A value is read by `ValueText`, as the dashboard's `:set` and scenario files read it:
/// `0.9`, `90%`, `1.17B`, `$750M`, `300_000`, `18mo`.
public enum SetOption {
    /// One parsed option.
    public static func parse(_ text: String) throws(ConfigError) -> (id: ParameterID, value: Double) {
        guard let eq = text.firstIndex(of: "=") else {
            throw ConfigError(file: "--set", keyPath: text,
                              message: "expected ID=VALUE, e.g. --set cw.utilization=0.9")
        }
        let id = String(text[..<eq]).trimmingSpaces()
        let raw = String(text[text.index(after: eq)...]).trimmingSpaces()
        let p: Parameter
        do {
            p = try ParameterRegistry.parameter(validating: id)
        } catch {
            throw ConfigError(file: "--set", keyPath: id.isEmpty ? text : id, message: ParameterMessages.describe(error))
        }
        guard let value = number(raw) else {
            throw ConfigError(file: "--set", keyPath: id,
                              message: "'\(raw)' is not a number; allowed \(ScenarioWriter.number(p.min)) … "
                                  + "\(ScenarioWriter.number(p.max)) (\(Format.parameterValue(p.min, unit: p.unit)) … "
                                  + "\(Format.parameterValue(p.max, unit: p.unit)))")
        }
        var check = ParameterValues.defaults
        do {
            try check.set(p.id, value)
        } catch {
            throw ConfigError(file: "--set", keyPath: id, message: ParameterMessages.describe(error))
        }
        return (p.id, check[p.id])
    }

    /// Applies every option in order to `values`.
    public static func apply(_ options: [String], to values: inout ParameterValues) throws(ConfigError) {
        for option in options {
            let (id, value) = try parse(option)
            values.setClamped(id, value)
        }
    }

    /// A number as `ValueText` reads it (`$`, `%`, k/M/B/T, unit words); nil when it is not one.
    public static func number(_ text: String) -> Double? { ValueText.read(text)?.value }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
