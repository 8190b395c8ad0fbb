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
        /// Where its opening figures come from ("opening cash: 10-Q …, accession …"), shown
        /// after `details`, wrapped.
        public var notes: [String]

        public init(id: String, name: String, kind: EntityKind, lines: [String], health: Health? = nil,
                    role: Role? = nil, details: [String] = [], notes: [String] = [])
        {
            self.id = id; self.name = name; self.kind = kind; self.lines = lines; self.health = health
            self.role = role ?? GraphSpec.role(of: kind); self.details = details; self.notes = notes
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

    /// One line per deal of the node at `index`: direction, counterparty, amount, status,
    /// date and source.
    public func dealLines(of index: Int) -> [String] {
        let id = nodes[index].id
        return edges.compactMap { e in
            guard e.from == id || e.to == id else { return nil }
            let other = e.from == id ? e.to : e.from
            let name = nodes.first { $0.id == other }?.name ?? other
            let arrow = e.from == id ? "→" : "←"
            return "\(arrow) \(name) \(e.label) \(e.amountLabel): \(e.status.label), \(e.date) · \(e.source)"
        }
    }
}
