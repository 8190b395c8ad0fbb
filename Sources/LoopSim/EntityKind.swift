/// What an entity does in a money loop; it decides where the funding graph places it.
public enum EntityKind: String, CaseIterable, Sendable, Codable, Hashable {
    case vendor
    case cloudOperator = "cloud-operator"
    case aiLab = "ai-lab"
    case hyperscaler
    case lender
    case investor
    case storage
    case other

    /// The words shown in legends and node details.
    public var label: String {
        switch self {
        case .vendor: "vendor"
        case .cloudOperator: "cloud operator"
        case .aiLab: "AI lab"
        case .hyperscaler: "hyperscaler"
        case .lender: "lender"
        case .investor: "investor"
        case .storage: "storage"
        case .other: "other"
        }
    }
}
