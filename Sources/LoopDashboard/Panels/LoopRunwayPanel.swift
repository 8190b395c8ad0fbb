import LoopSim

/// A loop's runway, both ways, as the engine computes it (`LoopHeadline`): who needs money
/// first with the what-if (beyond rollovers and revolvers) and who would be out of cash
/// first if markets closed; then every entity of the loop (not the outside world) from the
/// soonest in need to those that need nothing, with its cash now; below, the selected
/// entity's cash over the horizon against the file's dotted ghost and, where it differs,
/// its cash had markets closed.
public struct LoopRunwayPanel: Sendable {
    public var session: LoopSession
    public var month: Int
    /// The entity the chart shows: the graph's selection when it is inside the loop.
    public var charted: Int?
    public var caps: Capabilities

    public init(session: LoopSession, model: Model, caps: Capabilities) {
        self.session = session
        month = max(0, min(model.month, session.projection.horizon))
        let selected = model.ui.selectedEntity
        charted = session.insiders.contains(selected) ? selected
            : (session.firstToNeedMoney?.entity ?? session.insiders.first)
        self.caps = caps
    }

    /// "first to need money: OpenAI, Aug 26 (month 9) · if markets closed: OpenAI out Sep 26",
    /// with the file's answer when the what-if changes it.
    public var summary: String {
        let p = session.projection, loop = session.loop
        func words(_ first: (entity: Int, month: Int)?) -> String {
            first.map { "\(loop.entities[$0.entity].name), \(p.start.adding(months: $0.month).shortLabel) (month \($0.month))" }
                ?? "nobody in \(p.horizon) months"
        }
        let now = session.firstToNeedMoney, filed = session.firstToNeedMoneyAsFiled
        let file = now?.entity == filed?.entity && now?.month == filed?.month ? "" : " (as filed: \(words(filed)))"
        let closed = session.headlines.compactMap { h in h.runwayIfClosed.map { (h.entity, $0) } }.min { $0.1 < $1.1 }
        let ifClosed = closed.map { "\(loop.entities[$0.0].name) out \(p.start.adding(months: $0.1).shortLabel)" } ?? "nobody out"
        return "first to need money: \(words(now))\(file) · if markets closed: \(ifClosed)"
    }

    /// The entities from the soonest in need (then the soonest out if closed) to those that
    /// need nothing (by lowest cash).
    var order: [LoopHeadline] {
        func key(_ h: LoopHeadline) -> (Int, Int, Double) {
            (h.need.firstMonth ?? Int.max, h.runwayIfClosed ?? Int.max, lowest(h.entity))
        }
        return session.headlines.sorted { a, b in key(a) != key(b) ? key(a) < key(b) : a.entity < b.entity }
    }

    /// The entity's lowest cash over the horizon.
    func lowest(_ e: Int) -> Double {
        (0...session.projection.horizon).map { session.projection.cash($0, e) }.min() ?? 0
    }

    /// One entity's row: "OpenAI  cash $16.5B · needs Aug 26, $380.6B · closed: out Sep 26"
    /// ("rolls over Jan 27, needs Feb 27, $27.7B" when rollovers come first; `FundingWords`).
    /// Where the row is too narrow to leave the name `minimumName` columns, the cash is left out.
    func row(_ h: LoopHeadline, width: Int = .max) -> (name: String, figures: String, needs: Bool) {
        let p = session.projection
        let w = h.words(start: p.start, horizon: p.horizon)
        let funding = "\(w.shortNeed) · \(w.shortClosed)"
        let full = "cash \(Format.dollars(p.cash(month, h.entity))) · \(funding)"
        return (session.loop.entities[h.entity].name, full.count + 1 + Self.minimumName <= width ? full : funding,
                h.need.firstMonth != nil)
    }

    /// Columns an entity's name keeps before its cash is left out of the row.
    static let minimumName = 10

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 20, r.height >= 3 else { return }
        let glyphs = Glyphs.of(caps.glyphs)
        f.text(r.x, r.y, summary.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.text, .bold))
        let order = order
        // The table gets what the chart (at least 6 rows) leaves; all of it when there is no room for a chart.
        let chartRows = r.height - 1 - order.count >= 6 ? r.height - 1 - order.count : 0
        var y = r.y + 1
        for h in order.prefix(r.height - 1 - chartRows) {
            let (name, figures, out) = row(h, width: r.width)
            let nameWidth = max(4, r.width - figures.count - 1)
            f.text(r.x, y, name.truncated(to: nameWidth, ellipsis: glyphs.ellipsis),
                   Style(GraphSpec.role(of: session.loop.entities[h.entity].kind), .bold))
            f.text(max(r.x + nameWidth + 1, r.maxX - figures.count), y, figures.truncated(to: r.width - nameWidth - 1),
                   Style(out ? .bad : .good))
            y += 1
        }
        if chartRows > 0, let e = charted { drawChart(&f, e, Rect(x: r.x, y: y, width: r.width, height: r.maxY - y), glyphs) }
    }

    /// The entity's cash, what-if against the file's ghost, with zero and the present month marked.
    func drawChart(_ f: inout Frame, _ e: Int, _ r: Rect, _ glyphs: Glyphs) {
        let p = session.projection, base = session.baseline
        let whatIf = (0...p.horizon).map { p.cash($0, e) }
        let ghost = (0...base.horizon).map { base.cash($0, e) }
        let closed = p.cashIfClosed.isEmpty ? [] : (0...p.horizon).map { p.cashIfClosed[$0 * p.entityCount + e] }
        let showClosed = !closed.isEmpty && closed != whatIf
        let all = whatIf + ghost + (showClosed ? closed : [])
        let lo = min(0, all.min() ?? 0), hi = max(all.max() ?? 1, lo + 1)
        let axis = RunwayPanel.axisWidth
        let title = "\(session.loop.entities[e].name) cash over \(p.horizon) months"
        f.text(r.x, r.y, title.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.series1, .bold))
        let legend = (showClosed ? "x closed  " : "")
            + (caps.glyphs == .ascii ? ".... as filed  **** what-if" : "···· as filed  ──── what-if")
        if r.width - title.count > legend.count + 2 { f.text(r.maxX - legend.count, r.y, legend, Style(.dim)) }
        let plot = Rect(x: r.x + axis, y: r.y + 1, width: r.width - axis, height: r.height - 2)
        guard plot.height >= 1, plot.width >= 4 else { return }
        let chart = LineChart(series: [.init(values: ghost, style: Style(.ghost), dotted: true, mark: ".")]
            + (showClosed ? [LineChart.Series(values: closed, style: Style(.bad), dotted: true, mark: "x")] : [])
            + [.init(values: whatIf, style: Style(.series1, .bold), mark: "*")],
                              yMin: lo, yMax: hi, count: whatIf.count)
        if lo < 0 {
            let zy = plot.y + chart.row(of: 0, height: plot.height)
            for x in plot.x..<plot.maxX { f.put(x, zy, glyphs.tier == .ascii ? "-" : "┄", Style(.bad)) }
        }
        let px = plot.x + chart.column(of: month, width: plot.width)
        for y in plot.y..<plot.maxY { f.put(px, y, glyphs.tier == .ascii ? ":" : "┆", Style(.present)) }
        chart.draw(into: &f, plot, tier: caps.glyphs)
        f.text(r.x, plot.y, Format.dollars(hi).padded(to: axis - 1, right: true), Style(.axis))
        f.text(r.x, plot.maxY - 1, Format.dollars(lo).padded(to: axis - 1, right: true), Style(.axis))
        RunwayPanel.drawMonthAxis(&f, Rect(x: plot.x, y: r.maxY - 1, width: plot.width, height: 1),
                                  start: p.start, horizon: p.horizon)
    }
}
