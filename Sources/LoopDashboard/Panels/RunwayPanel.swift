import LoopSim

/// Revenue runway: each company's cash over the horizon, the baseline as a dotted ghost
/// behind the what-if, the present month marked, and who runs out first in words.
public struct RunwayPanel: Sendable {
    public var model: Model
    public var caps: Capabilities

    public init(model: Model, caps: Capabilities) {
        self.model = model; self.caps = caps
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 20, r.height >= 3 else { return }
        let p = model.projection
        let glyphs = Glyphs.of(caps.glyphs)
        f.text(r.x, r.y, summary(p).truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.text, .bold))
        var top = r.y + 1
        if let line = AnalyticsLine(model: model, glyphs: glyphs) {
            line.draw(into: &f, Rect(x: r.x, y: top, width: r.width, height: 1))
            top += 1
        }
        let chartArea = Rect(x: r.x, y: top, width: r.width, height: r.maxY - 1 - top)
        let companies: [Node] = [.coreweave, .vast]
        let each = chartArea.height / companies.count
        guard each >= 3 else { return }
        for (i, c) in companies.enumerated() {
            let rect = Rect(x: chartArea.x, y: chartArea.y + i * each, width: chartArea.width, height: each)
            drawCompany(&f, c, rect, glyphs: glyphs)
        }
        drawMonthAxis(&f, Rect(x: r.x + Self.axisWidth, y: r.maxY - 1, width: r.width - Self.axisWidth, height: 1))
    }

    /// Width of the y-axis labels column.
    static let axisWidth = 8

    /// "CoreWeave runs out in Jun 2028 (month 31) · Vast > 60 mo · first: CoreWeave".
    func summary(_ p: Projection) -> String {
        let parts = [Node.coreweave, .vast].map { c -> String in
            let name = c == .coreweave ? "CoreWeave" : "Vast"
            guard let m = p.runway(of: c) else { return "\(name) runway > \(p.horizon) mo" }
            return "\(name) out \(p.start.adding(months: m).shortLabel) (\(m) mo)"
        }
        let first = p.firstToRunOut.map { "first out: \($0.label)" } ?? "nobody runs out"
        return (parts + [first]).joined(separator: " · ")
    }

    func drawCompany(_ f: inout Frame, _ c: Node, _ r: Rect, glyphs: Glyphs) {
        let whatIf = model.projection.months.map { $0.cash(of: c) }
        let ghost = model.baseline.months.map { $0.cash(of: c) }
        let fan = FanBands(model: model, company: c, role: c == .coreweave ? .series1 : .series2)
        let all = whatIf + ghost + (fan?.extremes ?? [])
        let lo = min(0, all.min() ?? 0), hi = max(all.max() ?? 1, lo + 1)
        let plot = Rect(x: r.x + Self.axisWidth, y: r.y + 1, width: r.width - Self.axisWidth, height: r.height - 1)
        let role: Role = c == .coreweave ? .series1 : .series2
        let now = model.now.cash(of: c)
        let title = "\(c.label) cash \(Format.dollars(now))"
        f.text(r.x, r.y, title.truncated(to: r.width), Style(role, .bold))
        let legend = "···· baseline  ──── what-if"
        if r.width - title.count > legend.count + 2 {
            f.text(r.maxX - legend.count, r.y, caps.glyphs == .ascii ? ".... baseline  **** what-if" : legend, Style(.dim))
        }
        guard plot.height >= 1, plot.width >= 4 else { return }
        let chart = LineChart(series: [
            .init(values: ghost, style: Style(.ghost), dotted: true, mark: "."),
            .init(values: whatIf, style: Style(role, .bold), mark: c == .coreweave ? "*" : "+"),
        ], yMin: lo, yMax: hi, count: whatIf.count)
        fan?.draw(into: &f, plot, chart: chart, tier: caps.glyphs)
        // The zero line: below it the company is out of cash.
        if lo < 0 {
            let zy = plot.y + chart.row(of: 0, height: plot.height)
            for x in plot.x..<plot.maxX { f.put(x, zy, glyphs.tier == .ascii ? "-" : "┄", Style(.bad)) }
        }
        // The present month.
        let px = plot.x + chart.column(of: model.month, width: plot.width)
        for y in plot.y..<plot.maxY { f.put(px, y, glyphs.tier == .ascii ? ":" : "┆", Style(.present)) }
        chart.draw(into: &f, plot, tier: caps.glyphs)
        // Y labels: top, zero (when visible), bottom.
        f.text(r.x, plot.y, Format.dollars(hi).padded(to: Self.axisWidth - 1, right: true), Style(.axis))
        f.text(r.x, plot.maxY - 1, Format.dollars(lo).padded(to: Self.axisWidth - 1, right: true), Style(.axis))
    }

    func drawMonthAxis(_ f: inout Frame, _ r: Rect) {
        guard r.width > 10 else { return }
        let p = model.projection
        let count = p.months.count
        let chart = LineChart(series: [], yMin: 0, yMax: 1, count: count)
        // Labels every year from the start, as many as fit.
        var nextFree = r.x
        for m in stride(from: 0, through: p.horizon, by: 12) {
            let x = r.x + chart.column(of: m, width: r.width)
            let label = p.start.adding(months: m).shortLabel
            guard x >= nextFree, x + label.count <= r.maxX else { continue }
            f.text(x, r.y, label, Style(.axis))
            nextFree = x + label.count + 1
        }
    }
}
