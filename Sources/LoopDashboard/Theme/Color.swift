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

    /// The nearest of the first `count` ANSI colours (16 or 8).
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
        var best = 0, bestD = Int.max
        for i in 0..<min(count, Color.ansiRGB.count) {
            let d = dist(Color.ansiRGB[i], (Int(r), Int(g), Int(b)))
            if d < bestD { best = i; bestD = d }
        }
        return best
    }

    static func dist(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for the eye's sensitivity to green.
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    /// `color` as the terminal number for a tier; `fallback16` is used for 16 and 8 colours when given.
    public static func resolve(_ color: Color, tier: ColorTier, fallback16: Color? = nil) -> TerminalColor {
        switch (color, tier) {
        case (_, .mono), (.default, _): return -1
        case let (.ansi(i), .c8): return i % 8
        case let (.ansi(i), _): return i
        case let (.rgb(r, g, b), .direct): return Int(r) << 16 | Int(g) << 8 | Int(b)
        case let (.rgb(r, g, b), .c256): return index256(r, g, b)
        case let (.rgb(r, g, b), .c16):
            if let fb = fallback16, fb != color { return resolve(fb, tier: .c16) }
            return nearestANSI(r, g, b, count: 16)
        case let (.rgb(r, g, b), .c8):
            if let fb = fallback16, fb != color { return resolve(fb, tier: .c8) }
            return nearestANSI(r, g, b, count: 8)
        }
    }
}
