import LoopConfig
import LoopDashboard
import LoopSim

/// The model a dashboard (or a snapshot of one) starts with for `--scenario` and `--set`:
/// a loop file opens on the generic engine, any other scenario on the article's.
enum DashboardStart {
    static func model(scenario: String?, sets: [String], paused: Bool) throws(ConfigError) -> Model {
        var model: Model
        if let file = ScenarioLocator.standard().loopFile(scenario) {
            var loop = try LoopFile.load(contentsOf: file)
            let levers = try LoopSetOption.apply(sets, to: &loop)
            model = Model(paused: paused)
            model.load(LoopSession(loop: loop, levers: levers))
        } else {
            var loaded = try ScenarioLocator.standard().resolve(scenario)
            try SetOption.apply(sets, to: &loaded.parameters)
            model = Model(scenario: loaded, paused: paused)
        }
        if let s = scenario, ScenarioLocator.isPath(s) { model.scenarioPath = s }
        return model
    }
}
