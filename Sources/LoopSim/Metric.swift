/// A number read off a projection, for the tornado chart: a company's months of runway
/// (with financing, or if markets close), the month it first needs money, or its cash
/// in a given month.
public enum Metric: Sendable, Equatable, CustomStringConvertible {
    /// Months until the company's cash first goes below zero with the financing the
    /// credit window allows; a run that never does counts as horizon + 1 ("> horizon").
    case runway(Node)
    /// Months until its cash would go below zero had markets closed at the start.
    case runwayIfClosed(Node)
    /// The first month it needs money beyond rollovers and its revolver.
    case need(Node)
    /// The company's cash at month `month` (clamped to the projection).
    case cash(Node, month: Int)

    /// The companies a metric may be about.
    public static let companies: [Node] = [.coreweave, .vast]

    /// The metrics offered by default, in order.
    public static func standard(horizon: Int) -> [Metric] {
        [.need(.coreweave), .runwayIfClosed(.coreweave), .runway(.coreweave), .runwayIfClosed(.vast),
         .cash(.coreweave, month: horizon)]
    }

    /// How the command line names it: `runway.coreweave`, `cash.vast@24`.
    public var description: String {
        switch self {
        case let .runway(c): "runway.\(c.rawValue)"
        case let .runwayIfClosed(c): "closed.\(c.rawValue)"
        case let .need(c): "need.\(c.rawValue)"
        case let .cash(c, m): "cash.\(c.rawValue)@\(m)"
        }
    }

    /// The forms `init(parsing:)` reads, for messages.
    public static func syntax(horizon: Int) -> String {
        "need.coreweave, closed.coreweave (runway if markets close), runway.coreweave (with financing), the same "
            + "for vast, cash.coreweave@M, cash.vast@M with M a month 0 … \(horizon)"
    }

    /// Reads `runway.coreweave`, `runway.vast`, `cash.coreweave@24`, `cash.vast@0`;
    /// nil for anything else or a month outside 0 … `horizon`.
    public init?(parsing text: String, horizon: Int) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "runway", "closed", "need":
            guard let c = Node(rawValue: parts[1]), Metric.companies.contains(c) else { return nil }
            self = parts[0] == "runway" ? .runway(c) : parts[0] == "closed" ? .runwayIfClosed(c) : .need(c)
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
        case let .runwayIfClosed(c): Double(p.runwayIfClosed(of: c) ?? p.horizon + 1)
        case let .need(c): Double(p.fundingNeed(of: c).firstMonth ?? p.horizon + 1)
        case let .cash(c, m): p.month(m).cash(of: c)
        }
    }

    /// True for a number of months (else dollars).
    public var isMonths: Bool { if case .cash = self { false } else { true } }

    /// A title: `CoreWeave runway (months)`, `Vast Data cash at month 24`.
    public var label: String {
        switch self {
        case let .runway(c): "\(c.label) runway with financing (months)"
        case let .runwayIfClosed(c): "\(c.label) runway if markets close (months)"
        case let .need(c): "\(c.label) first needs money (month)"
        case let .cash(c, m): "\(c.label) cash at month \(m)"
        }
    }

    /// A value of this metric as shown: `31 mo`, `> 60 mo`, `$1.2B`.
    public func format(_ v: Double, horizon: Int) -> String {
        guard isMonths else { return Format.dollars(v) }
        return Format.runway(v > Double(horizon) ? nil : Int(v.rounded()), horizon: horizon)
    }
}
