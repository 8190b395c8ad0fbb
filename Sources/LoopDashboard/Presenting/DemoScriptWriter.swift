import LoopConfig
import LoopSim

/// Writes a `DemoScript` as YAML that `DemoScriptFile` reads back to the same script
/// (numbers written so they parse to the identical `Double`).
public enum DemoScriptWriter {
    /// The YAML text of `script`.
    public static func yaml(_ script: DemoScript) -> String {
        var out = "# moneyloop demo script: `moneyloop present FILE` plays it; see docs/presenting.md\n"
        out += "title: \(ScenarioWriter.quote(script.title))\n"
        out += "scenario: \(ScenarioWriter.quote(script.scenarioReference))\n"
        if let speed = script.speed { out += "speed: \(ScenarioWriter.number(speed))\n" }
        out += "steps:\n"
        for step in script.steps {
            out += "  - caption: \(ScenarioWriter.quote(step.template ?? step.caption))\n"
            if step.reset { out += "    reset: true\n" }
            if let at = step.at { out += "    at: \(at)\n" }
            if !step.levers.isEmpty {
                out += "    set:\n"
                for l in step.levers { out += "      \(l.id): \(ScenarioWriter.number(l.value))\n" }
            }
            if let m = step.month { out += "    month: \(m)\n" }
            if let f = step.focus { out += "    focus: \(script.loop != nil && f == .concentration ? "roundtrip" : f.rawValue)\n" }
            if step.maximize { out += "    maximize: true\n" }
            if let e = step.elapsed { out += "    elapsed: \(ScenarioWriter.number(e))  # \(clock(e)) into the session\n" }
        }
        return out
    }

    /// Writes `script` to `path` through a temporary file and a rename.
    public static func write(_ script: DemoScript, to path: String) throws(AtomicFile.Failure) {
        try AtomicFile.write(yaml(script), to: path)
    }

    /// `1:05` for 65 seconds, `1:02:03` past an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}

extension DemoScript {
    /// A what-if session as a replayable script: one step per month at which levers were
    /// changed (consecutive changes at the same month share a step), each applying its
    /// changes from that month, then a last step at `finalMonth`. Playing the last step
    /// gives the session's schedule and month. `elapsed[i]`, when known, is how many
    /// seconds into the session `changes[i]` was made.
    ///
    /// `changes` are a schedule's changes in the order made (`LeverSchedule.changes`).
    public static func recording(from scenario: Scenario, reference: String, changes: [LeverChange],
                                 finalMonth: Int, elapsed: [Double?] = [], speed: Double? = nil,
                                 title: String = "Recorded session") -> DemoScript
    {
        var steps: [DemoStep] = []
        for (i, change) in changes.enumerated() {
            let lever = SceneLever(id: change.id, value: change.value)
            let time = i < elapsed.count ? elapsed[i] : nil
            if var last = steps.last, last.at == change.month, !last.levers.contains(where: { $0.id == change.id }) {
                last.levers.append(lever)
                last.caption = caption(month: change.month, levers: last.levers, scenario: scenario)
                steps[steps.count - 1] = last
            } else {
                steps.append(DemoStep(caption: caption(month: change.month, levers: [lever], scenario: scenario),
                                      at: change.month, levers: [lever], month: change.month, elapsed: time))
            }
        }
        let end = max(0, min(scenario.horizon, finalMonth))
        if steps.last?.month != end || steps.isEmpty {
            let date = scenario.start.adding(months: end).shortLabel
            steps.append(DemoStep(caption: "Where the session ended: month \(end) (\(date))", month: end))
        }
        return DemoScript(title: title, scenarioReference: reference, scenario: scenario, speed: speed, steps: steps)
    }

    /// "Month 12 (Nov 26): GPU utilization 90%, Demand delay 12 mo".
    static func caption(month: Int, levers: [SceneLever], scenario: Scenario) -> String {
        let changes = levers.map { l -> String in
            guard let p = ParameterRegistry.parameter(l.id) else { return "\(l.id) \(l.value)" }
            return "\(p.label) \(Format.parameterValue(l.value, unit: p.unit))"
        }.joined(separator: ", ")
        return "Month \(month) (\(scenario.start.adding(months: month).shortLabel)): \(changes)"
            .truncated(to: DemoScriptFile.maxCaptionLine)
    }
}

extension DemoScript {
    /// The what-if session of `model` as a script (what `:record FILE` saves): its
    /// scenario, every lever change in force with its month and the time it was made,
    /// ending at the present month. `reference` names the scenario in the file.
    public static func recording(of model: Model, reference: String? = nil) -> DemoScript {
        let changes = model.schedule.changes
        return recording(from: model.scenario, reference: reference ?? model.scenario.name, changes: changes,
                         finalMonth: model.month, elapsed: model.presentation.changeTimes.seconds(for: changes),
                         speed: model.speed)
    }
}
