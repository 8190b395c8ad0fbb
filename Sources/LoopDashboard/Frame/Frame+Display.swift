extension Frame {
    /// The rows as the terminal shows them for a glyph tier: in ASCII every scalar goes
    /// through `Glyphs.asciiFallback`, as the terminal layer does when it draws.
    public func text(for tier: GlyphTier) -> String {
        guard tier == .ascii else { return text }
        var s = String.UnicodeScalarView()
        for y in 0..<height {
            var row = String.UnicodeScalarView()
            for x in 0..<width { row.append(Glyphs.asciiFallback(self[x, y].scalar)) }
            s.append(contentsOf: String(row).trimmingTrailingSpaces().unicodeScalars)
            if y < height - 1 { s.append("\n") }
        }
        return String(s)
    }
}
