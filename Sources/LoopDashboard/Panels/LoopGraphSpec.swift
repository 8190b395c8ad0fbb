import LoopSim

/// A month of any money loop as a `GraphSpec`: every entity a box with its cash and debt,
/// the deals as edges. Deals with the same payer and payee share one edge (its amount
/// their sum this month, its style the status of the deal that moves the most, each deal
/// one of its `parts`); a loan also gets the edge of its interest and principal back to
/// the lender. Every amount is the engine's; an edge with nothing this month says when
/// money moves (`LoopEdgeSchedule`), never "$0".
public struct LoopGraphSpec: Sendable {
    public var loop: MoneyLoop
    public var projection: LoopProjection
    public var month: Int
    /// The same loop without the what-if: edges show the difference from it.
    public var baseline: LoopProjection?
    /// Each entity's funding need and runways in `projection`, as the runway panel reads
    /// them (`LoopSession.headlines`); computed here when not given.
    public var headlines: [LoopHeadline]

    public init(loop: MoneyLoop, projection: LoopProjection, month: Int, baseline: LoopProjection? = nil,
                headlines: [LoopHeadline]? = nil)
    {
        self.loop = loop; self.projection = projection
        self.month = max(0, min(month, projection.horizon)); self.baseline = baseline
        self.headlines = headlines ?? LoopHeadline.all(loop, projection)
    }

    /// One deal's part of an edge: which way the money goes, and which deal moves it.
    struct Part: Hashable {
        var from: Int, to: Int
        var deal: Int
        var isCash: Bool
        var label: String
    }

    /// The deals of each edge, in the order the file first names each payer and payee.
    var gathered: [[Part]] {
        var edges: [[Part]] = []
        func gather(_ p: Part) {
            if let i = edges.firstIndex(where: { $0[0].from == p.from && $0[0].to == p.to && $0[0].isCash == p.isCash }) {
                edges[i].append(p)
            } else {
                edges.append([p])
            }
        }
        for (i, d) in loop.deals.enumerated() {
            gather(Part(from: d.from, to: d.to, deal: i, isCash: d.kind != .warrant, label: Self.word(d.kind)))
            if d.kind == .loan { gather(Part(from: d.to, to: d.from, deal: i, isCash: true, label: "repaid")) }
        }
        return edges
    }

    public var spec: GraphSpec {
        let edges = gathered
        let schedule = LoopEdgeSchedule(projection, month: month, parts: edges.flatMap { $0 })
        var spec = GraphSpec(nodes: loop.entities.indices.map(node), edges: edges.map { edge($0, schedule) })
        // An entity outside the loop says in its box what it pays and receives, and to how
        // many: its edges may be folded into the details (`GraphLayout.routed`).
        for (i, n) in spec.nodes.enumerated() where n.external {
            let out = spec.edges.filter { $0.from == n.id && $0.isCash }, into = spec.edges.filter { $0.to == n.id && $0.isCash }
            let lines = [(out, "→"), (into, "←")].filter { !$0.0.isEmpty }.map { edges, arrow in
                "\(Self.total(edges)) \(arrow) \(edges.count)"
            }
            spec.nodes[i].lines = lines.isEmpty ? ["outside the loop"] : lines
        }
        return spec
    }

    /// A deal kind in a word, for an edge: short enough never to be cut.
    static func word(_ kind: DealKind) -> String {
        switch kind {
        case .takeOrPay: "contract"
        case .usage: "usage"
        case .perUnit: "per unit"
        case .vendorSale: "hardware"
        case .equity: "equity"
        case .loan: "draws"
        case .backstop: "backstop"
        case .warrant: "warrant"
        case .recurring: "recurring"
        }
    }

    /// What moved along `part` in month `t` of `p`.
    func amount(_ part: Part, in p: LoopProjection) -> Double {
        let t = min(month, p.horizon)
        return p.flows(month: t).reduce(0.0) { sum, f in
            f.deal == part.deal && f.from == part.from && f.to == part.to && f.isCash == part.isCash ? sum + f.amount : sum
        }
    }

    /// What `edges` move together this month; when none moves, when one of them does
    /// ("from …" first, else "last …").
    static func total(_ edges: [GraphSpec.Edge]) -> String {
        let sum = edges.reduce(0.0) { $0 + $1.amount }
        guard sum == 0 else { return Format.perMonth(sum) }
        let whens = edges.map(\.amountLabel).filter { !$0.hasPrefix("$") }
        return whens.first { $0.hasPrefix("from ") } ?? whens.first ?? Format.perMonth(sum)
    }

    /// The amount as shown: this month's flow, or when the edge's money moves.
    static func amountLabel(_ amount: Double, isCash: Bool, when: String?) -> String {
        if amount == 0, let when { return when }
        return isCash ? Format.perMonth(amount) : Format.dollars(amount)
    }

    /// One deal's edge, as a part of the edge it shares.
    func partEdge(_ part: Part, _ schedule: LoopEdgeSchedule) -> GraphSpec.Edge {
        let d = loop.deals[part.deal], amount = amount(part, in: projection)
        return GraphSpec.Edge(
            from: loop.entities[part.from].id, to: loop.entities[part.to].id, label: part.label, amount: amount,
            amountLabel: Self.amountLabel(amount, isCash: part.isCash, when: schedule.when([part])),
            delta: baseline.map { FundingGraph.delta(amount, base: self.amount(part, in: $0)) } ?? "",
            status: d.status, isCash: part.isCash, source: "\(d.id): \(d.source.text)",
            date: d.source.date.isEmpty ? "undated" : d.source.date)
    }

    func edge(_ parts: [Part], _ schedule: LoopEdgeSchedule) -> GraphSpec.Edge {
        let each = parts.map { partEdge($0, schedule) }
        let amount = each.reduce(0.0) { $0 + $1.amount }
        // The style of the deal that moves the most this month; the first deal's when none moves.
        let lead = each.indices.max { each[$0].amount < each[$1].amount || (each[$0].amount == each[$1].amount && $0 > $1) }!
        let words = Set(parts.map(\.label))
        let label = words.count == 1 ? parts[0].label + (parts.count > 1 ? " ×\(parts.count)" : "") : "\(parts.count) deals"
        let dates = each.map(\.date).filter { $0 != "undated" }.sorted()
        let base = baseline.map { b in parts.reduce(0.0) { $0 + self.amount($1, in: b) } }
        var edge = GraphSpec.Edge(
            from: each[0].from, to: each[0].to, label: label, amount: amount,
            amountLabel: Self.amountLabel(amount, isCash: parts[0].isCash, when: schedule.when(parts)),
            delta: base.map { FundingGraph.delta(amount, base: $0) } ?? "",
            status: each[lead].status, isCash: parts[0].isCash,
            source: parts.count == 1 ? loop.deals[parts[0].deal].source.text
                : parts.map { "\(loop.deals[$0.deal].id): \(loop.deals[$0.deal].source.label)" }.joined(separator: "; "),
            date: dates.count > 1 && dates.first != dates.last ? "\(dates.first!) to \(dates.last!)" : (dates.first ?? "undated"))
        if each.count > 1 { edge.parts = each }
        return edge
    }

    func node(_ i: Int) -> GraphSpec.Node {
        let e = loop.entities[i]
        let cash = projection.cash(month, i), debt = projection.debt(month, i), fleet = projection.fleet(month, i)
        var lines = ["cash \(Format.dollars(cash))", "debt \(Format.dollars(debt))"]
        // A GPUs line whenever the entity has a fleet in any month: the box keeps its height
        // (and the graph its routes) from month to month.
        if (0...projection.horizon).contains(where: { projection.fleet($0, i) > 0 }) { lines.append("GPUs \(Format.grouped(fleet))") }
        if e.external { lines = ["outside the loop"] }
        let runway = projection.runway(of: i)
        let health: GraphSpec.Health? = e.external ? nil
            : cash < 0 ? .bad : (runway.map { $0 - month <= 24 } ?? false) ? .warn : .good
        // Where the opening cash and debt come from (a filing's accession number, or the assumption).
        let notes = ["cash", "debt"].compactMap { k in e.sources[k].map { "opening \(k): \($0.label)" } }
        let details = ["\(e.name) · \(e.kind.label)" + (e.external ? " · outside the loop" : "")] + (e.external ? [] : lines)
        // Its funding as the runway panel words it: a plain runway when it does not finance itself.
        let status = headlines.first { $0.entity == i }.map { h -> [[String]] in
            let words = h.words(start: projection.start, horizon: projection.horizon)
            return h.financed ? words.clauses : words.runwayClauses
        } ?? []
        return GraphSpec.Node(id: e.id, name: e.name, kind: e.kind, lines: lines, health: health, details: details,
                              status: status, notes: e.external ? [] : notes, external: e.external)
    }
}
