import LoopSim

/// A loop's runway: who runs out of cash first with the what-if, then every entity of the
/// loop (not the outside world) from the soonest out to those that last, with its cash now
/// and its lowest; below, the selected entity's cash over the horizon against the file's
/// dotted ghost. Every month and amount is the generic engine's.
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
        charted = session.insiders.contains(selected) ? selected : (session.firstToRunOut?.entity ?? session.insiders.first)
        self.caps = caps
    }

    /// "first to run out: CoreWeave, Mar 26 (month 4)", or that nobody does; with the file's answer when the what-if changes it.
    public var summary: String {
        let p = session.projection, loop = session.loop
        func words(_ first: (entity: Int, month: Int)?) -> String {
            first.map { "\(loop.entities[$0.entity].name), \(p.start.adding(months: $0.month).shortLabel) (month \($0.month))" }
                ?? "nobody in \(p.horizon) months"
        }
        let now = words(session.firstToRunOut)
        let base = session.baseline.firstToRunOut(among: session.insiders)
            .flatMap { e in session.baseline.runway(of: e).map { (entity: e, month: $0) } }
        let file = base.map { $0.entity } == session.firstToRunOut?.entity && base?.month == session.firstToRunOut?.month
            ? "" : " (as filed: \(words(base)))"
        return "first to run out of cash: \(now)\(file)"
    }

    /// The entities in the order they run out (those that last after, by lowest cash).
    var order: [Int] {
        let p = session.projection
        return session.insiders.sorted { a, b in
            switch (p.runway(of: a), p.runway(of: b)) {
            case let (x?, y?): x != y ? x < y : a < b
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): lowest(a) != lowest(b) ? lowest(a) < lowest(b) : a < b
            }
        }
    }

    /// The entity's lowest cash over the horizon.
    func lowest(_ e: Int) -> Double {
        (0...session.projection.horizon).map { session.projection.cash($0, e) }.min() ?? 0
    }

    /// One entity's row: "CoreWeave  cash $1.2B · low −$3.4B · out Mar 26".
    func row(_ e: Int) -> (name: String, figures: String, out: Bool) {
        let p = session.projection
        let out = p.runway(of: e).map { "out \(p.start.adding(months: $0).shortLabel)" } ?? "lasts"
        return (session.loop.entities[e].name,
                "cash \(Format.dollars(p.cash(month, e))) · low \(Format.dollars(lowest(e))) · \(out)", p.runway(of: e) != nil)
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 20, r.height >= 3 else { return }
        let glyphs = Glyphs.of(caps.glyphs)
        f.text(r.x, r.y, summary.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.text, .bold))
        let order = order
        // The table gets what the chart (at least 6 rows) leaves; all of it when there is no room for a chart.
        let chartRows = r.height - 1 - order.count >= 6 ? r.height - 1 - order.count : 0
        var y = r.y + 1
        for e in order.prefix(r.height - 1 - chartRows) {
            let (name, figures, out) = row(e)
            let nameWidth = max(4, r.width - figures.count - 1)
            f.text(r.x, y, name.truncated(to: nameWidth, ellipsis: glyphs.ellipsis),
                   Style(GraphSpec.role(of: session.loop.entities[e].kind), .bold))
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
        let lo = min(0, (whatIf + ghost).min() ?? 0), hi = max((whatIf + ghost).max() ?? 1, lo + 1)
        let axis = RunwayPanel.axisWidth
        let title = "\(session.loop.entities[e].name) cash over \(p.horizon) months"
        f.text(r.x, r.y, title.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.series1, .bold))
        let legend = caps.glyphs == .ascii ? ".... as filed  **** what-if" : "···· as filed  ──── what-if"
        if r.width - title.count > legend.count + 2 { f.text(r.maxX - legend.count, r.y, legend, Style(.dim)) }
        let plot = Rect(x: r.x + axis, y: r.y + 1, width: r.width - axis, height: r.height - 2)
        guard plot.height >= 1, plot.width >= 4 else { return }
        let chart = LineChart(series: [.init(values: ghost, style: Style(.ghost), dotted: true, mark: "."),
                                       .init(values: whatIf, style: Style(.series1, .bold), mark: "*")],
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
