/// A place money sits or comes from: the nodes of the funding graph.
public enum Node: String, CaseIterable, Sendable, Codable, Hashable {
    case nvidia, coreweave, vast
    case microsoft, openai, meta, otherCustomers
    case lenders
    /// Equity investors other than NVIDIA.
    case investors
    /// Power, data-centre rent, staff: money that leaves the modelled world.
    case suppliers
    /// Vast's customers other than CoreWeave.
    case vastCustomers
    /// Hyperscalers: a price force on CoreWeave, not a cash flow.
    case hyperscalers

    /// Display name.
    public var label: String {
        switch self {
        case .nvidia: "NVIDIA"
        case .coreweave: "CoreWeave"
        case .vast: "Vast Data"
        case .microsoft: "Microsoft"
        case .openai: "OpenAI"
        case .meta: "Meta"
        case .otherCustomers: "Other customers"
        case .lenders: "Lenders"
        case .investors: "Investors"
        case .suppliers: "Suppliers"
        case .vastCustomers: "Vast customers"
        case .hyperscalers: "Hyperscalers"
        }
    }

    /// The companies whose cash and runway the model tracks.
    public static let companies: [Node] = [.coreweave, .vast, .nvidia]
    /// CoreWeave's contract customers.
    public static let customers: [Node] = [.microsoft, .openai, .meta, .otherCustomers]
}

/// What kind of money an edge carries.
public enum FlowKind: String, CaseIterable, Sendable, Codable {
    case contract, usage, gpuPurchase, capex, equity, backstop, debtDraw, interest, principal
    case storage, opex, vastRevenue, vastCosts
    /// Financing (DESIGN §2): a revolver drawn, maturing debt rolled over, new debt
    /// raised, and the fees of raising.
    case revolverDraw, refinancing, newDebt, fees
    /// Hyperscaler price pressure: $ per month of usage revenue lost to price decline.
    case pricePressure

    /// False for the price force, which is revenue forgone, not money moved.
    public var isCash: Bool { self != .pricePressure }
}

/// One month's money moving along one edge, in dollars per month.
public struct Flow: Sendable, Equatable, Codable {
    public var from: Node
    public var to: Node
    public var kind: FlowKind
    public var amount: Double
    public init(from: Node, to: Node, kind: FlowKind, amount: Double) {
        self.from = from; self.to = to; self.kind = kind; self.amount = amount
    }
    /// True for flows that move cash (everything but the price force).
    public var isCash: Bool { kind.isCash }
}
