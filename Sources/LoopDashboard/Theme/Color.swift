/// A theme colour: the terminal's own default, one of the 16 ANSI colours, or 24-bit RGB.
public enum Color: Equatable, Sendable, Hashable {
    case `default`
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.
    case ansi(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                                   "bright-magenta", "bright-cyan", "bright-white"]

    /// Typical RGB of the 16 ANSI colours (xterm's defaults), for nearest-colour matching.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// Parses `#RRGGBB`, an ANSI name or `default`; nil otherwise.
    public init?(name: String) {
        let s = name.lowercased()
        if s == "default" { self = .default; return }
        if let i = Color.ansiNames.firstIndex(of: s) { self = .ansi(i); return }
        guard s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) else { return nil }
        self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
}

/// A colour as the terminal takes it: -1 for the terminal's default, else a colour number
/// (0–255 for palettes, 0xRRGGBB for direct colour).
public typealias TerminalColor = Int

/// Conversions of theme colours down to what a terminal can show.
public enum ColorConversion {
    /// The xterm 256-colour index nearest an RGB colour: the 6×6×6 cube or the grey ramp.
    public static func index256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: Int) -> Int {
            var best = 0
            for i in 1..<6 where abs(levels[i] - v) < abs(levels[best] - v) { best = i }
            return best
        }
        let (ri, gi, bi) = (nearestLevel(Int(r)), nearestLevel(Int(g)), nearestLevel(Int(b)))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDist = dist((levels[ri], levels[gi], levels[bi]), (Int(r), Int(g), Int(b)))
        // Grey ramp 232–255: 8, 18, … 238.
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let gi2 = max(0, min(23, (avg - 8 + 5) / 10))
        let grey = 8 + 10 * gi2
        let greyDist = dist((grey, grey, grey), (Int(r), Int(g), Int(b)))
        return greyDist < cubeDist ? 232 + gi2 : cube
    }

    /// The nearest of the first `count` ANSI colours (16 or 8). A colour with a hue keeps
    /// it: the nearest of the six ANSI hues, then the nearer of its normal and bright xterm
    /// shades (so a pastel red stays red rather than turning grey). A grey goes to black,
    /// bright black, white or bright white by lightness.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
        let (ri, gi, bi) = (Int(r), Int(g), Int(b))
        let mx = max(ri, gi, bi), mn = min(ri, gi, bi), chroma = mx - mn
        if chroma < 48 || mx < 48 {
            let lightness = (mx + mn) / 2
            let greys = count >= 16 ? [(0, 0), (8, 127), (7, 229), (15, 255)] : [(0, 0), (7, 229)]
            return greys.min { abs($0.1 - lightness) < abs($1.1 - lightness) }!.0
        }
        let c = Double(chroma)
        var hue: Double
        if mx == ri {
            hue = 60 * (Double(gi - bi) / c)
            if hue < 0 { hue += 360 }
        } else if mx == gi {
            hue = 60 * (Double(bi - ri) / c + 2)
        } else {
            hue = 60 * (Double(ri - gi) / c + 4)
        }
        // Sectors of 60° centred on red, yellow, green, cyan, blue, magenta.
        let sector = Int((hue + 30).truncatingRemainder(dividingBy: 360) / 60)
        let base = [1, 3, 2, 6, 4, 5][sector]
        guard count >= 16 else { return base }
        let rgb = (ri, gi, bi)
        return dist(Color.ansiRGB[base], rgb) <= dist(Color.ansiRGB[base + 8], rgb) ? base : base + 8
    }

    static func dist(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for the eye's sensitivity to green.
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    /// `color` as the terminal number for a tier; `fallback16` is used for 16 and 8 colours
    /// when given. Eight-colour terminals get the bright colours' dark twins here; use
    /// `foreground` to keep brightness as an attribute.
    public static func resolve(_ color: Color, tier: ColorTier, fallback16: Color? = nil) -> TerminalColor {
        switch (color, tier) {
        case (_, .mono), (.default, _): return -1
        case let (.ansi(i), .direct):
            // Colour numbers 8 and up mean RGB on direct-colour terminals.
            guard i >= 8 else { return i }
            let (r, g, b) = Color.ansiRGB[i]
            return r << 16 | g << 8 | b
        case let (.rgb(r, g, b), .direct):
            // 0–7 would be read as ANSI colours; they are all but black anyway.
            let v = Int(r) << 16 | Int(g) << 8 | Int(b)
            return v < 8 ? 0 : v
        case let (.ansi(i), _) where tier != .c8: return i
        case let (.rgb(r, g, b), .c256): return index256(r, g, b)
        default:
            let i = index16(color, fallback16: fallback16)
            return tier == .c8 ? (i >= 8 ? i - 8 : i) : i
        }
    }

    /// The 16-colour index of `color`: the explicit fallback when given, else the nearest.
    /// -1 for the terminal's default colour.
    public static func index16(_ color: Color, fallback16: Color? = nil) -> Int {
        switch fallback16 ?? color {
        case .default: return -1
        case let .ansi(i): return i
        case let .rgb(r, g, b): return nearestANSI(r, g, b, count: 16)
        }
    }

    /// A foreground colour for a tier, with the attribute that stands in for brightness on
    /// eight-colour terminals: bright colours become bold, and bright black (grey) becomes a
    /// dim white on dark themes or a dim black on light ones, never invisible.
    public static func foreground(_ color: Color, tier: ColorTier, fallback16: Color? = nil,
                                  kind: Theme.Kind = .dark) -> (color: TerminalColor, attributes: Attributes)
    {
        guard tier == .c8, color != .default else { return (resolve(color, tier: tier, fallback16: fallback16), []) }
        let i = index16(color, fallback16: fallback16)
        switch i {
        case 8: return (kind == .dark ? 7 : 0, .dim)
        case 9...15: return (i - 8, .bold)
        default: return (i, [])
        }
    }

    /// A background colour for a tier. On eight colours bright black is black on dark
    /// themes and white on light ones; other bright colours lose their brightness.
    public static func background(_ color: Color, tier: ColorTier, kind: Theme.Kind = .dark) -> TerminalColor {
        guard tier == .c8, color != .default else { return resolve(color, tier: tier) }
        let i = index16(color)
        if i == 8 { return kind == .dark ? 0 : 7 }
        return i >= 8 ? i - 8 : i
    }
}
