import CNcursesw
import LoopDashboard

/// Maps cell styles to curses attributes and colour pairs, allocating pairs on demand.
/// Never touches the terminal's palette: only pairs of existing colour numbers.
struct ColorPairs {
    private var pairs: [Int64: Int32] = [:]
    private var styles: [Style: (attr_t, Int32)] = [:]
    private var next: Int32 = 1
    let tier: ColorTier
    var theme: Theme

    init(tier: ColorTier, theme: Theme) {
        self.tier = tier; self.theme = theme
    }

    /// Forget every cached style (the theme changed). Pairs stay allocated.
    mutating func setTheme(_ t: Theme) {
        theme = t
        styles.removeAll(keepingCapacity: true)
    }

    /// The curses attributes and pair number for `style`.
    mutating func lookup(_ style: Style) -> (attr_t, Int32) {
        if let hit = styles[style] { return hit }
        let r = theme.resolve(style, tier: tier)
        var attrs = ml_A_NORMAL
        if r.attributes.contains(.bold) { attrs |= ml_A_BOLD }
        if r.attributes.contains(.dim) { attrs |= ml_A_DIM }
        if r.attributes.contains(.underline) { attrs |= ml_A_UNDERLINE }
        if r.attributes.contains(.reverse) { attrs |= ml_A_REVERSE }
        let result = (attrs, pair(fg: r.fg, bg: r.bg))
        styles[style] = result
        return result
    }

    private mutating func pair(fg: Int, bg: Int) -> Int32 {
        guard tier != .mono, fg >= 0 || bg >= 0 else { return 0 }
        let key = Int64(fg) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: bg)))
        if let p = pairs[key] { return p }
        guard next < ml_COLOR_PAIRS() else { return 0 }
        let p = next
        guard init_extended_pair(p, Int32(fg), Int32(bg)) == OK else { return 0 }
        next += 1
        pairs[key] = p
        return p
    }
}
