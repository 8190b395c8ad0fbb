import LoopConfig

/// A directory the catalog searches, and what kind of place it is.
public struct ThemeSource: Equatable, Sendable {
    public enum Origin: String, Sendable {
        case themesDir = "--themes-dir", user, bundled, builtIn = "built in", file
    }
    public var directory: String
    public var origin: Origin
    public init(directory: String, origin: Origin) { self.directory = directory; self.origin = origin }
}

/// A theme the catalog knows: from a file (which may not load) or built in.
public struct ThemeEntry: Equatable, Sendable {
    public var name: String
    /// Nil when the file does not load.
    public var kind: Theme.Kind?
    public var origin: ThemeSource.Origin
    /// The file; nil for the built-in default.
    public var path: String?
    /// Why the file does not load.
    public var problem: String?
    /// The theme, when it loads.
    public var theme: Theme?
}

/// Finds themes for `--theme NAME|FILE`, `t`, `:theme NAME` and `moneyloop themes`: a name
/// is looked up as `NAME.yaml` in `--themes-dir`, then `$XDG_CONFIG_HOME/moneyloop/themes`
/// (`~/.config/moneyloop/themes`), then the bundled `themes/`; the first match wins, and
/// `default` is also compiled in. Anything with a `/` or ending in `.yaml` is a file.
public struct ThemeCatalog: Sendable {
    public var sources: [ThemeSource]

    public init(sources: [ThemeSource]) { self.sources = sources }

    /// The standard search order for a `--themes-dir` (nil: none).
    public static func standard(themesDir: String? = nil,
                                environment env: [String: String] = FileSystem.environment(),
                                executable: String? = BundledData.executablePath()) -> ThemeCatalog
    {
        var sources: [ThemeSource] = []
        if let d = themesDir, !d.isEmpty { sources.append(ThemeSource(directory: d, origin: .themesDir)) }
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            sources.append(ThemeSource(directory: xdg + "/moneyloop/themes", origin: .user))
        } else if let home = env["HOME"], !home.isEmpty {
            sources.append(ThemeSource(directory: home + "/.config/moneyloop/themes", origin: .user))
        }
        sources += BundledData.directories("themes", executable: executable)
            .map { ThemeSource(directory: $0, origin: .bundled) }
        var seen = Set<String>()
        return ThemeCatalog(sources: sources.filter { seen.insert($0.directory).inserted })
    }

    /// True when `text` names a file rather than a theme.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    /// The file a theme name resolves to, first match in search order.
    public func file(named name: String) -> (path: String, origin: ThemeSource.Origin)? {
        for s in sources {
            if let path = BundledData.file(named: name, in: [s.directory]) { return (path, s.origin) }
        }
        return nil
    }

    /// The theme for `--theme NAME|FILE`, with the file's warnings.
    public func load(_ nameOrFile: String) throws(ConfigError) -> ThemeFile.Loaded {
        if ThemeCatalog.isPath(nameOrFile) { return try ThemeFile.load(contentsOf: nameOrFile) }
        if let found = file(named: nameOrFile) { return try ThemeFile.load(contentsOf: found.path) }
        if nameOrFile == Theme.builtInDefault.name {
            return ThemeFile.Loaded(theme: .builtInDefault, warnings: [], rolesSet: Set(Role.allCases))
        }
        let known = list().map(\.name)
        let hint = YAMLDocument.closest(nameOrFile, in: known).map { " (did you mean \($0)?)" } ?? ""
        throw ConfigError(file: "--theme", keyPath: nameOrFile,
                          message: "no such theme\(hint); known: \(known.joined(separator: ", ")); "
                              + "or give a path to a .yaml file")
    }

    /// The theme called `name` (or a file): what `:theme NAME` uses.
    public func theme(named name: String) throws(ConfigError) -> Theme { try load(name).theme }

    /// Every theme found, first match per name, sorted by name; `default` is always there.
    public func list() -> [ThemeEntry] {
        var found: [String: ThemeEntry] = [:]
        for s in sources {
            guard let names = BundledData.fileNames(in: s.directory) else { continue }
            for file in names.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                let name = String(file[..<file.lastIndex(of: ".")!])
                guard found[name] == nil else { continue }
                let path = "\(s.directory)/\(file)"
                do {
                    let loaded = try ThemeFile.load(contentsOf: path)
                    found[name] = ThemeEntry(name: name, kind: loaded.theme.kind, origin: s.origin, path: path,
                                             theme: loaded.theme)
                } catch {
                    found[name] = ThemeEntry(name: name, kind: nil, origin: s.origin, path: path,
                                             problem: error.description)
                }
            }
        }
        let builtIn = Theme.builtInDefault
        if found[builtIn.name] == nil {
            found[builtIn.name] = ThemeEntry(name: builtIn.name, kind: builtIn.kind, origin: .builtIn, theme: builtIn)
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// The names `t` steps through: `default` first, then the others by name. Only the
    /// directories are read; each theme is read when it is first shown.
    public func names() -> [String] {
        var found = Set<String>()
        for s in sources {
            guard let files = BundledData.fileNames(in: s.directory) else { continue }
            for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                found.insert(String(file[..<file.lastIndex(of: ".")!]))
            }
        }
        found.remove(Theme.builtInDefault.name)
        return [Theme.builtInDefault.name] + found.sorted()
    }
}
