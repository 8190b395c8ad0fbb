import LoopConfig
import LoopDashboard

/// The dashboard's file work: atomic writes, scenario and theme reads. Each answers with
/// the message `update` expects.
struct FileEffects: Sendable {
    var themes: ThemeCatalog = .standard()

    /// Writes `contents` to `path` atomically.
    func write(_ contents: String, to path: String) -> Message {
        do {
            try AtomicFile.write(contents, to: path)
            return .written(path: path, error: nil)
        } catch {
            return .written(path: path, error: error.message)
        }
    }

    /// Reads a scenario for `:scenario`.
    func loadScenario(_ name: String) -> Message {
        do {
            let scenario = try ScenarioLocator.standard().resolve(name)
            return .scenarioLoaded(scenario, path: ScenarioLocator.isPath(name) ? name : nil)
        } catch {
            return .loadFailed(error.description)
        }
    }

    /// The scenarios `c` offers.
    func scenarioList() -> Message {
        .analytics(.scenarioList(ScenarioLocator.standard().list()))
    }

    /// Reads the scenario chosen to compare against.
    func loadComparison(_ name: String) -> Message {
        do {
            return .analytics(.comparisonLoaded(try ScenarioLocator.standard().resolve(name)))
        } catch {
            return .loadFailed(error.description)
        }
    }

    /// Reads a theme by name or file.
    func theme(named name: String) -> Message {
        do {
            return .themeLoaded(try themes.theme(named: name))
        } catch {
            return .loadFailed(error.description)
        }
    }
}
