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
        let levers = try LoopSetOption.apply(options.sets, to: &loop)
        return LoopSetup(loop: loop, levers: levers, months: options.months?.value ?? loop.horizon)
    }

    func project() -> LoopProjection { LoopEngine.project(loop, levers: levers, months: months) }
}
