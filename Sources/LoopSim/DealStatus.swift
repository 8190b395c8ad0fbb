/// How firm a deal is: from a contract in a filing to a figure only the press reported.
public enum DealStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// Signed, and filed with a regulator (a contract or facility in a filing).
    case binding
    /// Announced by the parties (a press release); terms not filed.
    case announced
    /// A letter of intent or memorandum of understanding: not yet a contract.
    case letterOfIntent = "letter-of-intent"
    /// Reported by the press; not confirmed by the parties.
    case reported

    /// The words shown in legends and node details.
    public var label: String {
        switch self {
        case .binding: "binding (filed)"
        case .announced: "announced"
        case .letterOfIntent: "letter of intent"
        case .reported: "reported"
        }
    }
}
