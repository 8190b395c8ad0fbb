import LoopConfig
import LoopDashboard
import LoopSim
import Synchronization

/// The file side of a dashboard `moneyloop serve` runs for an attendee: it reads only the
/// bundled scenarios and themes and the files the presenter allowed (`serve
/// --allow-scenario/--allow-theme`, passed as hidden `--served-*` options), by name; it
/// writes nothing; and its errors never quote a file nor say whether a path exists. Those
/// files do not change while the meeting runs, so each answer is read once and kept: keys
/// that list or load them (`c`, `t`, pasted by the dozen) cost nothing the second time.
struct ServedFiles: FileWork {
    /// The rules `update` checks first.
    let policy: ServedSession
    /// Scenario and theme files by the name an attendee types.
    let scenarioFiles: [String: String]
    let themeFiles: [String: String]
    /// Answers already read, by request (shared by every viewer in a viewer host).
    private let answers = Answers()

    final class Answers: Sendable {
        private let kept = Mutex<[String: Message]>([:])
        /// The answer to `request`, read by `read` the first time only; an answer to a name
        /// that is not `listed` (a refusal, read without a file) is not kept, so typed names
        /// cannot fill the memory.
        func answer(_ request: String, listed: Bool = true, _ read: () -> Message) -> Message {
            if let known = kept.withLock({ $0[request] }) { return known }
            let message = read()
            if listed { kept.withLock { $0[request] = message } }
            return message
        }
    }

    /// The dashboard's served flag: `--served key|passcode` from the server's command line.
    /// Fails closed: `MONEYLOOP_SERVED` without the option still counts as served, with a
    /// passcode viewer's rights.
    static func access(option: String?, environment: [String: String]) throws(ConfigError) -> ServedSession.Access? {
        guard let option else { return environment["MONEYLOOP_SERVED"] == nil ? nil : .passcode }
        guard let access = ServedSession.Access(rawValue: option) else {
            throw ConfigError(file: "--served", keyPath: option, message: "must be key or passcode")
        }
        return access
    }

    init(access: ServedSession.Access, allowedScenarios: [String], allowedThemes: [String],
         executable: String? = BundledData.executablePath())
    {
        // Loop files (entities and deals) are offered too: they open on the generic engine.
        scenarioFiles = Self.yamlFiles(in: BundledData.directories("scenarios", executable: executable))
            .merging(Self.byName(allowedScenarios)) { $1 }
        themeFiles = Self.yamlFiles(in: BundledData.directories("themes", executable: executable))
            .merging(Self.byName(allowedThemes)) { $1 }
        let scenarios = Set(scenarioFiles.keys).union([Scenario.article2025.name]).sorted()
        let themes = [Theme.builtInDefault.name] + themeFiles.keys.filter { $0 != Theme.builtInDefault.name }.sorted()
        policy = ServedSession(access: access, scenarios: scenarios, themes: themes)
    }

    /// The themes `t` cycles through, starting with the compiled-in default.
    var themeCycle: ThemeCycle { ThemeCycle(names: policy.themes, current: .builtInDefault) }

    // The file effects of a served dashboard: writes are refused, reads go to the allowed
    // files only, and a refusal never quotes a file.

    func write(_ contents: String, to path: String) -> Message {
        .written(path: path, error: ServedSession.saveRefused)
    }

    func loadScenario(_ name: String) -> Message {
        answers.answer("scenario " + name, listed: policy.scenarios.contains(name)) { readScenario(name) }
    }

    private func readScenario(_ name: String) -> Message {
        if let path = scenarioFiles[name], ScenarioLocator(searchDirectories: []).loopFile(path) != nil {
            return (try? LoopFile.load(contentsOf: path)).map { .loopLoaded($0, path: nil) }
                ?? .loadFailed(policy.scenarioRefused(name))
        }
        return scenario(name).map { .scenarioLoaded($0, path: nil) } ?? .loadFailed(policy.scenarioRefused(name))
    }

    func scenarioList() -> Message {
        answers.answer("list") { readScenarioList() }
    }

    private func readScenarioList() -> Message {
        let locator = ScenarioLocator(searchDirectories: [])
        return .analytics(.scenarioList(policy.scenarios.map { name in
            let loop = scenarioFiles[name].flatMap { locator.loopFile($0) }
            let title = loop.map { (try? LoopFile.load(contentsOf: $0))?.title } ?? scenario(name)?.title
            return ScenarioEntry(name: name, title: title ?? "(does not load)", path: nil, isLoop: loop != nil)
        }))
    }

    func loadComparison(_ name: String) -> Message {
        answers.answer("comparison " + name, listed: policy.scenarios.contains(name)) { readComparison(name) }
    }

    private func readComparison(_ name: String) -> Message {
        scenario(name).map { .analytics(.comparisonLoaded($0)) } ?? .loadFailed(policy.scenarioRefused(name))
    }

    func theme(named name: String) -> Message {
        answers.answer("theme " + name, listed: policy.themes.contains(name)) { readTheme(name) }
    }

    private func readTheme(_ name: String) -> Message {
        if let path = themeFiles[name] {
            guard let loaded = try? ThemeFile.load(contentsOf: path) else {
                return .loadFailed(ServedSession.unavailable("theme", name))
            }
            return .themeLoaded(loaded.theme)
        }
        if name == Theme.builtInDefault.name { return .themeLoaded(.builtInDefault) }
        return .loadFailed(policy.themeRefused(name))
    }

    /// An allowed scenario by name; nil when it is not allowed or does not load.
    private func scenario(_ name: String) -> Scenario? {
        if let path = scenarioFiles[name] { return try? ScenarioFile.load(contentsOf: path) }
        return name == Scenario.article2025.name ? .article2025 : nil
    }

    /// `NAME.yaml`/`NAME.yml` files in `directories`, first match per name.
    static func yamlFiles(in directories: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for dir in directories {
            guard let names = BundledData.fileNames(in: dir) else { continue }
            for file in names.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                let name = String(file[..<file.lastIndex(of: ".")!])
                if found[name] == nil { found[name] = dir + "/" + file }
            }
        }
        return found
    }

    /// Files keyed by their name without directory and extension.
    static func byName(_ paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for path in paths {
            let file = String(path.split(separator: "/").last ?? Substring(path))
            let name = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
            out[name] = path
        }
        return out
    }
}
