/// Whether the terminal's background is light, from the `COLORFGBG` variable that rxvt,
/// Konsole and others set (`"0;15"`: black on white). Used to suggest the light theme on a
/// projector; the terminal's palette is never queried or changed.
public enum ProjectorHint {
    /// True when `COLORFGBG`'s last field is a light ANSI colour (7, or 9–15): the rule
    /// Vim and other programs use. Unknown or unset: false.
    public static func lightBackground(environment: [String: String]) -> Bool {
        guard let value = environment["COLORFGBG"],
              let last = value.split(separator: ";").last, let bg = Int(last) else { return false }
        return bg == 7 || (9...15).contains(bg)
    }

    /// The one-line suggestion shown when presenting on a light background with a dark theme,
    /// naming the theme key as `keys` binds it.
    public static func notice(lightBackground: Bool, theme: Theme, keys: KeyMap = .standard) -> String? {
        guard lightBackground, theme.kind != .light else { return nil }
        return "light background? \(keys.key(for: .nextTheme)) or --theme light"
    }
}
