import LoopConfig
import LoopSim

/// `moneyloop present --rehearse`: each step of a script with its caption, its lever
/// changes and the headline numbers the engine computes for it, as text for a
/// presenter's notes.
public enum Rehearsal {
    public static func text(_ script: DemoScript) -> String {
        var out = "\(script.title): scenario \(script.scenarioName) (\(script.scenarioReference)), "
            + "\(script.steps.count) steps, \(script.horizon) months from \(script.start.shortLabel)\n"
        for (i, step) in script.steps.enumerated() {
            let state = script.state(at: i)
            out += "\nStep \(i + 1)/\(script.steps.count) · month \(state.month) "
                + "(\(script.start.adding(months: state.month).shortLabel))"
            if state.maximized { out += " · \(Model.title(of: state.focus, loop: script.loop != nil)) maximised" }
            out += "\n"
            for line in step.caption.split(separator: "\n") { out += "  \(line)\n" }
            if let loop = script.loop, let p = script.loopProjection(at: i) {
                out += "  what-if: \(whatIf(state.loopLevers))\n"
                for line in loopHeadline(loop, p) { out += "  \(line)\n" }
            } else {
                out += "  what-if: \(whatIf(state.schedule))\n"
                out += "  \(script.headline(at: i).line)\n"
            }
        }
        return out
    }

    /// "GPU utilization 90% from month 0; Demand delay 12 mo from month 0", or "none".
    static func whatIf(_ schedule: LeverSchedule) -> String {
        guard !schedule.isEmpty else { return none }
        return schedule.changes.map { c in
            guard let p = ParameterRegistry.parameter(c.id) else { return "\(c.id) \(c.value)" }
            return "\(p.label) \(Format.parameterValue(c.value, unit: p.unit)) from month \(c.month)"
        }.joined(separator: "; ")
    }

    /// A loop's levers that differ from the file's: "Non-binding deals (0 = none) 0%", or "none".
    static func whatIf(_ levers: LoopLevers) -> String {
        let changed = LoopLever.allCases.filter { $0.value(in: levers) != $0.value(in: LoopLevers()) }
        guard !changed.isEmpty else { return none }
        return changed.map { l in
            "\(l.parameter.label) \(Format.parameterValue(l.value(in: levers), unit: l.parameter.unit))"
        }.joined(separator: "; ") + " (from month 0)"
    }

    static let none = "none (the scenario as it stands)"

    /// Who needs money first and who is out first if markets closed, then the headline of
    /// every entity that needs money or would run out (`LoopHeadline.sentence`).
    static func loopHeadline(_ loop: MoneyLoop, _ p: LoopProjection) -> [String] {
        let heads = LoopHeadline.all(loop, p)
        func first(_ month: (LoopHeadline) -> Int?) -> String {
            guard let (e, t) = heads.compactMap({ h in month(h).map { (h.entity, $0) } }).min(by: { $0.1 < $1.1 }) else {
                return "nobody"
            }
            return "\(loop.entities[e].name), \(p.start.adding(months: t).shortLabel) (month \(t))"
        }
        return ["first to need money: \(first { $0.need.firstMonth }) · first out if markets closed: "
            + first { $0.runwayIfClosed }]
            + heads.filter { $0.need.firstMonth != nil || $0.runwayIfClosed != nil }.map {
                $0.sentence(name: loop.entities[$0.entity].name, start: p.start, horizon: p.horizon)
            }
    }
}
