/// The themes `t` steps through, loaded before the dashboard starts, and the one in use.
public struct ThemeCycle: Sendable {
    public private(set) var themes: [Theme]
    public private(set) var index: Int

    /// `themes` in cycle order, starting at `current` (the built-in default when empty).
    public init(themes: [Theme] = [.builtInDefault], current: Int = 0) {
        self.themes = themes.isEmpty ? [.builtInDefault] : themes
        index = max(0, min(self.themes.count - 1, current))
    }

    /// A cycle of `themes` that starts at `start`, added at the front when it is not one of them.
    public init(themes: [Theme], start: Theme) {
        var all = themes
        if let i = all.firstIndex(where: { $0.name == start.name }) { all[i] = start } else { all.insert(start, at: 0) }
        self.init(themes: all, current: all.firstIndex { $0.name == start.name } ?? 0)
    }

    public var current: Theme { themes[index] }
    public var names: [String] { themes.map(\.name) }

    /// Moves to the next theme, wrapping round.
    public mutating func advance() { index = (index + 1) % themes.count }

    /// Switches to the theme called `name`; false when the cycle has none.
    public mutating func select(named name: String) -> Bool {
        guard let i = themes.firstIndex(where: { $0.name == name }) else { return false }
        index = i
        return true
    }

    /// Switches to `theme`, adding it to the cycle when it is new (a file given by path).
    public mutating func use(_ theme: Theme) {
        if let i = themes.firstIndex(where: { $0.name == theme.name }) {
            themes[i] = theme
            index = i
        } else {
            themes.insert(theme, at: index + 1)
            index += 1
        }
    }
}

extension Model {
    /// The themes `t` cycles through, starting at the cycle's current one.
    public mutating func setThemes(_ cycle: ThemeCycle) {
        themes = cycle
        themeName = cycle.current.name
    }

    /// `t`: the next theme of the cycle.
    public mutating func cycleTheme() -> [Effect] {
        guard themes.themes.count > 1 else {
            notice = "only one theme found: add themes with --themes-dir or ~/.config/moneyloop/themes"
            return []
        }
        themes.advance()
        themeName = themes.current.name
        return [.themeChanged]
    }

    /// `:theme NAME`: the theme called `name` among those loaded; a notice when there is none.
    public mutating func selectTheme(named name: String) -> [Effect] {
        guard themes.select(named: name) else {
            notice = "no theme '\(name)'; themes: \(themes.names.joined(separator: ", "))"
            return []
        }
        themeName = themes.current.name
        return [.themeChanged]
    }

    /// Uses a theme loaded from elsewhere (`ThemeCatalog.theme(named:)`), e.g. a file.
    public mutating func useTheme(_ theme: Theme) -> [Effect] {
        themes.use(theme)
        themeName = theme.name
        return [.themeChanged]
    }
}
