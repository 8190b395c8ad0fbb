import LoopSim

/// The funding graph: entities as boxes with cash and a health mark, deals as edges with
/// the month's flow in $/month, drawn in the style of the deal's status, and pulses that
/// move faster the more money moves. `GraphLayout` places any 2 to 12 entities; the
/// article's loop NVIDIA → CoreWeave → Vast → (valuation) → NVIDIA reads as a loop.
public struct FundingGraph: Sendable {
    /// The order Tab/arrows walk through the article loop's nodes.
    public static let selectionOrder: [Node] = [.nvidia, .coreweave, .vast, .otherCustomers, .lenders, .hyperscalers]

    public var spec: GraphSpec
    /// The node whose box is highlighted (when the graph has focus).
    public var selected: String?
    /// The node whose details are shown.
    public var detailed: String
    public var phase: Int
    public var glyphs: Glyphs
    /// Where the last layout is kept between frames (a loop's many edges); nil lays out every time.
    public var memo: GraphLayoutMemo?

    public init(spec: GraphSpec, selected: String?, detailed: String, phase: Int, glyphs: Glyphs,
                memo: GraphLayoutMemo? = nil)
    {
        self.spec = spec; self.selected = selected; self.detailed = detailed; self.phase = phase; self.glyphs = glyphs
        self.memo = memo
    }

    /// What the model runs, from its present month: a loop file's loop, or the article's.
    public init(model: Model, glyphs: Glyphs, focused: Bool) {
        if let s = model.loop {
            let spec = LoopGraphSpec(loop: s.loop, projection: s.projection, month: model.month,
                                     baseline: s.projection == s.baseline ? nil : s.baseline,
                                     headlines: s.headlines).spec
            let id = s.loop.entities[max(0, min(s.loop.entities.count - 1, model.ui.selectedEntity))].id
            self.init(spec: spec, selected: focused ? id : nil, detailed: id, phase: model.phase, glyphs: glyphs,
                      memo: s.graphMemo)
            return
        }
        self.init(spec: ArticleGraphSpec(model: model).spec, selected: focused ? model.selectedNode.rawValue : nil,
                  detailed: model.selectedNode.rawValue, phase: model.phase, glyphs: glyphs,
                  memo: model.articleGraphMemo)
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard let layout = layout(in: r) else { drawList(into: &f, r); return }
        for (i, node) in spec.nodes.enumerated() where layout.boxes[i].width > 0 { box(&f, layout.boxes[i], node) }
        for (i, e) in spec.edges.enumerated() {
            if let s = spec.index(of: e.from), let t = spec.index(of: e.to) {
                line(&f, layout.routes[i], e, from: layout.boxes[s], into: layout.boxes[t])
            }
        }
        for (i, e) in spec.edges.enumerated() { pulse(&f, layout.routes[i], e) }
        for t in layout.labels {
            let style: Style = t.isAmount ? Style(.edgeLabel, .bold) : Style(.dim)
            f.text(t.x, t.y, t.text, style, clip: r)
        }
        if let d = layout.details { drawDetails(into: &f, d) }
    }

    /// Where everything goes in `r`; nil when boxes do not fit (the list is drawn instead).
    func layout(in r: Rect) -> GraphLayout? {
        let legend = legend
        guard let memo else {
            return GraphLayout.make(spec, in: r, legend: legend, detailRows: { detailLines(width: $0).count })
        }
        let make = {
            let routed = memo.routed(GraphLayout.Shape(spec, in: r)) { GraphLayout.routed(spec, in: r) }
            return GraphLayout.make(spec, from: routed, legend: legend, detailRows: { detailLines(width: $0).count })
        }
        return memo.layout(GraphLayoutMemo.Key(spec: spec, rect: r, legend: legend, detailed: detailed), make)
    }

    static let sampleWidth = 4

    /// The legend's lines: one per status the spec uses, drawn as a sample of its line.
    /// Offered on one line first, then stacked, then stacked in short words.
    var legend: [[String]] {
        let used = DealStatus.allCases.filter { s in spec.edges.contains { $0.status == s } }
        let entries = used.map { EdgeStyle($0, glyphs: glyphs).sample(Self.sampleWidth) + " " + $0.label }
        let notCash = spec.edges.contains { !$0.isCash } ? ["no pulse: not cash"] : []
        let head = "flows per month"
        // Last, for a crowded panel: two-cell samples and a word each (`GraphLabels.placeBlock`).
        let compact = used.map { EdgeStyle($0, glyphs: glyphs).sample(2) + " " + Self.shortWord($0) }
        return [[([head + ":"] + entries + notCash).joined(separator: "  ")], [head] + entries + notCash, Self.pack(compact)]
    }

    /// Short entries packed onto as few lines as fit in 15 cells (or the widest entry):
    /// the widest first, each on the first line with room.
    static func pack(_ entries: [String]) -> [String] {
        let limit = max(15, entries.map(\.unicodeScalars.count).max() ?? 0)
        var lines: [String] = []
        for e in entries.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count }) {
            if let i = lines.firstIndex(where: { $0.unicodeScalars.count + 1 + e.unicodeScalars.count <= limit }) {
                lines[i] += " " + e
            } else {
                lines.append(e)
            }
        }
        return lines
    }

    /// A status in a word, for the compact legend.
    static func shortWord(_ s: DealStatus) -> String {
        switch s {
        case .binding: "filed"
        case .announced: "announced"
        case .letterOfIntent: "LOI"
        case .reported: "reported"
        }
    }

    func box(_ f: inout Frame, _ r: Rect, _ node: GraphSpec.Node) {
        let inner = Box(title: node.name, focused: selected == node.id).draw(into: &f, r, glyphs: glyphs)
        for (i, line) in node.lines.prefix(inner.height).enumerated() {
            f.text(inner.x, inner.y + i, line.truncated(to: inner.width, ellipsis: glyphs.ellipsis), Style(node.role))
        }
        if let h = node.health, inner.width > 2 {
            let (mark, role): (Unicode.Scalar, Role) = switch h {
            case .good: (glyphs.healthGood, .good)
            case .warn: (glyphs.healthWarn, .warn)
            case .bad: (glyphs.healthBad, .bad)
            }
            f.put(inner.maxX - 1, inner.y, mark, Style(role, .bold))
        }
    }

    /// The edge's line in its status's pattern, corners where it turns, the arrow into the target.
    func line(_ f: inout Frame, _ cells: [Point], _ e: GraphSpec.Edge, from source: Rect, into target: Rect) {
        guard let last = cells.last else { return }
        let style = EdgeStyle(e.status, glyphs: glyphs)
        for (i, p) in cells.enumerated().dropLast() {
            // Before the first cell: the source's border cell beside it.
            let prev = i > 0 ? cells[i - 1] : [Point(x: p.x - 1, y: p.y), Point(x: p.x + 1, y: p.y),
                                               Point(x: p.x, y: p.y - 1), Point(x: p.x, y: p.y + 1)]
                .first { $0.x >= source.x && $0.x < source.maxX && $0.y >= source.y && $0.y < source.maxY } ?? p
            let next = cells[i + 1]
            let scalar: Unicode.Scalar
            if prev.x != next.x, prev.y != next.y {
                scalar = style.corner(from: (p.x - prev.x, p.y - prev.y), to: (next.x - p.x, next.y - p.y))
            } else if next.y == p.y {
                scalar = style.horizontal(i)
            } else {
                scalar = style.vertical(i)
            }
            f.put(p.x, p.y, scalar, Style(style.role))
        }
        // The arrow points into the target box, whichever side the edge reaches.
        let arrow = last.x < target.x ? glyphs.arrowRight : last.x >= target.maxX ? glyphs.arrowLeft
            : last.y < target.y ? glyphs.arrowDown : glyphs.arrowUp
        let role = spec.index(of: e.to).map { spec.nodes[$0].role } ?? .edge
        f.put(last.x, last.y, arrow, Style(role, .bold))
    }

    /// The pulse: one cell moving from source to target, faster the more money moves;
    /// none on an edge that moves no cash.
    func pulse(_ f: inout Frame, _ cells: [Point], _ e: GraphSpec.Edge) {
        guard e.isCash, cells.count > 1, let p = Self.pulsePeriod(e.amount) else { return }
        let at = cells[(phase / p) % (cells.count - 1)]
        f.put(at.x, at.y, glyphs.pulse, Style(.pulse, .bold))
    }

    static func role(of node: Node) -> Role {
        switch node {
        case .nvidia: .nvidia
        case .coreweave: .coreweave
        case .vast, .vastCustomers: .vast
        case .microsoft, .openai, .meta, .otherCustomers: .customer
        case .lenders: .lender
        case .investors: .investor
        case .suppliers: .supplier
        case .hyperscalers: .hyperscaler
        }
    }

    /// Frames a pulse spends on each cell: more money, faster pulse; none when nothing flows.
    static func pulsePeriod(_ amount: Double) -> Int? {
        guard amount.isFinite, amount > 0 else { return nil }
        if amount >= 500e6 { return 1 }
        if amount >= 100e6 { return 2 }
        if amount >= 10e6 { return 3 }
        return 4
    }

    /// " Δ+$12.0M" when the what-if's flow differs from the baseline's by more than 0.5%; else "".
    static func delta(_ amount: Double, base: Double) -> String {
        let d = amount - base
        guard d.isFinite, abs(d) >= max(1, abs(base) * 0.005) else { return "" }
        return " Δ" + (d > 0 ? "+" : "") + Format.dollars(d)
    }

    /// The detailed node's own lines (its funding words packed after the first, to `width`),
    /// its source notes, then its deals (status, date, source); each note and deal wrapped to
    /// `width` with its later lines indented.
    func detailLines(width: Int) -> [String] {
        guard let node = spec.index(of: detailed) else { return [] }
        let n = spec.nodes[node]
        let wrapped = (n.notes + spec.dealLines(of: node)).flatMap { line in
            CaptionBanner.wrap(line, width: width - 2).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        let own = n.details.first.map { DetailClauses.lines($0, n.status, width: width) + n.details.dropFirst() } ?? []
        return own + wrapped
    }

    func drawDetails(into f: inout Frame, _ r: Rect) {
        // A blank row between the graph and the details when there is room for it.
        let r = r.height >= 4 ? Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1) : r
        for (i, l) in detailLines(width: r.width).prefix(r.height).enumerated() {
            f.text(r.x, r.y + i, l.truncated(to: r.width, ellipsis: glyphs.ellipsis),
                   Style(i == 0 ? .title : .text, i == 0 ? .bold : []))
        }
    }

    /// When the panel is too small for boxes (or the edges could not be told apart): every
    /// entity, then every deal, the largest flows first, as a list.
    func drawList(into f: inout Frame, _ r: Rect) {
        var rows: [String] = []
        var row = ""
        for n in spec.nodes {
            let item = n.name + (n.lines.first.map { " " + $0 } ?? "")
            if !row.isEmpty, row.unicodeScalars.count + 3 + item.unicodeScalars.count > r.width {
                rows.append(row); row = ""
            }
            row += (row.isEmpty ? "" : " · ") + item
        }
        if !row.isEmpty { rows.append(row) }
        let name = { (id: String) in GraphSpec.shortName(spec.nodes.first { $0.id == id }?.name ?? id) }
        let order = spec.edges.indices.sorted { (spec.edges[$0].amount, -$0) > (spec.edges[$1].amount, -$1) }
        for e in order.map({ spec.edges[$0] }) {
            rows.append("\(name(e.from)) → \(name(e.to)) \(e.amountLabel) \(e.label) · \(e.status.label)")
        }
        for (i, l) in rows.prefix(r.height).enumerated() {
            f.text(r.x, r.y + i, l.truncated(to: r.width, ellipsis: glyphs.ellipsis), .text)
        }
    }
}
