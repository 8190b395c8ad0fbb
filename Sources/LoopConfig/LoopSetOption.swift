import LoopSim

/// `--set ID=VALUE` for a loop file: the levers every loop takes (`LoopLevers`) and the
/// loop's own figures (`entity.coreweave.cash`, `deal.openai-oracle.value`), with the same
/// number syntax and "did you mean" as the article's parameters.
public enum LoopSetOption {
    /// Applies every option in order: figures to `loop`, levers to the result. An id that is
    /// neither a lever (`LoopLever`) nor one of the loop's figures is refused, with the
    /// closest id.
    public static func apply(_ options: [String], to loop: inout MoneyLoop) throws(ConfigError) -> LoopLevers {
        var result = LoopLevers()
        for text in options {
            guard let eq = text.firstIndex(of: "=") else {
                throw ConfigError(file: "--set", keyPath: text, message: "expected ID=VALUE, e.g. --set loop.nonBinding=0")
            }
            let id = String(text[..<eq]).trimmingSpaces()
            let raw = String(text[text.index(after: eq)...]).trimmingSpaces()
            guard let v = SetOption.number(raw) else {
                throw ConfigError(file: "--set", keyPath: id, message: "'\(raw)' is not a number")
            }
            if let lever = LoopLever(id: id) {
                guard lever.range.contains(v) else {
                    throw ConfigError(file: "--set", keyPath: id, message: "\(ScenarioWriter.number(v)) is out of range; "
                        + "allowed \(ScenarioWriter.number(lever.range.lowerBound)) … "
                        + "\(ScenarioWriter.number(lever.range.upperBound))")
                }
                lever.apply(v, to: &result)
                continue
            }
            let figure = try figure(id, in: loop)
            do {
                try loop.set(figure, v)
            } catch {
                throw ConfigError(file: "--set", keyPath: id, message: ParameterMessages.describe(error))
            }
        }
        return result
    }

    /// `id` as one of the loop's figures; unknown, the message lists the levers and the
    /// figures' forms, and the closest lever or figure.
    static func figure(_ id: String, in loop: MoneyLoop) throws(ConfigError) -> LoopParameterID {
        do {
            return try loop.parameterID(validating: id)
        } catch {
            let levers = LoopLever.allCases.map(\.id)
            let hint = closestWord(to: id, in: levers + loop.parameters.map(\.id.rawValue)).map { " (did you mean \($0)?)" }
            throw ConfigError(file: "--set", keyPath: id, message: "unknown parameter for this loop\(hint ?? ""); "
                + "levers: \(levers.joined(separator: ", ")); figures: entity.<id>.cash|debt|fleet, deal.<id>.<key>")
        }
    }
}
