import CNcursesw
import LoopDashboard

/// What the user asked for on the command line, before detection.
public struct TerminalOptions: Sendable {
    /// `--color`; nil means detect.
    public var color: ColorTier?
    /// `--ascii`.
    public var ascii: Bool
    /// Mouse reporting where the terminal has it (off with `--no-mouse`).
    public var mouse: Bool
    public init(color: ColorTier? = nil, ascii: Bool = false, mouse: Bool = true) {
        self.color = color; self.ascii = ascii; self.mouse = mouse
    }
}

/// Detects the colour and glyph tiers: terminfo, `NO_COLOR`, `TERM`, the locale, and the
/// user's overrides. The glyph tier must be known before curses starts, the colour tier after.
enum CapabilityDetection {
    /// Sets the locale from the environment and reports whether it is UTF-8. With no
    /// locale variables at all, C.UTF-8 is tried (a modern terminal is the likely case);
    /// an explicit non-UTF-8 locale (LANG=C) is respected and gets ASCII glyphs.
    ///
    /// Curses itself still runs in C.UTF-8 where it can, as in a viewer host: every cell of
    /// the ASCII tier is ASCII (`Glyphs.asciiFallback`), the same bytes in either locale,
    /// and only in a UTF-8 locale does curses leave out REP (repeat the last character),
    /// which it would otherwise use for every rule of `-`. Many terminals that call
    /// themselves xterm (PuTTY, konsole, older VTE, iTerm2, urxvt) do not carry REP out and
    /// drew such rules short.
    static func setUpLocale(environment env: [String: String]) -> Bool {
        setlocale(LC_ALL, "")
        if ml_nl_codeset_is_utf8() != 0 { return true }
        let set = ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(env[$0] ?? "").isEmpty }
        let utf8Curses = setlocale(LC_CTYPE, "C.UTF-8") != nil && ml_nl_codeset_is_utf8() != 0
        return !set && utf8Curses
    }

    /// Whether the locale `env` names is UTF-8, without setting it (a hosting process
    /// serves viewers with different locales). No locale variable at all counts as UTF-8,
    /// as in `setUpLocale`.
    static func isUTF8(environment env: [String: String]) -> Bool {
        guard let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ env[$0] }).first(where: { !$0.isEmpty }) else {
            return true
        }
        let v = value.lowercased()
        return v.contains("utf-8") || v.contains("utf8")
    }

    static func glyphTier(utf8: Bool, options: TerminalOptions) -> GlyphTier {
        (options.ascii || !utf8) ? .ascii : .braille
    }

    /// The colour tier after `newterm` (terminfo is loaded then).
    static func colorTier(term: String, environment env: [String: String], options: TerminalOptions) -> ColorTier {
        if let forced = options.color { return forced }
        if let nc = env["NO_COLOR"], !nc.isEmpty { return .mono }
        if term == "dumb" || !has_colors() { return .mono }
        return tier(colors: Int(tigetnum("colors")), term: term)
    }

    /// The colours a tier needs from terminfo.
    static func colorsNeeded(_ tier: ColorTier) -> Int {
        switch tier {
        case .mono: 0
        case .c8: 8
        case .c16: 16
        case .c256: 256
        case .direct: 1 << 24
        }
    }

    /// The colour tier a terminfo entry with `colors` colours gives.
    static func tier(colors n: Int, term: String) -> ColorTier {
        if term.hasSuffix("-direct") || n >= 1 << 24 { return .direct }
        if n >= 256 { return .c256 }
        if n >= 16 { return .c16 }
        if n >= 8 { return .c8 }
        return .mono
    }

    /// A forced `--color` tier the terminfo entry of `term` cannot show: the same terminal's
    /// entry that can (`xterm` → `xterm-256color`, `xterm-256color` → `xterm-direct`), or
    /// the best tier `term` has, with a notice saying so. Unchanged when `term` suffices.
    static func negotiate(forced: ColorTier, term: String,
                          colors: (String) -> Int = { Int(ml_terminfo_colors($0)) }) -> (term: String, tier: ColorTier, notice: String?)
    {
        let reported = colors(term)
        let have = max(0, reported)  // -1: the entry has no colours at all
        guard reported != -2, have < colorsNeeded(forced) else { return (term, forced, nil) }
        let suffix: String? = switch forced {
        case .c16: "-16color"
        case .c256: "-256color"
        case .direct: "-direct"
        case .mono, .c8: nil
        }
        if let suffix {
            var base = term
            for s in ["-256color", "-direct", "-16color", "-88color", "-color"] where base.hasSuffix(s) {
                base.removeLast(s.count)
            }
            let sibling = base + suffix
            if colors(sibling) >= colorsNeeded(forced) { return (sibling, forced, nil) }
        }
        let best = tier(colors: have, term: term)
        let shown = { (t: ColorTier) in t == .direct ? "direct colour" : t == .mono ? "no colour" : "\(t.rawValue) colours" }
        return (term, best, "--color \(forced.rawValue): terminfo \(term) has \(have) colours; using \(shown(best))")
    }

    /// Whether this machine has a terminfo entry for `term` (ncurses' usual directories).
    static func hasTerminfo(_ term: String, environment env: [String: String]) -> Bool {
        guard let first = term.unicodeScalars.first, !term.contains("/") else { return false }
        let letter = String(Character(first))
        let hexDir = String(first.value, radix: 16)
        var dirs = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        if let home = env["HOME"] { dirs.insert(home + "/.terminfo", at: 0) }
        if let t = env["TERMINFO"] { dirs.insert(t, at: 0) }
        if let ds = env["TERMINFO_DIRS"] { dirs.insert(contentsOf: ds.split(separator: ":").map(String.init), at: 0) }
        return dirs.contains { d in
            access("\(d)/\(letter)/\(term)", R_OK) == 0 || access("\(d)/\(hexDir)/\(term)", R_OK) == 0
        }
    }
}
