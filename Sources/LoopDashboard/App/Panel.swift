/// The dashboard's panels, in focus order.
public enum Panel: String, CaseIterable, Sendable {
    case graph, levers, runway

    public var title: String {
        switch self {
        case .graph: "Funding graph"
        case .levers: "Utilization & levers"
        case .runway: "Revenue runway"
        }
    }
}
