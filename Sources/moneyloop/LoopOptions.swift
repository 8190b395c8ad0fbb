import LoopConfig
import LoopReport
import LoopSim

/// `--scenario` naming a loop file (entities and deals): the loop, its levers from
/// `--set`, and the months to run. Nil when the scenario is an article-format file.
struct LoopSetup {
    var loop: MoneyLoop
    var levers: LoopLevers
    var months: Int

    static func resolve(_ options: SimulationOptions) throws(ConfigError) -> LoopSetup? {
        guard let path = ScenarioLocator.standard().loopFile(options.scenario) else { return nil }
        var loop = try LoopFile.load(contentsOf: path)
        var months = loop.horizon
        if let text = options.months {
            guard let n = Int(text.trimmingSpaces()), (1...Scenario.maxHorizon).contains(n) else {
                throw ConfigError(file: "--months", keyPath: text,
                                  message: "expected a whole number of months, 1 … \(Scenario.maxHorizon)")
            }
            months = n
        }
        let levers = try LoopSetOption.apply(options.sets, to: &loop)
        return LoopSetup(loop: loop, levers: levers, months: months)
    }

    func project() -> LoopProjection { LoopEngine.project(loop, levers: levers, months: months) }
}
