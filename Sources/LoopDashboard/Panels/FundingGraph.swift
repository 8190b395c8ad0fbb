import LoopSim

/// The funding graph: companies as boxes with cash and a health mark, edges with the
/// month's flow in $/month and pulses that move faster the more money moves. The loop
/// NVIDIA → CoreWeave → Vast → (valuation) → NVIDIA reads as a loop.
public struct FundingGraph: Sendable {
    /// The order Tab/arrows walk through the nodes.
    public static let selectionOrder: [Node] = [.nvidia, .coreweave, .vast, .otherCustomers, .lenders, .hyperscalers]

    public var month: MonthSnapshot
    public var projection: Projection
    public var present: Int
    /// The node whose box is highlighted (when the graph has focus).
    public var selected: Node?
    /// The node whose details are shown.
    public var detailed: Node
    public var phase: Int
    public var glyphs: Glyphs
    /// The usage price before hyperscaler pressure.
    public var listPrice: Double
    /// The same month of the baseline: edges show the what-if's difference from it.
    public var baseMonth: MonthSnapshot

    public init(model: Model, glyphs: Glyphs, focused: Bool) {
        month = model.now
        projection = model.projection
        present = model.month
        selected = focused ? model.selectedNode : nil
        detailed = model.selectedNode
        phase = model.phase
        self.glyphs = glyphs
        listPrice = model.value("price.gpuHour")
        baseMonth = model.baseline.month(model.month)
    }

    /// Geometry of the graph for an inner rectangle.
    struct Geometry {
        var boxWidth: Int, gap: Int, boxLines: Int, edgeRows: Int
        var top: Int, middle: Int, bottom: Int
        var col: [Int]  // x of the three columns
        var boxHeight: Int { boxLines + 2 }
    }

    static func geometry(_ r: Rect) -> Geometry? {
        let lines: Int, edge: Int
        if r.height >= 17 { lines = 3; edge = 2 } else if r.height >= 13 { lines = 1; edge = 2 } else { return nil }
        let bw = max(14, min(24, (r.width - 24) / 3))
        let gap = (r.width - 3 * bw) / 2
        guard gap >= 10 else { return nil }
        let topH = min(lines, 2) + 2
        // Centre the graph (and the details under it) when the panel is taller than it needs.
        let needed = topH + edge + lines + 2 + edge + topH + 6
        let top = r.y + max(0, (r.height - needed) / 2)
        let middle = top + topH + edge
        let bottom = middle + lines + 2 + edge
        return Geometry(boxWidth: bw, gap: gap, boxLines: lines, edgeRows: edge, top: top, middle: middle,
                        bottom: bottom, col: [r.x, r.x + bw + gap, r.x + 2 * (bw + gap)])
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard let g = Self.geometry(r) else { drawList(into: &f, r); return }
        let cw = month.coreweave, vast = month.vast, nv = month.nvidia
        let topLines = min(g.boxLines, 2)
        let cx = g.col[1], bw = g.boxWidth

        // Boxes.
        let hyper = Rect(x: g.col[0], y: g.top, width: bw, height: topLines + 2)
        let nvidia = Rect(x: cx, y: g.top, width: bw, height: topLines + 2)
        let customers = Rect(x: g.col[0], y: g.middle, width: bw, height: g.boxHeight)
        let coreweave = Rect(x: cx, y: g.middle, width: bw, height: g.boxHeight)
        let vastBox = Rect(x: g.col[2], y: g.middle, width: bw, height: g.boxHeight)
        let lenders = Rect(x: cx, y: g.bottom, width: bw, height: topLines + 2)

        let priceDrop = listPrice > 0 ? 1 - cw.price / listPrice : 0
        box(&f, hyper, .hyperscalers, [
            "price \(Format.percent(-priceDrop))",
            "⇢ \(Format.dollars(-flowAmount(.hyperscalers, .coreweave)))/mo",
        ], health: nil)
        box(&f, nvidia, .nvidia, ["stake \(Format.dollars(nv.stakeValue))",
                                  "sales \(Format.dollars(nv.salesToCoreWeave))"], health: nil)
        let payers = Node.customers.filter { flowAmount($0, .coreweave) > 0 }.count
        box(&f, customers, .otherCustomers, ["\(payers) payers",
                                             "contracts \(Format.dollars(cw.committedRevenue))",
                                             "usage \(Format.dollars(cw.usageRevenue))"], health: nil, title: "Customers")
        box(&f, coreweave, .coreweave, ["cash \(Format.dollars(cw.cash))",
                                        "rev \(Format.dollars(cw.revenue))",
                                        "debt \(Format.dollars(cw.debt))"], health: health(.coreweave))
        box(&f, vastBox, .vast, ["cash \(Format.dollars(vast.cash))",
                                 "ARR \(Format.dollars(vast.arr))",
                                 "from CW \(Format.percent(vast.revenue > 0 ? vast.revenueFromCoreWeave / vast.revenue : 0))"],
            health: health(.vast))
        box(&f, lenders, .lenders, ["interest \(Format.dollars(cw.interest))", "principal \(Format.dollars(cw.principal))"],
            health: nil)

        // Horizontal edges: customers → CoreWeave → Vast.
        let midRow = g.middle + 1 + g.boxLines / 2
        let revenue = { (s: MonthSnapshot) in Node.customers.reduce(0.0) { $0 + s.flow(from: $1, to: .coreweave) } }
        let service = { (s: MonthSnapshot) in s.coreweave.interest + s.coreweave.principal }
        hEdge(&f, from: customers.maxX, to: coreweave.x - 1, y: midRow, amount: revenue(month),
              base: revenue(baseMonth), kind: "revenue", role: .customer)
        hEdge(&f, from: coreweave.maxX, to: vastBox.x - 1, y: midRow, amount: flowAmount(.coreweave, .vast),
              base: baseMonth.flow(from: .coreweave, to: .vast), kind: "storage", role: .vast)

        // Vertical edges: CoreWeave ↔ NVIDIA, CoreWeave ↔ lenders.
        let left = cx + bw / 2 - 2, right = cx + bw / 2 + 1
        vEdge(&f, x: left, from: coreweave.y - 1, to: nvidia.maxY, amount: flowAmount(.coreweave, .nvidia),
              base: baseMonth.flow(from: .coreweave, to: .nvidia), label: "GPUs", labelLeft: true, role: .nvidia)
        vEdge(&f, x: right, from: nvidia.maxY, to: coreweave.y - 1, amount: flowAmount(.nvidia, .coreweave),
              base: baseMonth.flow(from: .nvidia, to: .coreweave), label: "backstop", labelLeft: false, role: .nvidia)
        vEdge(&f, x: left, from: lenders.y - 1, to: coreweave.maxY, amount: flowAmount(.lenders, .coreweave),
              base: baseMonth.flow(from: .lenders, to: .coreweave), label: "draws", labelLeft: true, role: .lender)
        vEdge(&f, x: right, from: coreweave.maxY, to: lenders.y - 1, amount: service(month), base: service(baseMonth),
              label: "debt service", labelLeft: false, role: .lender)

        // The loop closes: Vast's valuation rides on the deal; NVIDIA may invest.
        let vx = vastBox.x + bw / 2
        let loopRow = g.top + 1
        if loopRow < vastBox.y - 1 {
            let dash: Unicode.Scalar = glyphs.tier == .ascii ? "." : "╌"
            for y in loopRow..<vastBox.y { f.put(vx, y, glyphs.tier == .ascii ? ":" : "╎", Style(.edge)) }
            for x in nvidia.maxX + 1..<vx { f.put(x, loopRow, dash, Style(.edge)) }
            f.put(nvidia.maxX, loopRow, glyphs.arrowLeft, Style(.vast, .bold))
            f.put(vx, loopRow, glyphs.tier == .ascii ? "+" : "╮", Style(.edge))
            let label = "valuation \(Format.dollars(vast.valuation))"
            let room = vx - nvidia.maxX - 2
            if room > 4 {
                f.text(nvidia.maxX + 2, loopRow + 1, label.truncated(to: room, ellipsis: glyphs.ellipsis), Style(.edgeLabel))
            }
        }

        // Details of the selected node, bottom-left; a legend bottom-right.
        let detail = Rect(x: r.x, y: customers.maxY + 1, width: cx - r.x - 1, height: r.maxY - customers.maxY - 1)
        drawDetails(into: &f, detail, node: detailed)
        let legend = Rect(x: lenders.maxX + 2, y: vastBox.maxY + 1, width: r.maxX - lenders.maxX - 2,
                          height: r.maxY - vastBox.maxY - 1)
        if legend.height >= 1 {
            f.text(legend.x, legend.maxY - 1, "flows per month".truncated(to: legend.width), Style(.dim))
        }
    }

    /// Sum of flows from → to this month.
    func flowAmount(_ from: Node, _ to: Node) -> Double { month.flow(from: from, to: to) }

    /// Health of a company from its runway measured from the present month.
    func health(_ c: Node) -> Role {
        let cash = month.cash(of: c)
        if cash < 0 { return .bad }
        if let r = projection.runway(of: c), r - present <= 24 { return .warn }
        return .good
    }

    func box(_ f: inout Frame, _ r: Rect, _ node: Node, _ lines: [String], health: Role?, title: String? = nil) {
        let isSel = selected == node
        let inner = Box(title: title ?? node.label, focused: isSel).draw(into: &f, r, glyphs: glyphs)
        let role = Self.role(of: node)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            f.text(inner.x, inner.y + i, line.truncated(to: inner.width, ellipsis: glyphs.ellipsis), Style(role))
        }
        if let h = health, inner.width > 2 {
            let mark = h == .good ? glyphs.healthGood : (h == .warn ? glyphs.healthWarn : glyphs.healthBad)
            f.put(inner.maxX - 1, inner.y, mark, Style(h, .bold))
        }
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

    func hEdge(_ f: inout Frame, from x0: Int, to x1: Int, y: Int, amount: Double, base: Double, kind: String,
               role: Role)
    {
        let kind = kind + Self.delta(amount, base: base)
        guard x1 > x0 + 1 else { return }
        let len = x1 - x0
        for x in x0..<x1 { f.put(x, y, glyphs.horizontal, Style(.edge)) }
        f.put(x1, y, glyphs.arrowRight, Style(role, .bold))
        if let p = Self.pulsePeriod(amount) {
            f.put(x0 + (phase / p) % len, y, glyphs.pulse, Style(.pulse, .bold))
        }
        let money = Format.dollars(amount) + (len - 1 >= Format.dollars(amount).count + 3 ? "/mo" : "")
        f.text(x0 + max(0, (len - money.count) / 2), y - 1, money.truncated(to: len), Style(.edgeLabel, .bold))
        f.text(x0 + max(0, (len - kind.count) / 2), y + 1, kind.truncated(to: len), Style(.dim))
    }

    func vEdge(_ f: inout Frame, x: Int, from y0: Int, to y1: Int, amount: Double, base: Double, label: String,
               labelLeft: Bool, role: Role)
    {
        let label = label + Self.delta(amount, base: base)
        let up = y1 < y0
        let lo = min(y0, y1), hi = max(y0, y1)
        for y in lo...hi { f.put(x, y, glyphs.vertical, Style(.edge)) }
        f.put(x, y1, up ? glyphs.arrowUp : glyphs.arrowDown, Style(role, .bold))
        let len = hi - lo + 1
        if let p = Self.pulsePeriod(amount), len > 1 {
            let step = (phase / p) % len
            f.put(x, up ? y0 - step : y0 + step, glyphs.pulse, Style(.pulse, .bold))
        }
        let text = ["\(label)", Format.dollars(amount) + "/mo"]
        for (i, t) in text.enumerated() where lo + i <= hi {
            if labelLeft {
                f.text(x - 1 - t.count, lo + i, t, Style(i == 0 ? .dim : .edgeLabel, i == 0 ? [] : .bold))
            } else {
                f.text(x + 2, lo + i, t, Style(i == 0 ? .dim : .edgeLabel, i == 0 ? [] : .bold))
            }
        }
    }

    func drawDetails(into f: inout Frame, _ r: Rect, node: Node) {
        guard r.height >= 1, r.width >= 12 else { return }
        var lines: [String] = []
        let cw = month.coreweave
        switch node {
        case .coreweave:
            let rev = max(cw.revenue, 1)
            lines = ["CoreWeave · runway \(Format.runway(projection.runway(of: .coreweave), horizon: projection.horizon))",
                     "payers: " + Node.customers.map { "\(short($0)) \(Format.percent(flowAmount($0, .coreweave) / rev))" }
                        .joined(separator: " "),
                     "opex \(Format.dollars(cw.opex + cw.overhead)) capex \(Format.dollars(cw.capex))",
                     "interest \(Format.dollars(cw.interest)) principal \(Format.dollars(cw.principal))",
                     "debt \(Format.dollars(cw.debt))"]
        case .vast:
            let v = month.vast
            lines = ["Vast · runway \(Format.runway(projection.runway(of: .vast), horizon: projection.horizon))",
                     "revenue \(Format.dollars(v.revenue)) costs \(Format.dollars(v.costs))",
                     "from CoreWeave \(Format.percent(v.revenue > 0 ? v.revenueFromCoreWeave / v.revenue : 0))",
                     "valuation \(Format.dollars(v.valuation))"]
        case .nvidia:
            let n = month.nvidia
            lines = ["NVIDIA · exposure \(Format.dollars(n.exposure))",
                     "GPU sales \(Format.dollars(n.salesToCoreWeave))/mo",
                     "stake \(Format.dollars(n.stakeValue))",
                     "round trip \(Format.percent(n.roundTripShare, digits: 1))"]
        case .lenders:
            lines = ["Lenders · debt \(Format.dollars(cw.debt))",
                     "draws \(Format.dollars(cw.debtDraw))/mo",
                     "interest \(Format.dollars(cw.interest))/mo",
                     "principal \(Format.dollars(cw.principal))/mo"]
        case .hyperscalers:
            lines = ["Hyperscalers: a price force",
                     "$/GPU-h now \(Format.fixed(cw.price, 2))",
                     "lost to price \(Format.dollars(flowAmount(.hyperscalers, .coreweave)))/mo"]
        default:
            lines = ["Customers → CoreWeave"] + Node.customers.map {
                "\($0.label) \(Format.dollars(flowAmount($0, .coreweave)))/mo"
            }
        }
        for (i, l) in lines.prefix(r.height).enumerated() {
            f.text(r.x, r.y + i, l.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(i == 0 ? .title : .text, i == 0 ? .bold : []))
        }
    }

    func short(_ n: Node) -> String {
        switch n {
        case .microsoft: "MS"
        case .openai: "OAI"
        case .meta: "Meta"
        default: "oth"
        }
    }

    /// When the panel is too small for boxes: the flows as a list.
    func drawList(into f: inout Frame, _ r: Rect) {
        let cw = month.coreweave
        let rows = [
            "customers → CoreWeave \(Format.dollars(cw.revenue))/mo",
            "CoreWeave → NVIDIA \(Format.dollars(flowAmount(.coreweave, .nvidia)))/mo",
            "CoreWeave → Vast \(Format.dollars(flowAmount(.coreweave, .vast)))/mo",
            "CoreWeave → lenders \(Format.dollars(cw.interest + cw.principal))/mo",
            "cash: CW \(Format.dollars(cw.cash)) Vast \(Format.dollars(month.vast.cash))",
        ]
        for (i, l) in rows.prefix(r.height).enumerated() {
            f.text(r.x, r.y + i, l.truncated(to: r.width, ellipsis: glyphs.ellipsis), .text)
        }
    }
}
