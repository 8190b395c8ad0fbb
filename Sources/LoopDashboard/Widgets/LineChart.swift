/// A line chart of several series over the same x range, drawn with braille dots
/// (2×4 per cell), half blocks (1×2) or ASCII marks (1×1). Later series draw over
/// earlier ones, so the baseline ghost goes first.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var values: [Double]
        public var style: Style
        /// Draw every other point: tells a ghost from the live line without colour.
        public var dotted: Bool
        /// The mark used in ASCII, distinct per series.
        public var mark: Unicode.Scalar
        public init(values: [Double], style: Style, dotted: Bool = false, mark: Unicode.Scalar = "*") {
            self.values = values; self.style = style; self.dotted = dotted; self.mark = mark
        }
    }

    public var series: [Series]
    public var yMin: Double
    public var yMax: Double
    /// Number of x positions (points per series).
    public var count: Int

    public init(series: [Series], yMin: Double, yMax: Double, count: Int) {
        self.series = series; self.yMin = yMin; self.yMax = yMax; self.count = count
    }

    /// Dots per cell for a glyph tier.
    static func resolution(_ tier: GlyphTier) -> (x: Int, y: Int) {
        switch tier {
        case .braille: (2, 4)
        case .block: (1, 2)
        case .ascii: (1, 1)
        }
    }

    /// The cell column of point `i` in a plot `width` cells wide.
    public func column(of i: Int, width: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int((Double(i) / Double(count - 1) * Double(width - 1)).rounded())
    }

    /// The cell row of value `v` in a plot `height` cells tall (0 = top).
    public func row(of v: Double, height: Int) -> Int {
        let span = yMax - yMin
        guard span > 0, v.isFinite else { return height - 1 }
        let t = (v - yMin) / span
        return height - 1 - Int((t * Double(height - 1)).rounded()).clamped(0, height - 1)
    }

    public func draw(into f: inout Frame, _ rect: Rect, tier: GlyphTier) {
        guard rect.width > 0, rect.height > 0, count > 0 else { return }
        let (rx, ry) = Self.resolution(tier)
        let pw = rect.width * rx, ph = rect.height * ry
        var bits = [UInt8](repeating: 0, count: rect.width * rect.height)
        var owner = [Int](repeating: -1, count: rect.width * rect.height)
        let span = yMax - yMin
        for (si, s) in series.enumerated() {
            var prev: (Int, Int)?
            for (i, v) in s.values.enumerated() where v.isFinite {
                let px = count > 1 ? Int((Double(i) / Double(count - 1) * Double(pw - 1)).rounded()) : 0
                let t = span > 0 ? (v - yMin) / span : 0.5
                let py = ph - 1 - Int((t * Double(ph - 1)).rounded()).clamped(0, ph - 1)
                let points = prev.map { Self.line(from: $0, to: (px, py)) } ?? [(px, py)]
                for (n, (x, y)) in points.enumerated() {
                    if s.dotted && (x + n) % 2 == 1 { continue }
                    let cx = x / rx, cy = y / ry
                    guard cx >= 0, cy >= 0, cx < rect.width, cy < rect.height else { continue }
                    let k = cy * rect.width + cx
                    bits[k] |= Self.dotBit(tier, x % rx, y % ry)
                    owner[k] = si
                }
                prev = (px, py)
            }
        }
        for cy in 0..<rect.height {
            for cx in 0..<rect.width {
                let k = cy * rect.width + cx
                guard owner[k] >= 0 else { continue }
                let s = series[owner[k]]
                f.put(rect.x + cx, rect.y + cy, Self.glyph(tier, bits[k], mark: s.mark), s.style)
            }
        }
    }

    static func dotBit(_ tier: GlyphTier, _ dx: Int, _ dy: Int) -> UInt8 {
        switch tier {
        case .braille:
            let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            return table[dx][dy]
        case .block: return dy == 0 ? 1 : 2
        case .ascii: return 1
        }
    }

    static func glyph(_ tier: GlyphTier, _ bits: UInt8, mark: Unicode.Scalar) -> Unicode.Scalar {
        switch tier {
        case .braille: return Unicode.Scalar(0x2800 + UInt32(bits)) ?? "⣿"
        case .block: return bits == 3 ? "█" : (bits == 1 ? "▀" : "▄")
        case .ascii: return mark
        }
    }

    /// The points of a straight line between two dots (Bresenham), both ends included.
    static func line(from a: (Int, Int), to b: (Int, Int)) -> [(Int, Int)] {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var out: [(Int, Int)] = []
        while true {
            out.append((x0, y0))
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
        return out
    }
}

extension Int {
    /// The value kept within `lo ... hi`.
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.max(lo, Swift.min(hi, self)) }
}
