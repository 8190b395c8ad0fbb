/// How many colours the terminal can show.
public enum ColorTier: String, CaseIterable, Sendable, Comparable {
    case mono, c8 = "8", c16 = "16", c256 = "256", direct

    /// Ordering from fewest colours to most.
    public static func < (a: ColorTier, b: ColorTier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which characters may be drawn: braille and block elements, blocks only, or ASCII.
public enum GlyphTier: String, CaseIterable, Sendable {
    case braille, block, ascii
}

/// What the terminal can do, detected once and handed to `view`.
public struct Capabilities: Equatable, Sendable {
    public var color: ColorTier
    public var glyphs: GlyphTier
    public init(color: ColorTier, glyphs: GlyphTier) {
        self.color = color; self.glyphs = glyphs
    }
    /// A UTF-8, 256-colour terminal: the common case.
    public static let standard = Capabilities(color: .c256, glyphs: .braille)
    /// Plain text, for `snapshot` and tests.
    public static let plain = Capabilities(color: .mono, glyphs: .braille)
    public var isMono: Bool { color == .mono }
}
