import LoopSim

/// Revenue runway: each company's cash over the horizon with financing, beside its cash
/// if markets closed, the baseline as a dotted ghost, covenant breaches marked on the
/// month axis, and in words who needs money first and what closed markets change.
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
        if r.height >= 10 {
            let words = Self.buildDelayNote(model.value(.buildDelayMonths)) + Headline(p, month: model.month).explanation
            let lines = CaptionBanner.wrap(words, width: r.width)
            let room = r.height >= 24 ? 3 : r.height >= 16 ? 2 : 1
            for (i, line) in lines.prefix(room).enumerated() {
                let last = i == room - 1 && lines.count > room
                f.text(r.x, top, last ? line.truncated(to: r.width - 1) + glyphs.ellipsis : line, Style(.dim))
                top += 1
            }
        }
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
        Self.drawMonthAxis(&f, Rect(x: r.x + Self.axisWidth, y: r.maxY - 1, width: r.width - Self.axisWidth, height: 1),
                           start: model.projection.start, horizon: model.projection.horizon)
        drawBreaches(&f, Rect(x: r.x + Self.axisWidth, y: r.maxY - 1, width: r.width - Self.axisWidth, height: 1))
    }

    /// A `!` on the month axis where one of CoreWeave's covenants starts to be broken
    /// (where no date label is written).
    func drawBreaches(_ f: inout Frame, _ r: Rect) {
        guard r.width > 10 else { return }
        let p = model.projection
        let chart = LineChart(series: [], yMin: 0, yMax: 1, count: p.months.count)
        for b in p.fundingNeed(of: .coreweave).breaches {
            let x = r.x + chart.column(of: b.month, width: r.width)
            if f[x, r.y].scalar == " " { f.put(x, r.y, "!", Style(.bad, .bold)) }
        }
    }

    /// Why a build delay moves the runway later yet the trough deeper: GPUs are paid for
    /// on delivery, so the cash goes out later, but the contracts they serve pay later too.
    static func buildDelayNote(_ months: Double) -> String {
        guard months >= 1 else { return "" }
        return "Build delay \(Int(months)) mo: GPUs land and are paid for later, so cash dips later but deeper "
            + "(the contracts wait for them). "
    }

    /// Width of the y-axis labels column.
    static let axisWidth = 8

    /// "CoreWeave needs money Mar 26, out Jun 26 if closed · Vast … · first to need money: CoreWeave".
    func summary(_ p: Projection) -> String {
        let parts = [Node.coreweave, .vast].map { c -> String in
            let name = c == .coreweave ? "CoreWeave" : "Vast"
            let need = p.fundingNeed(of: c).firstMonth.map { "needs money \(p.start.adding(months: $0).shortLabel)" }
                ?? "no new money"
            let closed = p.runwayIfClosed(of: c).map { "out \(p.start.adding(months: $0).shortLabel) if closed" }
                ?? "lasts if closed"
            let out = p.runway(of: c).map { ", out \(p.start.adding(months: $0).shortLabel)" } ?? ""
            return "\(name) \(need)\(out), \(closed)"
        }
        let first = p.firstToNeedMoney.map { "first to need money: \($0.label)" } ?? "nobody needs money"
        return (parts + [first]).joined(separator: " · ")
    }

    func drawCompany(_ f: inout Frame, _ c: Node, _ r: Rect, glyphs: Glyphs) {
        let whatIf = model.projection.months.map { $0.cash(of: c) }
        let ghost = model.baseline.months.map { $0.cash(of: c) }
        let closed = model.projection.months.map { $0.cashIfClosed(of: c) }
        let showClosed = closed != whatIf
        let fan = FanBands(model: model, company: c, role: c == .coreweave ? .series1 : .series2)
        let all = whatIf + ghost + (showClosed ? closed : []) + (fan?.extremes ?? [])
        let lo = min(0, all.min() ?? 0), hi = max(all.max() ?? 1, lo + 1)
        let plot = Rect(x: r.x + Self.axisWidth, y: r.y + 1, width: r.width - Self.axisWidth, height: r.height - 1)
        let role: Role = c == .coreweave ? .series1 : .series2
        let now = model.now.cash(of: c)
        let title = "\(c.label) cash \(Format.dollars(now))"
        f.text(r.x, r.y, title.truncated(to: r.width), Style(role, .bold))
        let legend = (showClosed ? "x closed  " : "") + "···· baseline  ──── what-if"
        if r.width - title.count > legend.count + 2 {
            let ascii = (showClosed ? "x closed  " : "") + ".... baseline  **** what-if"
            f.text(r.maxX - legend.count, r.y, caps.glyphs == .ascii ? ascii : legend, Style(.dim))
        }
        guard plot.height >= 1, plot.width >= 4 else { return }
        let chart = LineChart(series: [
            .init(values: ghost, style: Style(.ghost), dotted: true, mark: "."),
        ] + (showClosed ? [LineChart.Series(values: closed, style: Style(.bad), dotted: true, mark: "x")] : []) + [
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

    /// Month labels every year from `start` (month 0 to `horizon`), as many as fit.
    static func drawMonthAxis(_ f: inout Frame, _ r: Rect, start: YearMonth, horizon: Int) {
        guard r.width > 10 else { return }
        let chart = LineChart(series: [], yMin: 0, yMax: 1, count: horizon + 1)
        var nextFree = r.x
        for m in stride(from: 0, through: horizon, by: 12) {
            let x = r.x + chart.column(of: m, width: r.width)
            let label = start.adding(months: m).shortLabel
            guard x >= nextFree, x + label.count <= r.maxX else { continue }
            f.text(x, r.y, label, Style(.axis))
            nextFree = x + label.count + 1
        }
    }
}
