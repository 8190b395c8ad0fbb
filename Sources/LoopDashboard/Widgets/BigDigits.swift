/// Large block characters for numbers read from the back of a room: digits, `%`, `$`,
/// `.`, `M`, `B`, `k`, `-`, `>`, space and the letters of short words (`CW`, `VAST`,
/// `NONE`), three or five rows high, in block glyphs or ASCII.
///
/// Five rows: one cell per pixel of the font's 5-pixel bitmap (`█`, or `#` in ASCII);
/// `.fiveWide` doubles each pixel across so the strokes look square on a terminal's tall
/// cells. Three rows: half blocks (`▀▄█`) pack the bitmap two pixels to a cell; in ASCII
/// a seven-segment style (`|_|`) drawn for the purpose. Braille terminals use the block form.
public struct BigDigits: Sendable, Equatable {
    public enum Size: String, CaseIterable, Sendable {
        case three, five, fiveWide

        /// Rows the characters take.
        public var rows: Int { self == .three ? 3 : 5 }
    }

    public var text: String
    public var size: Size
    public var tier: GlyphTier

    public init(_ text: String, size: Size, tier: GlyphTier) {
        self.text = text; self.size = size; self.tier = tier
    }

    /// True when `c` has a glyph of its own (not the `?` drawn for anything else).
    public static func supports(_ c: Character) -> Bool { BigDigitsFont.glyph(c) != nil }

    /// Columns between two characters.
    var gap: Int { size == .fiveWide ? 2 : 1 }

    /// The rows of text the characters make, all of the same width.
    public var lines: [String] {
        let parts = text.map { renderGlyph(BigDigitsFont.glyph($0) ?? BigDigitsFont.glyphs["?"]!) }
        guard !parts.isEmpty else { return Array(repeating: "", count: size.rows) }
        let space = String(repeating: " ", count: gap)
        return (0..<size.rows).map { row in parts.map { $0[row] }.joined(separator: space) }
    }

    /// Width in columns.
    public var width: Int { lines.first?.unicodeScalars.count ?? 0 }

    /// Draws the characters with their top-left corner at (x, y); blank cells are left
    /// as they are, so a panel's background shows through.
    public func draw(into f: inout Frame, x: Int, y: Int, style: Style, clip: Rect? = nil) {
        for (dy, line) in lines.enumerated() {
            for (dx, s) in line.unicodeScalars.enumerated() where s != " " {
                f.put(x + dx, y + dy, s, style, clip: clip)
            }
        }
    }

    /// The rows of one glyph at this size and tier.
    private func renderGlyph(_ g: BigDigitsFont.Glyph) -> [String] {
        switch (size, tier) {
        case (.three, .ascii):
            return g.ascii3
        case (.three, _):
            // Pixel rows 0+1, 2+3 and 4 (over nothing) become upper/lower half blocks.
            return [0, 2, 4].map { top in
                let upper = Array(g.bitmap[top])
                let lower = top + 1 < g.bitmap.count ? Array(g.bitmap[top + 1]) : Array(repeating: ".", count: upper.count)
                return String(zip(upper, lower).map { Self.halfBlock(top: $0 == "#", bottom: $1 == "#") })
            }
        case (.five, _), (.fiveWide, _):
            let on: Character = tier == .ascii ? "#" : "█"
            let repeatCount = size == .fiveWide ? 2 : 1
            return g.bitmap.map { row in
                String(row.flatMap { px in Array(repeating: px == "#" ? on : " ", count: repeatCount) })
            }
        }
    }

    private static func halfBlock(top: Bool, bottom: Bool) -> Character {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }

    /// The largest size, of those given (largest first), at which `texts` laid side by side
    /// with `separation` columns between them fit in `width` columns and `height` rows.
    public static func largestSize(fitting texts: [String], separation: Int, width: Int, height: Int,
                                   tier: GlyphTier, sizes: [Size] = [.fiveWide, .five, .three]) -> Size?
    {
        sizes.first { size in
            let total = texts.reduce(0) { $0 + BigDigits($1, size: size, tier: tier).width }
                + separation * max(0, texts.count - 1)
            return size.rows <= height && total <= width
        }
    }
}
