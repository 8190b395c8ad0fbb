import LoopSim

/// The runway panel's Monte Carlo line: a progress bar with an ETA while a run goes on,
/// then the band legend and the odds of running out. Nil when Monte Carlo is off.
public struct AnalyticsLine: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init?(model: Model, glyphs: Glyphs) {
        guard model.analytics.enabled else { return nil }
        self.model = model; self.glyphs = glyphs
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width > 0 else { return }
        if let p = model.analytics.progress {
            drawProgress(&f, r, p)
        } else if let result = model.monteCarlo {
            let text = Self.variants(result, glyphs: glyphs).first { $0.unicodeScalars.count <= r.width }
                ?? Self.variants(result, glyphs: glyphs).last!.truncated(to: r.width, ellipsis: glyphs.ellipsis)
            f.text(r.x, r.y, text, Style(.text))
        }
    }

    /// `Monte Carlo ▕█████░░░░░▏ 45% · ETA 0.3 s`, as much as fits.
    func drawProgress(_ f: inout Frame, _ r: Rect, _ p: MonteCarloProgress) {
        let label = "Monte Carlo "
        let eta = p.eta.map { " · ETA \(Format.fixed($0, 1)) s" } ?? ""
        let pct = " " + Format.percent(p.fraction)
        let barWidth = max(0, min(20, r.width - label.count - pct.count - eta.count - 2))
        var x = f.text(r.x, r.y, label, Style(.text, .bold))
        if barWidth >= 4 {
            let filled = Int((p.fraction * Double(barWidth)).rounded(.down))
            for i in 0..<barWidth {
                f.put(x + i, r.y, i < filled ? glyphs.eighths[7] : glyphs.track, Style(i < filled ? .sliderFill : .sliderTrack))
            }
            x += barWidth
        }
        f.text(x, r.y, (pct + eta).truncated(to: max(0, r.maxX - x), ellipsis: glyphs.ellipsis), Style(.text))
    }

    /// The result line, longest first.
    static func variants(_ r: MonteCarloResult, glyphs: Glyphs) -> [String] {
        let (outer, inner) = FanBands.glyphs(glyphs.tier)
        let pct = { (v: Double) in Format.percent(v) }
        let below = { (c: Node) in pct(r.probabilityOfShortRunway(c)) }
        let months = MonteCarloResult.runwayThreshold
        let first = r.companies.indices.max { r.firstOut[$0] < r.firstOut[$1] }.map { r.companies[$0].company }
        let firstShare = pct(r.firstOutShare(first))
        let firstName = first?.label ?? "nobody"
        let short = first.map { $0 == .coreweave ? "CW" : "Vast" } ?? "none"
        let paths = Format.grouped(Double(r.paths))
        return [
            "\(paths) paths: \(outer) p5–p95 \(inner) p25–p75 · runway < \(months) mo: CoreWeave \(below(.coreweave)), "
                + "Vast \(below(.vast)) · first out: \(firstName) \(firstShare)",
            "\(paths) paths \(outer)5–95 \(inner)25–75 · P(runway<\(months)) CoreWeave \(below(.coreweave)) "
                + "Vast \(below(.vast)) · first out \(firstName) \(firstShare)",
            "\(outer)5–95 \(inner)25–75 · P(<\(months) mo) CW \(below(.coreweave)) Vast \(below(.vast)) · "
                + "1st out \(short) \(firstShare)",
        ]
    }
}
