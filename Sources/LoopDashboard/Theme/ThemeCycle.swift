/// The themes `t` steps through, by name, and the one in use. Themes are read when first
/// shown (an `.setTheme` effect answered by `.themeLoaded`), so starting costs one file.
public struct ThemeCycle: Sendable, Equatable {
    /// Theme names in `t` order.
    public private(set) var names: [String]
    /// The theme in use.
    public private(set) var current: Theme
    /// Themes read so far, by name.
    private var loaded: [String: Theme]
    /// Where `t` stands in `names`; it moves on even past a theme that does not load.
    private var cursor: Int

    /// `names` in cycle order, starting at `current` (added at the front when it is not named).
    public init(names: [String] = [Theme.builtInDefault.name], current: Theme = .builtInDefault) {
        var all = names
        if !all.contains(current.name) { all.insert(current.name, at: 0) }
        self.names = all
        self.current = current
        loaded = [current.name: current]
        if current.name != Theme.builtInDefault.name { loaded[Theme.builtInDefault.name] = .builtInDefault }
        cursor = all.firstIndex(of: current.name) ?? 0
    }

    /// Themes already read, in cycle order, starting at the first.
    public init(themes: [Theme]) {
        self.init(names: themes.map(\.name), current: themes.first ?? .builtInDefault)
        for t in themes { loaded[t.name] = t }
    }

    /// The theme called `name` when it has been read.
    public func theme(named name: String) -> Theme? { loaded[name] }

    /// Moves `t`'s place to the next name, wrapping round, and returns it.
    public mutating func advance() -> String {
        cursor = (cursor + 1) % names.count
        return names[cursor]
    }

    /// Moves `t`'s place to `name` when the cycle has it.
    public mutating func point(at name: String) {
        if let i = names.firstIndex(of: name) { cursor = i }
    }

    /// Makes `theme` the one in use, keeping it; a theme the cycle did not name (a file)
    /// joins it after the present place.
    public mutating func use(_ theme: Theme) {
        loaded[theme.name] = theme
        if let i = names.firstIndex(of: theme.name) {
            cursor = i
        } else {
            cursor = min(cursor + 1, names.count)
            names.insert(theme.name, at: cursor)
        }
        current = theme
    }
}

extension Model {
    /// The themes `t` cycles through, starting at the cycle's current one.
    public mutating func setThemes(_ cycle: ThemeCycle) {
        themes = cycle
    }

    /// `t`: the next theme of the cycle.
    public mutating func cycleTheme() -> [Effect] {
        guard themes.names.count > 1 else {
            notice = "only one theme found: add themes with --themes-dir or ~/.config/moneyloop/themes"
            return []
        }
        return show(themes.advance())
    }

    /// `:theme NAME`: a theme by name or file; read first (`.setTheme`) unless it has been.
    public mutating func selectTheme(named name: String) -> [Effect] {
        themes.point(at: name)
        return show(name)
    }

    /// Uses a theme that has been read (`.themeLoaded`, or `ThemeCatalog.theme(named:)`).
    public mutating func useTheme(_ theme: Theme) -> [Effect] {
        themes.use(theme)
        return [.themeChanged]
    }

    private mutating func show(_ name: String) -> [Effect] {
        guard let theme = themes.theme(named: name) else { return [.setTheme(name)] }
        return useTheme(theme)
    }
}
