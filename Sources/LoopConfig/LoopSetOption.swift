import LoopSim

/// `--set ID=VALUE` for a loop file: the levers every loop takes (`LoopLevers`) and the
/// loop's own figures (`entity.coreweave.cash`, `deal.openai-oracle.value`), with the same
/// number syntax and "did you mean" as the article's parameters.
public enum LoopSetOption {
    /// Each lever id with its range and how it sets `LoopLevers`.
    public static let levers: [(id: String, min: Double, max: Double, apply: @Sendable (inout LoopLevers, Double) -> Void)] = [
        ("loop.nonBinding", 0, 1, { $0.nonBinding = $1 }),
        ("demand.delayMonths", 0, 24, { $0.demandDelay = Int($1.rounded()) }),
        ("build.delayMonths", 0, 24, { $0.buildDelay = Int($1.rounded()) }),
        ("rates.shockBps", 0, 1_000, { $0.rateShock = $1 / 10_000 }),
        ("credit.window", 0, 1, { $0.creditWindow = $1 }),
        ("loop.utilizationScale", 0, 2, { $0.utilizationScale = $1 }),
    ]

    /// Applies every option in order: figures to `loop`, levers to the result.
    public static func apply(_ options: [String], to loop: inout MoneyLoop) throws(ConfigError) -> LoopLevers {
        var result = LoopLevers()
        for text in options {
            guard let eq = text.firstIndex(of: "=") else {
                throw ConfigError(file: "--set", keyPath: text, message: "expected ID=VALUE, e.g. --set loop.nonBinding=0")
            }
            var id = String(text[..<eq]).trimmingSpaces()
            // The article's name for an entity's own access works for any loop entity.
            if id.hasPrefix("credit.access."), let e = loop.entity(String(id.dropFirst(14))) {
                id = "entity.\(loop.entities[e].id).marketAccess"
            }
            let raw = String(text[text.index(after: eq)...]).trimmingSpaces()
            guard let v = SetOption.number(raw.hasSuffix("mo") ? String(raw.dropLast(2)) : raw) else {
                throw ConfigError(file: "--set", keyPath: id, message: "'\(raw)' is not a number")
            }
            if id.hasPrefix("entity.") || id.hasPrefix("deal."), loop.parameters.contains(where: { $0.id == id }) {
                do { try loop.set(id, v) } catch {
                    throw ConfigError(file: "--set", keyPath: id, message: ParameterMessages.describe(error))
                }
                continue
            }
            guard let lever = levers.first(where: { $0.id == id }) else {
                let ids = levers.map(\.id)
                let hint = YAMLDocument.closest(id, in: ids + loop.parameters.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
                throw ConfigError(file: "--set", keyPath: id, message: "unknown parameter for this loop\(hint); "
                    + "levers: \(ids.joined(separator: ", ")); figures: entity.<id>.cash|debt|fleet, deal.<id>.<key>")
            }
            guard v >= lever.min, v <= lever.max else {
                throw ConfigError(file: "--set", keyPath: id, message: "\(ScenarioWriter.number(v)) is out of range; "
                    + "allowed \(ScenarioWriter.number(lever.min)) … \(ScenarioWriter.number(lever.max))")
            }
            lever.apply(&result, v)
        }
        return result
    }
}
