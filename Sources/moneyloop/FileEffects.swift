import LoopConfig
import LoopDashboard

/// The dashboard's file work: atomic writes, scenario loads, theme switches.
enum FileEffects {
    @Sendable static func perform(_ effect: Effect) -> Message? {
        switch effect {
        case let .write(path, contents):
            do {
                try AtomicFile.write(contents, to: path)
                return .written(path: path, error: nil)
            } catch {
                return .written(path: path, error: error.message)
            }
        case let .loadScenario(name):
            do {
                let scenario = try ScenarioLocator.standard().resolve(name)
                return .scenarioLoaded(scenario, path: ScenarioLocator.isPath(name) ? name : nil)
            } catch {
                return .loadFailed(error.description)
            }
        case let .setTheme(name):
            return name == Theme.builtInDefault.name ? nil : .loadFailed("unknown theme '\(name)'; themes: default")
        default:
            return nil
        }
    }
}
