import LoopConfig

extension ThemeCatalog {
    /// The theme the dashboard starts with: `load(name ?? "default")`, except that the
    /// bundled `default.yaml` is not read. It is the compiled-in default (BundledThemeTests
    /// checks that), and reading YAML at start-up costs about 2 MiB of resident memory.
    /// A `default.yaml` of the user's or in `--themes-dir` is read as usual.
    public func loadAtStartup(_ name: String?) throws(ConfigError) -> ThemeFile.Loaded {
        let wanted = name ?? Theme.builtInDefault.name
        if wanted == Theme.builtInDefault.name, file(named: wanted)?.origin ?? .bundled == .bundled {
            return ThemeFile.Loaded(theme: .builtInDefault, warnings: [], rolesSet: Set(Role.allCases))
        }
        return try load(wanted)
    }
}
