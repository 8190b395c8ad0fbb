import LoopSim

/// Monte Carlo fan bands behind a company's cash line: the p5–p95 band and, darker,
/// the p25–p75 band, as shaded cells. Each band has its own glyph in every tier (░ ▒,
/// or ' " in ASCII), so they read without colour; the lines draw over them.
public struct FanBands: Sendable {
    public var bands: Bands
    public var role: Role

    /// The bands of `company` when the model has a Monte Carlo result for its levers.
    public init?(model: Model, company: Node, role: Role) {
        guard let outcome = model.monteCarlo?.outcome(of: company) else { return nil }
        bands = outcome.cash
        self.role = role
    }

    /// The glyphs of the outer and inner band in a tier.
    public static func glyphs(_ tier: GlyphTier) -> (outer: Unicode.Scalar, inner: Unicode.Scalar) {
        tier == .ascii ? ("'", "\"") : ("░", "▒")
    }

    /// The values the chart's scale must include.
    public var extremes: [Double] { [bands.range.min, bands.range.max] }

    /// Shades the cells of `plot` between the percentiles, month by column, with the
    /// scale of `chart`.
    public func draw(into f: inout Frame, _ plot: Rect, chart: LineChart, tier: GlyphTier) {
        guard plot.width > 0, plot.height > 0, chart.count > 0 else { return }
        let (outer, inner) = Self.glyphs(tier)
        for x in 0..<plot.width {
            let t = plot.width > 1 ? Int((Double(x) / Double(plot.width - 1) * Double(chart.count - 1)).rounded()) : 0
            guard t < bands.p5.count else { continue }
            shade(&f, plot, x, from: bands.p95[t], to: bands.p5[t], chart, outer, Style(role, .dim))
            shade(&f, plot, x, from: bands.p75[t], to: bands.p25[t], chart, inner, Style(role))
        }
    }

    private func shade(_ f: inout Frame, _ plot: Rect, _ x: Int, from top: Double, to bottom: Double,
                       _ chart: LineChart, _ glyph: Unicode.Scalar, _ style: Style)
    {
        guard top.isFinite, bottom.isFinite else { return }
        let y0 = chart.row(of: top, height: plot.height), y1 = chart.row(of: bottom, height: plot.height)
        for y in min(y0, y1)...max(y0, y1) { f.put(plot.x + x, plot.y + y, glyph, style) }
    }
}
