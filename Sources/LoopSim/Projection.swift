/// The engine's output: one snapshot per month from the start to the horizon.
public struct Projection: Sendable, Equatable {
    public var scenarioName: String
    public var start: YearMonth
    public var horizon: Int
    /// `months[t]` is month t; there are `horizon + 1` of them (0 … horizon).
    public var months: [MonthSnapshot]

    /// Months until the company's cash first goes below zero; nil when it never does
    /// within the horizon (NVIDIA's balance sheet is not modelled, so always nil).
    public func runway(of company: Node) -> Int? {
        guard company == .coreweave || company == .vast else { return nil }
        return months.first { $0.cash(of: company) < -Projection.roundingDollars }?.month
    }

    /// Cash this close below zero is rounding, not a shortfall: a revolver drawn to a
    /// floor of 0 leaves cash at 0 ± a few ulps.
    public static let roundingDollars = 1.0

    /// The company whose cash goes below zero first; nil when none does. Ties go to CoreWeave.
    public var firstToRunOut: Node? {
        Node.companies.compactMap { c in runway(of: c).map { (c, $0) } }.min { $0.1 < $1.1 }?.0
    }

    /// The snapshot of month `t`, clamped to the projection.
    public func month(_ t: Int) -> MonthSnapshot { months[max(0, min(months.count - 1, t))] }
}
