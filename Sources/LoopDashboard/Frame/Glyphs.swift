/// The characters widgets draw with, per glyph tier: box borders, arrows, bars, marks.
public struct Glyphs: Sendable {
    public let tier: GlyphTier
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Unicode.Scalar
    public let teeDown, teeUp, teeRight, teeLeft, cross: Unicode.Scalar
    public let arrowRight, arrowLeft, arrowUp, arrowDown: Unicode.Scalar
    public let pulse: Unicode.Scalar
    /// Partial-cell bar fills, from 1/8 to 8/8 (ASCII has only the full cell).
    public let eighths: [Unicode.Scalar]
    public let track: Unicode.Scalar
    public let marker, target: Unicode.Scalar
    public let ellipsis: String
    /// Health marks: fine, strained, out of cash (distinct shapes so mono reads them).
    public let healthGood, healthWarn, healthBad: Unicode.Scalar

    public static func of(_ tier: GlyphTier) -> Glyphs {
        switch tier {
        case .braille, .block: unicode(tier)
        case .ascii: ascii
        }
    }

    private static func unicode(_ tier: GlyphTier) -> Glyphs {
        Glyphs(tier: tier, horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
               teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼",
               arrowRight: "▶", arrowLeft: "◀", arrowUp: "▲", arrowDown: "▼", pulse: "●",
               eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], track: "·", marker: "┃", target: "▼",
               ellipsis: "…", healthGood: "●", healthWarn: "◐", healthBad: "✖")
    }

    private static let ascii = Glyphs(
        tier: .ascii, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+",
        arrowRight: ">", arrowLeft: "<", arrowUp: "^", arrowDown: "v", pulse: "o",
        eighths: ["#", "#", "#", "#", "#", "#", "#", "#"], track: ".", marker: "|", target: "v",
        ellipsis: "~", healthGood: "+", healthWarn: "!", healthBad: "X")

    /// An ASCII stand-in for any scalar, used when the terminal cannot show Unicode.
    public static func asciiFallback(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII { return s }
        switch s {
        case "─", "━", "═", "—", "–", "−", "╌", "┄", "┈", "↔": return "-"
        case "│", "┃", "║", "╎", "┆", "┊", "❚": return "|"
        case "╭", "╮", "╰", "╯", "┌", "┐", "└", "┘", "┬", "┴", "├", "┤", "┼": return "+"
        case "▶", "→", "►": return ">"
        case "◀", "←", "◄": return "<"
        case "▲", "↑": return "^"
        case "▼", "↓": return "v"
        case "●", "◐", "○": return "o"
        case "✖", "✗": return "X"
        case "×": return "x"
        case "÷": return "/"
        case "∞": return "~"
        case "…": return "~"
        case "≥": return ">"
        case "≤": return "<"
        case "≈": return "~"
        case "·", "•": return "."
        case "⇢": return ">"
        default:
            if (0x2580...0x259F).contains(s.value) { return "#" } // block elements
            if (0x2800...0x28FF).contains(s.value) { return s.value == 0x2800 ? " " : "*" } // braille
            return "?"
        }
    }
}
