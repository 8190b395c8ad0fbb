import LoopSim

/// A month of any money loop as a `GraphSpec`: every entity a box with its cash and debt,
/// the deals as edges. Deals with the same payer, payee and status share one edge (its
/// amount their sum this month, its source each deal's); a loan also gets the edge of
/// its interest and principal back to the lender. Every amount is the engine's.
public struct LoopGraphSpec: Sendable {
    public var loop: MoneyLoop
    public var projection: LoopProjection
    public var month: Int
    /// The same loop without the what-if: edges show the difference from it.
    public var baseline: LoopProjection?

    public init(loop: MoneyLoop, projection: LoopProjection, month: Int, baseline: LoopProjection? = nil) {
        self.loop = loop; self.projection = projection
        self.month = max(0, min(month, projection.horizon)); self.baseline = baseline
    }

    /// One edge being gathered: which way, how firm, and what each deal adds.
    struct Gathered {
        var from: Int, to: Int
        var status: DealStatus
        var isCash: Bool
        var label: String
        var deals: [Int] = []
    }

    public var spec: GraphSpec {
        var edges: [Gathered] = []
        func gather(_ d: Int, from: Int, to: Int, label: String, cash: Bool) {
            let status = loop.deals[d].status
            if let i = edges.firstIndex(where: { $0.from == from && $0.to == to && $0.status == status && $0.isCash == cash }) {
                edges[i].deals.append(d)
            } else {
                edges.append(Gathered(from: from, to: to, status: status, isCash: cash, label: label, deals: [d]))
            }
        }
        for (i, d) in loop.deals.enumerated() {
            gather(i, from: d.from, to: d.to, label: Self.word(d.kind), cash: d.kind != .warrant)
            if d.kind == .loan { gather(i, from: d.to, to: d.from, label: "debt service", cash: true) }
        }
        return GraphSpec(nodes: loop.entities.indices.map(node), edges: edges.map(edge))
    }

    /// A deal kind in a word or two, for an edge.
    static func word(_ kind: DealKind) -> String {
        switch kind {
        case .takeOrPay: "contracts"
        case .usage: "usage"
        case .perUnit: "per unit"
        case .vendorSale: "purchases"
        case .equity: "equity"
        case .loan: "draws"
        case .backstop: "backstop"
        case .warrant: "warrant"
        case .recurring: "recurring"
        }
    }

    /// What moved along a gathered edge in month `t` of `p`.
    func amount(_ g: Gathered, in p: LoopProjection) -> Double {
        let t = min(month, p.horizon)
        return p.flows(month: t).reduce(0.0) { sum, f in
            f.from == g.from && f.to == g.to && g.deals.contains(f.deal) && f.isCash == g.isCash ? sum + f.amount : sum
        }
    }

    func edge(_ g: Gathered) -> GraphSpec.Edge {
        let amount = amount(g, in: projection)
        let sources = g.deals.map { loop.deals[$0].source }
        let dates = sources.map(\.date).filter { !$0.isEmpty }.sorted()
        let source = g.deals.count == 1 ? sources[0].text
            : g.deals.map { "\(loop.deals[$0].id): \(loop.deals[$0].source.label)" }.joined(separator: "; ")
        return GraphSpec.Edge(
            from: loop.entities[g.from].id, to: loop.entities[g.to].id,
            label: g.label + (g.deals.count > 1 ? " ×\(g.deals.count)" : ""), amount: amount,
            amountLabel: g.isCash ? Format.perMonth(amount) : Format.dollars(amount),
            delta: baseline.map { FundingGraph.delta(amount, base: self.amount(g, in: $0)) } ?? "",
            status: g.status, isCash: g.isCash, source: source,
            date: dates.count > 1 && dates.first != dates.last ? "\(dates.first!) to \(dates.last!)" : (dates.first ?? "undated"))
    }

    func node(_ i: Int) -> GraphSpec.Node {
        let e = loop.entities[i]
        let cash = projection.cash(month, i), debt = projection.debt(month, i), fleet = projection.fleet(month, i)
        var lines = ["cash \(Format.dollars(cash))", "debt \(Format.dollars(debt))"]
        if fleet > 0 { lines.append("GPUs \(Format.grouped(fleet))") }
        if e.external { lines = ["outside the loop"] }
        let runway = projection.runway(of: i)
        let health: GraphSpec.Health? = e.external ? nil
            : cash < 0 ? .bad : (runway.map { $0 - month <= 24 } ?? false) ? .warn : .good
        // Where the opening cash and debt come from (a filing's accession number, or the assumption).
        let notes = ["cash", "debt"].compactMap { k in e.sources[k].map { "opening \(k): \($0.label)" } }
        let details = ["\(e.name) · \(e.kind.label)" + (e.external ? " · outside the loop" : "")]
            + (e.external ? [] : ["runway \(Format.runway(runway.map { max(0, $0 - month) }, horizon: projection.horizon - month))"]
                + lines)
        return GraphSpec.Node(id: e.id, name: e.name, kind: e.kind, lines: lines, health: health, details: details,
                              notes: e.external ? [] : notes)
    }
}
