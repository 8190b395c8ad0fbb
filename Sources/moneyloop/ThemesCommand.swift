import ArgumentParser
import LoopConfig
import LoopDashboard

/// `moneyloop themes list` and `moneyloop themes check FILE`.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes --theme and `t` can use, or check a theme file.",
        subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the themes found: name, kind (dark or light) and where each comes from.")

        @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Also look here, first.", valueName: "DIR"))
        var themesDir: String?

        func run() throws {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let catalog = try ThemeOptions.catalog(themesDir: themesDir)
                return ThemesCommand.render(catalog.list())
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a theme file (or a theme name); exit status 2 on the first problem.")

        @Argument(help: ArgumentHelp("A theme file or a theme name.", valueName: "FILE"))
        var file: String

        func run() throws {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let loaded = try ThemeCatalog.standard().load(file)
                for w in loaded.warnings {
                    StandardStream.error.write("warning: \(ConfigError.sanitize(w.description))\n")
                }
                let t = loaded.theme
                let inherited = Role.allCases.count - loaded.rolesSet.count
                let from = inherited == 0 ? "" : ", \(inherited) from the default"
                let gradients = t.gradients.keys.map(\.rawValue).sorted()
                let set = loaded.rolesSet.count
                return "\(file): ok: \(t.name) (\(t.kind.rawValue)), \(set) role\(set == 1 ? "" : "s") set\(from)"
                    + (gradients.isEmpty ? "" : ", gradients: \(gradients.joined(separator: ", "))")
                    + (loaded.warnings.isEmpty ? "" : ", \(loaded.warnings.count) warning(s)") + "\n"
            }
        }
    }

    /// One line per theme: name, kind, origin and file; a broken file says why.
    static func render(_ entries: [ThemeEntry]) -> String {
        entries.map { e in
            let kind = e.kind?.rawValue ?? "-"
            let origin = e.origin.rawValue
            var line = "\(e.name.padding(16)) \(kind.padding(6)) \(origin.padding(13)) \(e.path ?? "(compiled in)")\n"
            if let p = e.problem { line += "    does not load: \(ConfigError.sanitize(p))\n" }
            return line
        }.joined()
    }
}
