import LoopSim

/// What the funding graph draws, already worded: entities as boxes, deals as edges.
/// The panel lays any such description out by itself (`GraphLayout`); adapters build it.
public struct GraphSpec: Sendable, Equatable {
    /// A health mark beside a box's title; distinct shapes, so mono reads them.
    public enum Health: Sendable, Equatable { case good, warn, bad }

    /// One entity: a box with a title, a few lines of figures and a health mark.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: EntityKind
        /// Lines inside the box, most important first (cash, revenue, debt …).
        public var lines: [String]
        public var health: Health?
        /// What the box's text is coloured as.
        public var role: Role
        /// Lines shown when the node is selected, before its deals.
        public var details: [String]
        /// Its funding in words (`FundingWords.clauses`), each clause's wordings longest
        /// first: packed after the first detail line to the details' width (`DetailClauses`).
        public var status: [[String]]
        /// Where its opening figures come from ("opening cash: 10-Q …, accession …"), shown
        /// after `details`, wrapped.
        public var notes: [String]
        /// Outside the loop (the rest of the economy, lenders at large): when it deals with
        /// many entities its edges are folded into their details (`GraphSpec.folded`).
        public var external: Bool

        public init(id: String, name: String, kind: EntityKind, lines: [String], health: Health? = nil,
                    role: Role? = nil, details: [String] = [], status: [[String]] = [], notes: [String] = [],
                    external: Bool = false)
        {
            self.id = id; self.name = name; self.kind = kind; self.lines = lines; self.health = health
            self.role = role ?? GraphSpec.role(of: kind); self.details = details; self.status = status; self.notes = notes
            self.external = external
        }
    }

    /// One deal: money (or value, when not cash) moving between two entities this month.
    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// What moves, in a word or two ("revenue", "GPUs", "valuation").
        public var label: String
        /// This month's amount in dollars: it sets the pulse's speed.
        public var amount: Double
        /// The amount as shown ("$451.1M/mo"); a trailing "/mo" is dropped where room is short.
        public var amountLabel: String
        /// The what-if's difference from the baseline (" Δ+$12.0M"), or "".
        public var delta: String
        public var status: DealStatus
        /// False for value that moves without cash (a valuation, a warrant): no pulse.
        public var isCash: Bool
        /// Where the deal's figures come from, and when.
        public var source: String
        public var date: String
        /// The deals an edge shares, each as its own edge (amount, status, source), when
        /// more than one deal moves money between the same two entities; else empty.
        public var parts: [Edge] = []

        public init(from: String, to: String, label: String, amount: Double, amountLabel: String? = nil,
                    delta: String = "", status: DealStatus, isCash: Bool = true, source: String, date: String)
        {
            self.from = from; self.to = to; self.label = label; self.amount = amount
            self.amountLabel = amountLabel ?? Format.perMonth(amount)
            self.delta = delta; self.status = status; self.isCash = isCash; self.source = source; self.date = date
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes; self.edges = edges
    }

    public func index(of id: String) -> Int? { nodes.firstIndex { $0.id == id } }

    /// A name up to its first comma or parenthesis ("Banks, bondholders …" → "Banks"), for
    /// lists where the full name is already shown once.
    public static func shortName(_ name: String) -> String {
        var cut = Substring(name.prefix { $0 != "," && $0 != "(" })
        while cut.last == " " { cut = cut.dropLast() }
        return cut.isEmpty ? name : String(cut)
    }

    /// The colour role an entity of `kind` gets when its adapter names none.
    public static func role(of kind: EntityKind) -> Role {
        switch kind {
        case .vendor: .nvidia
        case .cloudOperator: .coreweave
        case .storage: .vast
        case .aiLab, .other: .customer
        case .hyperscaler: .hyperscaler
        case .lender: .lender
        case .investor: .investor
        }
    }

    /// One line per deal of the node at `index`, the largest flows first: direction,
    /// counterparty, amount, status, date and source.
    public func dealLines(of index: Int) -> [String] {
        let id = nodes[index].id
        let deals = edges.filter { $0.from == id || $0.to == id }.flatMap { $0.parts.isEmpty ? [$0] : $0.parts }
        return deals.enumerated().sorted { ($0.element.amount, -$0.offset) > ($1.element.amount, -$1.offset) }.map { _, e in
            let other = e.from == id ? e.to : e.from
            let name = nodes.first { $0.id == other }?.name ?? other
            let arrow = e.from == id ? "→" : "←"
            return "\(arrow) \(name) \(e.label) \(e.amountLabel): \(e.status.label), \(e.date) · \(e.source)"
        }
    }

    /// The edges folded into details instead of drawn: those of an entity outside the loop
    /// that deals with `hub` or more others (the rest of the economy paying everyone: its
    /// lines would cross the whole graph). The boxes they reach list them when selected.
    public func folded(hub: Int = 4) -> [Bool] {
        let hubs = hubs(hub)
        return edges.map { hubs.contains($0.from) || hubs.contains($0.to) }
    }

    /// The entities outside the loop that deal with `least` or more others.
    public func hubs(_ least: Int = 4) -> Set<String> {
        Set(nodes.filter(\.external).map(\.id).filter { id in
            Set(edges.filter { $0.from == id || $0.to == id }.map { $0.from == id ? $0.to : $0.from }).count >= least
        })
    }
}
