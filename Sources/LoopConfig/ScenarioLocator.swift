import LoopSim

/// A scenario found by `ScenarioLocator.list()`.
public struct ScenarioEntry: Equatable, Sendable {
    public var name: String
    public var title: String
    /// The file, or nil for the compiled-in default.
    public var path: String?
    /// True for a loop file (entities and deals), which the dashboard does not run.
    public var isLoop = false

    public init(name: String, title: String, path: String? = nil, isLoop: Bool = false) {
        self.name = name
        self.title = title
        self.path = path
        self.isLoop = isLoop
    }
}

/// Finds scenarios for `--scenario NAME|FILE`: a path (anything with a `/` or ending in
/// `.yaml`/`.yml`) is read as given; a name is looked up as `NAME.yaml` in the search
/// directories in order; `article-2025` is also compiled in.
public struct ScenarioLocator: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) { self.searchDirectories = searchDirectories }

    /// The usual search order: `$MONEYLOOP_SCENARIOS`, `./scenarios`, the `scenarios/`
    /// of the package the executable was built in, `<prefix>/share/moneyloop/scenarios`
    /// next to the executable, then `/usr/local/share` and `/usr/share`.
    public static func standard(environment: [String: String] = FileSystem.environment(),
                                currentDirectory: String = FileSystem.currentDirectory() ?? ".",
                                executable: String? = BundledData.executablePath()) -> ScenarioLocator
    {
        var dirs: [String] = []
        if let env = environment["MONEYLOOP_SCENARIOS"], !env.isEmpty { dirs.append(env) }
        dirs.append(currentDirectory + "/scenarios")
        dirs += BundledData.directories("scenarios", executable: executable)
        var seen = Set<String>()
        return ScenarioLocator(searchDirectories: dirs.filter { seen.insert($0).inserted })
    }

    /// True when `text` names a file rather than a bundled scenario.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    /// The file a name resolves to, or nil.
    public func file(named name: String) -> String? { BundledData.file(named: name, in: searchDirectories) }

    /// The scenario for `--scenario` (nil: the default).
    public func resolve(_ nameOrFile: String?) throws(ConfigError) -> Scenario {
        guard let nameOrFile, !nameOrFile.isEmpty else { return .article2025 }
        if ScenarioLocator.isPath(nameOrFile) { return try ScenarioFile.load(contentsOf: nameOrFile) }
        if let path = file(named: nameOrFile) { return try ScenarioFile.load(contentsOf: path) }
        if nameOrFile == Scenario.article2025.name { return .article2025 }
        let known = list().map(\.name)
        let hint = YAMLDocument.closest(nameOrFile, in: known).map { " (did you mean \($0)?)" } ?? ""
        throw ConfigError(file: "--scenario", keyPath: nameOrFile,
                          message: "no such scenario\(hint); known: \(known.joined(separator: ", ")); "
                              + "or give a path to a .yaml file")
    }

    /// The file of `nameOrFile` when it is a loop file (entities and deals), else nil.
    public func loopFile(_ nameOrFile: String?) -> String? {
        guard let nameOrFile, !nameOrFile.isEmpty else { return nil }
        let path = ScenarioLocator.isPath(nameOrFile) ? nameOrFile : file(named: nameOrFile)
        guard let path, let text = BundledData.embeddedText(atPath: path)
            ?? FileSystem.text(path, maxBytes: YAMLDocument.maxBytes) else { return nil }
        return LoopFile.isLoop(text) ? path : nil
    }

    /// The scenarios the dashboard can open: `list()` without loop files (entities and
    /// deals), which run in `simulate` and `scenario check`, not yet in the dashboard.
    public func dashboardScenarios() -> [ScenarioEntry] {
        list().filter { !$0.isLoop }
    }

    /// The scenarios found, first match per name, sorted by name; the compiled-in
    /// default is always there.
    public func list() -> [ScenarioEntry] {
        var found: [String: ScenarioEntry] = [:]
        for dir in searchDirectories {
            guard let names = BundledData.fileNames(in: dir) else { continue }
            for file in names.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                let name = String(file[..<file.lastIndex(of: ".")!])
                guard found[name] == nil else { continue }
                let path = "\(dir)/\(file)"
                let isLoop = loopFile(path) != nil
                let title = (isLoop ? (try? LoopFile.load(contentsOf: path))?.title
                    : (try? ScenarioFile.load(contentsOf: path))?.title) ?? "(does not load: scenario check \(path))"
                found[name] = ScenarioEntry(name: name, title: title, path: path, isLoop: isLoop)
            }
        }
        let builtIn = Scenario.article2025
        if found[builtIn.name] == nil { found[builtIn.name] = ScenarioEntry(name: builtIn.name, title: builtIn.title) }
        return found.values.sorted { $0.name < $1.name }
    }
}
