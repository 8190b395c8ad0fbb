import ArgumentParser
import LoopConfig
import LoopDashboard

/// `--theme` and `--themes-dir`: which theme the dashboard starts with and where `t` finds
/// the others.
struct ThemeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A theme name (`moneyloop themes list`) or a theme file.",
                                            valueName: "NAME|FILE"))
    var theme: String?

    @Option(name: .customLong("themes-dir"), help: ArgumentHelp(
        "Look for themes here first, before ~/.config/moneyloop/themes and the bundled ones.", valueName: "DIR"))
    var themesDir: String?

    /// The catalog for these options; a `--themes-dir` that is not a directory is an error.
    func catalog() throws(ConfigError) -> ThemeCatalog { try Self.catalog(themesDir: themesDir) }

    static func catalog(themesDir: String?) throws(ConfigError) -> ThemeCatalog {
        if let dir = themesDir {
            guard FileSystem.isDirectory(dir) else {
                throw ConfigError(file: "--themes-dir", keyPath: dir, message: "no such directory")
            }
        }
        return ThemeCatalog.standard(themesDir: themesDir)
    }

    /// The catalog; the themes `t` cycles through, starting at `--theme` (or `default`,
    /// which a user's `default.yaml` may replace); a notice for the status line when that
    /// theme's file has warnings.
    func resolve() throws(ConfigError) -> (catalog: ThemeCatalog, cycle: ThemeCycle, notice: String?) {
        let catalog = try catalog()
        let loaded = try catalog.loadAtStartup(theme)
        let notice = loaded.warnings.first.map { "warning: \($0.description)" }
        return (catalog, ThemeCycle(names: catalog.names(), current: loaded.theme), notice)
    }

    /// `resolve`, or the error on stderr and exit status 2.
    func resolveOrExit() -> (catalog: ThemeCatalog, cycle: ThemeCycle, notice: String?) {
        do {
            return try resolve()
        } catch {
            CommandOutput.fail(error.description)
        }
    }
}
