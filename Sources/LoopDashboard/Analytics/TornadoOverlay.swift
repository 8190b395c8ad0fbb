import LoopSim

/// The `K` overlay: a tornado chart of one metric against every lever swung low ↔ high,
/// largest effect on top. Bars grow from the base value: one glyph for the lever at its
/// low end, another for its high end, so the chart reads in mono and ASCII.
public struct TornadoOverlay: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) { self.model = model; self.glyphs = glyphs }

    /// Glyphs for the bar of the lever's low end and of its high end.
    public static func glyphs(_ tier: GlyphTier) -> (low: Unicode.Scalar, high: Unicode.Scalar) {
        tier == .ascii ? ("-", "#") : ("▒", "█")
    }

    public func draw(into f: inout Frame, _ screen: Rect) {
        guard let t = model.analytics.tornado else { return }
        let title = "Sensitivity: \(t.metric.label)"
        let badge = "\(model.keys.key(for: .nextMetric, in: .tornado)) metric · "
            + "\(model.keys.key(for: .closeOverlay, in: .tornado)) closes"
        guard let inner = AnalyticsOverlayView.box(&f, screen, width: 110, height: t.bars.count + 4, title: title,
                                                   badge: badge, glyphs: glyphs) else { return }
        let (lowGlyph, highGlyph) = Self.glyphs(glyphs.tier)
        let base = t.metric.format(t.base, horizon: t.horizon)
        let intro = "Base \(base). Each lever low ↔ high, others as set; largest effect first."
        f.text(inner.x + 1, inner.y, intro.truncated(to: inner.width - 2, ellipsis: glyphs.ellipsis), Style(.overlay))
        let legend = "\(lowGlyph) lever low end  \(highGlyph) lever high end · left: lower result, right: higher"
        f.text(inner.x + 1, inner.y + 1, legend.truncated(to: inner.width - 2, ellipsis: glyphs.ellipsis), Style(.dim))
        let valueWidth = 9
        let rangeWidth = inner.width >= 100 ? 18 : 0
        let labelWidth = min(32, max(12, inner.width - 2 - 2 * valueWidth - rangeWidth - 25))
        let barWidth = max(5, inner.width - 2 - labelWidth - 2 * valueWidth - rangeWidth - 4)
        let half = (barWidth - 1) / 2
        let largest = t.bars.flatMap { [abs($0.atLow - t.base), abs($0.atHigh - t.base)] }.max() ?? 0
        let column = { (v: Double) -> Int in
            guard largest > 0, v.isFinite else { return 0 }
            return Int(((v - t.base) / largest * Double(half)).rounded())
        }
        for (i, b) in t.bars.prefix(max(0, inner.height - 2)).enumerated() {
            let y = inner.y + 2 + i
            let p = ParameterRegistry.parameter(b.parameter)
            var x = inner.x + 1
            f.text(x, y, (p?.label ?? b.parameter.rawValue).padded(to: labelWidth), Style(.overlay))
            x += labelWidth + 1
            if rangeWidth > 0 {
                let v = { (d: Double) in p.map { Format.parameterValue(d, unit: $0.unit) } ?? Format.fixed(d, 2) }
                f.text(x, y, "\(v(b.low))…\(v(b.high))".padded(to: rangeWidth), Style(.dim))
                x += rangeWidth + 1
            }
            // The lower result on the left, the higher on the right, each marked with its end's glyph.
            let mark = { (v: Double, glyph: Unicode.Scalar) in
                b.atLow == b.atHigh ? t.metric.format(v, horizon: t.horizon) : "\(glyph) \(t.metric.format(v, horizon: t.horizon))"
            }
            let lowFirst = b.atLow <= b.atHigh
            let lower = lowFirst ? mark(b.atLow, lowGlyph) : mark(b.atHigh, highGlyph)
            let higher = lowFirst ? mark(b.atHigh, highGlyph) : mark(b.atLow, lowGlyph)
            f.text(x, y, lower.padded(to: valueWidth, right: true), Style(lowFirst ? .series2 : .series1))
            x += valueWidth + 1
            let center = x + half
            // The longer end first, so the shorter one stays visible on top of it.
            let ends = [(column(b.atLow), lowGlyph, Role.series2), (column(b.atHigh), highGlyph, Role.series1)]
                .sorted { abs($0.0) > abs($1.0) }
            for (end, glyph, role) in ends where end != 0 {
                for dx in stride(from: end > 0 ? 1 : -1, through: end, by: end > 0 ? 1 : -1) {
                    f.put(center + dx, y, glyph, Style(role))
                }
            }
            f.put(center, y, glyphs.vertical, Style(.axis))
            f.text(x + barWidth + 1, y, higher, Style(lowFirst ? .series1 : .series2))
        }
    }
}
