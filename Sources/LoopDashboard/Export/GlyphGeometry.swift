/// Box-drawing, block and braille characters as vector shapes in one cell, so an exported
/// screen joins its lines and fills its bars exactly whatever font the viewer has (fonts
/// leave gaps between rows and substitute braille from other families).
public enum GlyphGeometry {
    /// Where a shape goes: lines are stroked (light or heavy), areas filled (some at a
    /// shade's opacity).
    public enum Layer: Int, CaseIterable, Sendable {
        case light, heavy, fill, shade1, shade2, shade3
        /// The opacity of a shade layer (░ ▒ ▓), 1 for the others.
        public var opacity: Double {
            switch self {
            case .shade1: 0.25
            case .shade2: 0.5
            case .shade3: 0.75
            default: 1
            }
        }
        public var isStroke: Bool { self == .light || self == .heavy }
    }

    /// A cell's rectangle in the picture.
    public struct Box: Sendable {
        public var x: Double, y: Double, w: Double, h: Double
        public init(x: Double, y: Double, w: Double, h: Double) { self.x = x; self.y = y; self.w = w; self.h = h }
        var cx: Double { x + w / 2 }
        var cy: Double { y + h / 2 }
    }

    /// True when `s` is drawn as shapes rather than text.
    public static func draws(_ s: Unicode.Scalar) -> Bool {
        arms[s] != nil || rounded[s] != nil || dashed[s] != nil || s == "═" || s == "║"
            || (0x2580...0x2595).contains(s.value) || (0x2801...0x28FF).contains(s.value)
    }

    /// Appends the path data of `s` in `box` to the layers it uses; false when `s` is text.
    @discardableResult
    public static func append(_ s: Unicode.Scalar, in box: Box, to paths: inout [Layer: String]) -> Bool {
        if let a = arms[s] {
            for (dx, dy) in a.directions { paths[a.heavy ? .heavy : .light, default: ""] += arm(box, dx, dy) }
        } else if let (dx, dy) = rounded[s] {
            // From the horizontal arm's edge through the centre's curve to the vertical arm's edge.
            let ex = dx > 0 ? box.x + box.w : box.x, ey = dy > 0 ? box.y + box.h : box.y
            let r = min(box.w, box.h) / 2
            paths[.light, default: ""] += "M\(n(ex)) \(n(box.cy))L\(n(box.cx + dx * r)) \(n(box.cy))"
                + "Q\(n(box.cx)) \(n(box.cy)) \(n(box.cx)) \(n(box.cy + dy * r))L\(n(box.cx)) \(n(ey))"
        } else if let (horizontal, count) = dashed[s] {
            paths[.light, default: ""] += dashes(box, horizontal: horizontal, count: count)
        } else if s == "═" || s == "║" {
            let gap = min(box.w, box.h) / 6
            for off in [-gap, gap] {
                paths[.light, default: ""] += s == "═"
                    ? "M\(n(box.x)) \(n(box.cy + off))H\(n(box.x + box.w))"
                    : "M\(n(box.cx + off)) \(n(box.y))V\(n(box.y + box.h))"
            }
        } else if (0x2801...0x28FF).contains(s.value) {
            paths[.fill, default: ""] += braille(UInt8(s.value - 0x2800), box)
        } else if let (layer, rect) = block(s, box) {
            paths[layer, default: ""] += "M\(n(rect.x)) \(n(rect.y))h\(n(rect.w))v\(n(rect.h))h\(n(-rect.w))z"
        } else {
            return false
        }
        return true
    }

    /// The stroke widths of light and heavy lines for a cell width.
    public static func strokeWidth(_ layer: Layer, cellWidth w: Double) -> Double {
        layer == .heavy ? max(2, w / 3.5) : max(1, w / 7.5)
    }

    private struct Arms { var directions: [(Double, Double)]; var heavy = false }
    private static let L = (-1.0, 0.0), R = (1.0, 0.0), U = (0.0, -1.0), D = (0.0, 1.0)
    private static let arms: [Unicode.Scalar: Arms] = [
        "─": Arms(directions: [L, R]), "│": Arms(directions: [U, D]),
        "━": Arms(directions: [L, R], heavy: true), "┃": Arms(directions: [U, D], heavy: true),
        "┌": Arms(directions: [R, D]), "┐": Arms(directions: [L, D]), "└": Arms(directions: [U, R]),
        "┘": Arms(directions: [U, L]), "├": Arms(directions: [U, D, R]), "┤": Arms(directions: [U, D, L]),
        "┬": Arms(directions: [L, R, D]), "┴": Arms(directions: [L, R, U]), "┼": Arms(directions: [L, R, U, D]),
        "╴": Arms(directions: [L]), "╶": Arms(directions: [R]), "╵": Arms(directions: [U]), "╷": Arms(directions: [D]),
    ]
    private static let rounded: [Unicode.Scalar: (Double, Double)] = ["╭": (1, 1), "╮": (-1, 1), "╰": (1, -1), "╯": (-1, -1)]
    private static let dashed: [Unicode.Scalar: (Bool, Int)] = [
        "╌": (true, 2), "┄": (true, 3), "┈": (true, 4), "╎": (false, 2), "┆": (false, 3), "┊": (false, 4),
    ]

    /// A line from the centre to the edge in direction (dx, dy).
    private static func arm(_ b: Box, _ dx: Double, _ dy: Double) -> String {
        let ex = dx == 0 ? b.cx : (dx > 0 ? b.x + b.w : b.x)
        let ey = dy == 0 ? b.cy : (dy > 0 ? b.y + b.h : b.y)
        return "M\(n(b.cx)) \(n(b.cy))L\(n(ex)) \(n(ey))"
    }

    private static func dashes(_ b: Box, horizontal: Bool, count: Int) -> String {
        let length = horizontal ? b.w : b.h
        let step = length / Double(count)
        var d = ""
        for i in 0..<count {
            let a = Double(i) * step + step * 0.2, e = Double(i + 1) * step - step * 0.2
            d += horizontal ? "M\(n(b.x + a)) \(n(b.cy))H\(n(b.x + e))" : "M\(n(b.cx)) \(n(b.y + a))V\(n(b.y + e))"
        }
        return d
    }

    /// Braille dots: bits 0–2 and 6 down the left column, 3–5 and 7 down the right.
    private static func braille(_ bits: UInt8, _ b: Box) -> String {
        let cells: [(Int, Int)] = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
        let r = min(b.w / 4, b.h / 8) * 0.8
        var d = ""
        for (bit, (col, row)) in cells.enumerated() where bits & (1 << UInt8(bit)) != 0 {
            let cx = b.x + b.w * (Double(col) * 2 + 1) / 4, cy = b.y + b.h * (Double(row) * 2 + 1) / 8
            d += "M\(n(cx - r)) \(n(cy))a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0"
        }
        return d
    }

    /// Block elements U+2580…U+2595: the part of the cell they fill.
    private static func block(_ s: Unicode.Scalar, _ b: Box) -> (Layer, Box)? {
        let v = s.value
        switch v {
        case 0x2580: return (.fill, Box(x: b.x, y: b.y, w: b.w, h: b.h / 2))
        case 0x2581...0x2588:  // lower eighths … full block
            let h = b.h * Double(v - 0x2580) / 8
            return (.fill, Box(x: b.x, y: b.y + b.h - h, w: b.w, h: h))
        case 0x2589...0x258F:  // left seven eighths … one eighth
            return (.fill, Box(x: b.x, y: b.y, w: b.w * Double(0x2590 - v) / 8, h: b.h))
        case 0x2590: return (.fill, Box(x: b.cx, y: b.y, w: b.w / 2, h: b.h))
        case 0x2591: return (.shade1, b)
        case 0x2592: return (.shade2, b)
        case 0x2593: return (.shade3, b)
        case 0x2594: return (.fill, Box(x: b.x, y: b.y, w: b.w, h: b.h / 8))
        case 0x2595: return (.fill, Box(x: b.x + b.w * 7 / 8, y: b.y, w: b.w / 8, h: b.h))
        default: return nil
        }
    }

    /// A coordinate with at most two decimals, no trailing zeros.
    static func n(_ v: Double) -> String {
        let c = (v * 100).rounded()
        let i = Int(c)
        if i % 100 == 0 { return String(i / 100) }
        let sign = i < 0 ? "-" : ""
        let a = abs(i)
        let frac = a % 100
        return sign + String(a / 100) + "." + (frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0" : "") + String(frac))
    }
}
