/// A number read off a projection, for the tornado chart: a company's months of runway
/// or its cash in a given month.
public enum Metric: Sendable, Equatable, CustomStringConvertible {
    /// Months until the company's cash first goes below zero; a run that never does
    /// counts as horizon + 1 (shown as "> horizon").
    case runway(Node)
    /// The company's cash at month `month` (clamped to the projection).
    case cash(Node, month: Int)

    /// The companies a metric may be about.
    public static let companies: [Node] = [.coreweave, .vast]

    /// The metrics offered by default, in order.
    public static func standard(horizon: Int) -> [Metric] {
        [.runway(.coreweave), .runway(.vast), .cash(.coreweave, month: horizon)]
    }

    /// How the command line names it: `runway.coreweave`, `cash.vast@24`.
    public var description: String {
        switch self {
        case let .runway(c): "runway.\(c.rawValue)"
        case let .cash(c, m): "cash.\(c.rawValue)@\(m)"
        }
    }

    /// The forms `init(parsing:)` reads, for messages.
    public static func syntax(horizon: Int) -> String {
        "runway.coreweave, runway.vast, cash.coreweave@M, cash.vast@M with M a month 0 … \(horizon)"
    }

    /// Reads `runway.coreweave`, `runway.vast`, `cash.coreweave@24`, `cash.vast@0`;
    /// nil for anything else or a month outside 0 … `horizon`.
    public init?(parsing text: String, horizon: Int) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "runway":
            guard let c = Node(rawValue: parts[1]), Metric.companies.contains(c) else { return nil }
            self = .runway(c)
        case "cash":
            let sides = parts[1].split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            guard sides.count == 2, let c = Node(rawValue: sides[0]), Metric.companies.contains(c),
                  let m = Int(sides[1]), (0...horizon).contains(m) else { return nil }
            self = .cash(c, month: m)
        default:
            return nil
        }
    }

    /// Its value on `p`.
    public func value(_ p: Projection) -> Double {
        switch self {
        case let .runway(c): Double(p.runway(of: c) ?? p.horizon + 1)
        case let .cash(c, m): p.month(m).cash(of: c)
        }
    }

    /// True for a number of months (else dollars).
    public var isMonths: Bool { if case .runway = self { true } else { false } }

    /// A title: `CoreWeave runway (months)`, `Vast Data cash at month 24`.
    public var label: String {
        switch self {
        case let .runway(c): "\(c.label) runway (months)"
        case let .cash(c, m): "\(c.label) cash at month \(m)"
        }
    }

    /// A value of this metric as shown: `31 mo`, `> 60 mo`, `$1.2B`.
    public func format(_ v: Double, horizon: Int) -> String {
        guard isMonths else { return Format.dollars(v) }
        return Format.runway(v > Double(horizon) ? nil : Int(v.rounded()), horizon: horizon)
    }
}
