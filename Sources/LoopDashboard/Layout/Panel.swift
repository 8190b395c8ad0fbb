/// The dashboard's panels, in focus order.
public enum Panel: String, CaseIterable, Sendable {
    case graph, levers, runway, concentration, stall, factcheck

    public var title: String {
        switch self {
        case .graph: "Funding graph"
        case .levers: "Utilization & levers"
        case .runway: "Revenue runway"
        case .concentration: "Concentration"
        case .stall: "Stall cost"
        case .factcheck: "Fact check"
        }
    }

    /// Short name for the compact layout's tab strip.
    public var tabTitle: String {
        switch self {
        case .graph: "Graph"
        case .levers: "Levers"
        case .runway: "Runway"
        case .concentration: "Payers"
        case .stall: "Stall"
        case .factcheck: "Facts"
        }
    }

    /// The risk panels share one slot in the standard layout.
    public var isRisk: Bool { self == .concentration || self == .stall || self == .factcheck }
}
