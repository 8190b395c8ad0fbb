import LoopConfig
import LoopDashboard

/// The dashboard's file work: atomic writes, scenario loads, theme switches. A served
/// dashboard's goes to ``ServedFiles`` instead, which writes nothing.
enum FileEffects {
    @Sendable static func perform(_ effect: Effect, themes: ThemeCatalog = .standard(), served: ServedFiles? = nil) -> Message? {
        if let served { return served.perform(effect) }
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
        case .analytics(.listScenarios):
            return .analytics(.scenarioList(ScenarioLocator.standard().list().filter { !$0.isLoop }))
        case let .analytics(.loadComparison(name)):
            do {
                return .analytics(.comparisonLoaded(try ScenarioLocator.standard().resolve(name)))
            } catch {
                return .loadFailed(error.description)
            }
        case let .setTheme(name):
            do {
                return .themeLoaded(try themes.theme(named: name))
            } catch {
                return .loadFailed(error.description)
            }
        default:
            return nil
        }
    }
}
