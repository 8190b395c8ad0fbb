import LoopConfig
import LoopDashboard

/// The file side of the dashboard's effects, as `DashboardEffects` calls it: each read or
/// write answers with the message `update` expects. `FileEffects` works on the user's
/// files; a served dashboard's `ServedFiles` writes nothing and reads only what is allowed.
protocol FileWork: Sendable {
    func write(_ contents: String, to path: String) -> Message
    func loadScenario(_ name: String) -> Message
    /// The scenarios `c` offers.
    func scenarioList() -> Message
    /// The scenario chosen to compare against.
    func loadComparison(_ name: String) -> Message
    func theme(named name: String) -> Message
}

/// The dashboard's file work on the user's files: atomic writes, scenario and theme reads.
struct FileEffects: FileWork {
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
            let locator = ScenarioLocator.standard()
            if let file = locator.loopFile(name) {
                return .loopLoaded(try LoopFile.load(contentsOf: file), path: ScenarioLocator.isPath(name) ? name : nil)
            }
            let scenario = try locator.resolve(name)
            return .scenarioLoaded(scenario, path: ScenarioLocator.isPath(name) ? name : nil)
        } catch {
            return .loadFailed(error.description)
        }
    }

    /// The scenarios `c` offers: every one found, loop files included.
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
