/// The colours a screen is drawn with outside a terminal (SVG): a theme's resolved cell
/// styles turned into RGB, with the terminal's own default colours stood in for by the
/// theme's `foreground`/`background`, or a typical dark or light terminal's when the theme
/// leaves them to the terminal.
public struct ScreenPalette: Sendable {
    public let theme: Theme
    public let tier: ColorTier
    /// What `default` means here.
    public let foreground: RGB
    public let background: RGB

    /// A typical dark terminal (One Dark's colours) and light terminal, for themes that say `default`.
    public static let darkDefaults = (fg: RGB(0xab, 0xb2, 0xbf), bg: RGB(0x28, 0x2c, 0x34))
    public static let lightDefaults = (fg: RGB(0x38, 0x3a, 0x42), bg: RGB(0xfa, 0xfa, 0xfa))

    public init(theme: Theme, tier: ColorTier) {
        self.theme = theme; self.tier = tier
        let defaults = theme.kind == .dark ? Self.darkDefaults : Self.lightDefaults
        foreground = RGB(theme.foreground, tier: tier) ?? defaults.fg
        background = RGB(theme.background, tier: tier) ?? defaults.bg
    }

    /// One cell's colours as drawn: reverse applied, defaults filled in.
    public func colors(_ style: Style) -> (fg: RGB, bg: RGB, attributes: Attributes) {
        let r = theme.resolve(style, tier: tier)
        var fg = RGB(terminal: r.fg, tier: tier) ?? foreground
        var bg = RGB(terminal: r.bg, tier: tier) ?? background
        if r.attributes.contains(.reverse) { swap(&fg, &bg) }
        return (fg, bg, r.attributes)
    }
}

/// A 24-bit colour, written `#rrggbb`.
public struct RGB: Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// `#rrggbb`, lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [r, g, b] { s.append(digits[Int(v >> 4)]); s.append(digits[Int(v & 15)]) }
        return s
    }

    /// A theme colour as a tier shows it; nil for the terminal's default.
    init?(_ color: Color, tier: ColorTier) {
        self.init(terminal: ColorConversion.resolve(color, tier: tier), tier: tier)
    }

    /// A terminal colour number as the xterm palette (or direct colour) shows it; nil for -1.
    public init?(terminal c: TerminalColor, tier: ColorTier) {
        guard c >= 0 else { return nil }
        if tier == .direct && c >= 8 || c > 255 {
            self.init(UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF))
        } else if c < 16 {
            let (r, g, b) = Color.ansiRGB[c]
            self.init(UInt8(r), UInt8(g), UInt8(b))
        } else if c < 232 {
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = c - 16
            self.init(levels[i / 36], levels[i / 6 % 6], levels[i % 6])
        } else {
            let v = UInt8(8 + 10 * (c - 232))
            self.init(v, v, v)
        }
    }
}
