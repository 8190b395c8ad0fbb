import LoopSim

/// `moneyloop present --rehearse`: each step of a script with its caption, its lever
/// changes and the headline numbers the engine computes for it, as text for a
/// presenter's notes.
public enum Rehearsal {
    public static func text(_ script: DemoScript) -> String {
        let s = script.scenario
        var out = "\(script.title): scenario \(s.name) (\(script.scenarioReference)), \(script.steps.count) steps, "
            + "\(s.horizon) months from \(s.start.shortLabel)\n"
        for (i, step) in script.steps.enumerated() {
            let state = script.state(at: i)
            let h = script.headline(at: i)
            out += "\nStep \(i + 1)/\(script.steps.count) · month \(h.month) (\(h.date.shortLabel))"
            if state.maximized { out += " · \(state.focus.title) maximised" }
            out += "\n"
            for line in step.caption.split(separator: "\n") { out += "  \(line)\n" }
            out += "  what-if: \(whatIf(state.schedule))\n"
            out += "  \(h.line)\n"
        }
        return out
    }

    /// "GPU utilization 90% from month 0; Demand delay 12 mo from month 0", or "none".
    static func whatIf(_ schedule: LeverSchedule) -> String {
        guard !schedule.isEmpty else { return "none (the scenario as it stands)" }
        return schedule.changes.map { c in
            guard let p = ParameterRegistry.parameter(c.id) else { return "\(c.id) \(c.value)" }
            return "\(p.label) \(Format.parameterValue(c.value, unit: p.unit)) from month \(c.month)"
        }.joined(separator: "; ")
    }
}
