import LoopSim

/// The article's loop as a `GraphSpec`, built from the engine's month: CoreWeave between
/// its customers, NVIDIA, Vast Data and its lenders, hyperscalers pressing on the price.
/// Every amount is the engine's; each deal's source is the registry parameter that
/// carries its figure.
public struct ArticleGraphSpec: Sendable {
    public var month: MonthSnapshot
    public var baseMonth: MonthSnapshot
    public var projection: Projection
    public var present: Int
    /// The usage price before hyperscaler pressure.
    public var listPrice: Double
    /// The scenario's first month: the date of figures taken from the article.
    public var start: YearMonth
    /// The scenario file's own source notes (a filing's accession number after `scenario
    /// update --from-filings`), by figure; shown in the details and on the deals.
    public var sources: [String: SourceNote]
    /// CoreWeave's and Vast's funding need and runways, as the runway panel reads them.
    public var headline: Headline

    public init(model: Model) {
        month = model.now
        baseMonth = model.baseline.month(model.month)
        projection = model.projection
        present = model.month
        listPrice = model.value(.priceGpuHour)
        start = model.scenario.start
        sources = model.scenario.sources
        headline = Headline(model.projection, month: model.month)
    }

    /// One of the loop's deals: which flow, how firm, and whose figure it is.
    struct Deal {
        var from: Node, to: Node
        var label: String
        var status: DealStatus
        var source: ParameterID
        /// When the source is dated; nil for the article itself (the scenario's start).
        var date: YearMonth?
    }

    /// Drawn in this order: the horizontal chain, then each pair of opposite edges.
    static let deals: [Deal] = [
        Deal(from: .otherCustomers, to: .coreweave, label: "revenue", status: .binding, source: .cwUsageShare, date: nil),
        Deal(from: .coreweave, to: .vast, label: "storage", status: .announced, source: .vastDealTotal, date: nil),
        Deal(from: .coreweave, to: .nvidia, label: "GPUs", status: .binding, source: .nvidiaCapexShare, date: nil),
        Deal(from: .nvidia, to: .coreweave, label: "backstop", status: .binding, source: .nvidiaBackstopTotal,
             date: YearMonth(year: 2025, month: 9)),
        Deal(from: .lenders, to: .coreweave, label: "draws", status: .binding, source: .cwDebtRaise,
             date: YearMonth(year: 2024, month: 5)),
        Deal(from: .coreweave, to: .lenders, label: "debt service", status: .binding, source: .cwNewDebtRate, date: nil),
        Deal(from: .vast, to: .nvidia, label: "valuation", status: .reported, source: .vastNvidiaShareOfRaise, date: nil),
    ]

    /// The amount a deal moves this month in `s`.
    static func amount(_ d: Deal, in s: MonthSnapshot) -> Double {
        switch (d.from, d.to) {
        case (.otherCustomers, .coreweave): Node.customers.reduce(0.0) { $0 + s.flow(from: $1, to: .coreweave) }
        case (.coreweave, .lenders): s.coreweave.interest + s.coreweave.principal
        case (.vast, .nvidia): s.vast.valuation
        default: s.flow(from: d.from, to: d.to)
        }
    }

    public var spec: GraphSpec {
        let edges = Self.deals.map { d -> GraphSpec.Edge in
            let amount = Self.amount(d, in: month), cash = d.label != "valuation"
            return GraphSpec.Edge(
                from: d.from.rawValue, to: d.to.rawValue, label: d.label, amount: amount,
                amountLabel: amount == 0 ? when(d) : cash ? Format.perMonth(amount) : Format.dollars(amount),
                delta: cash ? FundingGraph.delta(amount, base: Self.amount(d, in: baseMonth)) : "",
                status: d.status, isCash: cash,
                source: sources[d.source.rawValue]?.label
                    ?? Self.firstClause(ParameterRegistry.parameter(d.source)?.source ?? d.source.rawValue),
                date: (d.date ?? start).shortLabel)
        }
        return GraphSpec(nodes: nodes, edges: edges)
    }

    /// When a deal that moves nothing this month moves money: "from …", "last …" or "none to …".
    func when(_ d: Deal) -> String {
        let months = projection.months
        let moves = { (t: Int) in Self.amount(d, in: months[t]) != 0 }
        return LoopEdgeSchedule.words(next: (present + 1..<months.count).first(where: moves),
                                      last: (0..<min(present, months.count)).last(where: moves),
                                      start: start, horizon: months.count - 1)
    }

    var nodes: [GraphSpec.Node] {
        let cw = month.coreweave, vast = month.vast, nv = month.nvidia
        let priceDrop = listPrice > 0 ? 1 - cw.price / listPrice : 0
        let payers = Node.customers.filter { month.flow(from: $0, to: .coreweave) > 0 }.count
        let rev = max(cw.revenue, 1)
        func node(_ n: Node, _ kind: EntityKind, _ lines: [String], health: GraphSpec.Health? = nil,
                  name: String? = nil, details: [String]) -> GraphSpec.Node
        {
            GraphSpec.Node(id: n.rawValue, name: name ?? n.label, kind: kind, lines: lines, health: health,
                           role: FundingGraph.role(of: n), details: details,
                           status: n == .coreweave || n == .vast ? headline.words(n).clauses : [], notes: notes(of: n))
        }
        return [
            node(.hyperscalers, .hyperscaler, ["price \(Format.percent(-priceDrop))",
                                               "⇢ \(Format.perMonth(-month.flow(from: .hyperscalers, to: .coreweave)))"],
                 details: ["Hyperscalers: a price force", "$/GPU-h now \(Format.fixed(cw.price, 2))",
                           "lost to price \(Format.perMonth(month.flow(from: .hyperscalers, to: .coreweave)))"]),
            node(.nvidia, .vendor, ["stake \(Format.dollars(nv.stakeValue))", "sales \(Format.dollars(nv.salesToCoreWeave))"],
                 details: ["NVIDIA · exposure \(Format.dollars(nv.exposure))",
                           "GPU sales \(Format.perMonth(nv.salesToCoreWeave))", "stake \(Format.dollars(nv.stakeValue))",
                           nv.roundTripShare.map { "round trip \(Format.percent($0, digits: 1))" } ?? "round trip: no sales yet"]),
            node(.otherCustomers, .other, ["\(payers) payers", "contracts \(Format.dollars(cw.committedRevenue))",
                                           "usage \(Format.dollars(cw.usageRevenue))"],
                 name: "Customers",
                 details: ["Customers → CoreWeave"] + Node.customers.map {
                     "\($0.label) \(Format.perMonth(month.flow(from: $0, to: .coreweave)))"
                 }),
            node(.coreweave, .cloudOperator, ["cash \(Format.dollars(cw.cash))", "rev \(Format.dollars(cw.revenue))",
                                              "debt \(Format.dollars(cw.debt))"],
                 health: health(.coreweave),
                 details: ["CoreWeave",
                           "payers: " + Node.customers.map {
                               "\(Self.short($0)) \(Format.percent(month.flow(from: $0, to: .coreweave) / rev))"
                           }.joined(separator: " "),
                           "opex \(Format.dollars(cw.opex + cw.overhead)) capex \(Format.dollars(cw.capex))",
                           "interest \(Format.dollars(cw.interest)) principal \(Format.dollars(cw.principal))",
                           "debt \(Format.dollars(cw.debt))"]),
            node(.vast, .storage, ["cash \(Format.dollars(vast.cash))", "ARR \(Format.dollars(vast.arr))",
                                   "from CW \(Format.percent(vast.coreweaveShare))"],
                 health: health(.vast),
                 details: ["Vast",
                           "revenue \(Format.dollars(vast.revenue)) costs \(Format.dollars(vast.costs))",
                           "from CoreWeave \(Format.percent(vast.coreweaveShare))",
                           "valuation \(Format.dollars(vast.valuation))"]),
            node(.lenders, .lender, ["interest \(Format.dollars(cw.interest))", "principal \(Format.dollars(cw.principal))"],
                 details: ["Lenders · debt \(Format.dollars(cw.debt))", "draws \(Format.perMonth(cw.debtDraw))",
                           "interest \(Format.perMonth(cw.interest))", "principal \(Format.perMonth(cw.principal))"]),
        ]
    }

    /// Where a company's figures come from, when the scenario file says: its opening cash
    /// ("opening cash: CoreWeave, Inc. 10-Q filed …, accession …, 2025-09-30"), then each
    /// of its parameters written with a source.
    func notes(of n: Node) -> [String] {
        let (prefix, cash): (String, String?) = switch n {
        case .coreweave: ("cw.", Scenario.coreweaveCashKey)
        case .vast: ("vast.", ParameterID.vastCash.rawValue)
        case .nvidia: ("nvidia.", nil)
        default: ("", nil)
        }
        guard !prefix.isEmpty else { return [] }
        var out = cash.flatMap { sources[$0] }.map { ["opening cash: \($0.label)"] } ?? []
        for p in ParameterRegistry.all where p.id.rawValue.hasPrefix(prefix) && p.id.rawValue != cash {
            if let note = sources[p.id.rawValue] { out.append("\(p.label): \(note.label)") }
        }
        return out
    }

    /// A registry source up to its first ";": the citation without the reasoning after it.
    static func firstClause(_ source: String) -> String {
        String(source.split(separator: ";", maxSplits: 1).first ?? Substring(source))
    }

    /// Health of a company from its runway measured from the present month.
    func health(_ c: Node) -> GraphSpec.Health {
        if month.cash(of: c) < 0 { return .bad }
        if let r = projection.runway(of: c), r - present <= 24 { return .warn }
        return .good
    }

    static func short(_ n: Node) -> String {
        switch n {
        case .microsoft: "MS"
        case .openai: "OAI"
        case .meta: "Meta"
        default: "oth"
        }
    }
}
