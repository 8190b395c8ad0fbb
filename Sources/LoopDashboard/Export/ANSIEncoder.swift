/// Frames as the bytes a terminal would be sent: a first paint, then only the cells a
/// `FrameDiff` says changed, with SGR colours for a tier (what curses would send, written
/// without curses, for recordings). Pure.
public struct ANSIEncoder: Sendable {
    public let tier: ColorTier
    public let glyphs: GlyphTier

    public init(tier: ColorTier, glyphs: GlyphTier) {
        self.tier = tier; self.glyphs = glyphs
    }

    /// The bytes that take a screen showing `previous` (nil: anything) to `next`, drawn in
    /// `theme`. A size change or a nil `previous` repaints every cell.
    public func encode(from previous: Frame?, to next: Frame, theme: Theme) -> String {
        let diff = FrameDiff(from: previous, to: next)
        var out = ""
        if diff.full { out += "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J" }
        var current: ResolvedStyle? = nil
        var cursorAt = -1  // the index the terminal's cursor is at after the last write
        for i in diff.changed {
            let cell = next.cells[i]
            if i != cursorAt || i % next.width == 0 { out += "\u{1B}[\(i / next.width + 1);\(i % next.width + 1)H" }
            let style = theme.resolve(cell.style, tier: tier)
            if style != current {
                out += sgr(style)
                current = style
            }
            let s = glyphs == .ascii ? Glyphs.asciiFallback(cell.scalar) : cell.scalar
            out.unicodeScalars.append(s.value < 0x20 || s.value == 0x7F ? " " : s)
            cursorAt = i + 1
        }
        if current != nil { out += "\u{1B}[0m" }
        if let c = next.cursor {
            out += "\u{1B}[\(c.y + 1);\(c.x + 1)H\u{1B}[?25h"
        } else if previous?.cursor != nil && !diff.full {
            out += "\u{1B}[?25l"
        }
        return out
    }

    /// The SGR sequence that sets exactly `style` (attributes reset first).
    public func sgr(_ style: ResolvedStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let fg = color(style.fg, base: 30) { codes.append(fg) }
        if let bg = color(style.bg, base: 40) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// An SGR colour parameter: 30–37/90–97 (40–47/100–107), 256-colour, or direct RGB.
    private func color(_ c: TerminalColor, base: Int) -> String? {
        guard c >= 0 else { return nil }
        if c < 8 { return String(base + c) }
        if tier == .direct { return "\(base + 8);2;\(c >> 16 & 0xFF);\(c >> 8 & 0xFF);\(c & 0xFF)" }
        if c < 16 { return String(base + 60 + c - 8) }
        return "\(base + 8);5;\(c)"
    }
}
