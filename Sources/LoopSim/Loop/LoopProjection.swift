/// The generic engine's output: each entity's stocks every month, stored flat
/// (`[month × entities + entity]`), and every flow of every month.
public struct LoopProjection: Sendable, Equatable {
    public var name: String
    public var start: YearMonth
    public var horizon: Int
    public var entityCount: Int
    /// Cash, debt, GPUs in service, busy and idle GPU-hours, at the end of each month.
    public var cash: [Double]
    public var debt: [Double]
    public var fleet: [Double]
    public var busyHours: [Double]
    public var idleHours: [Double]
    /// Every month's flows; month t's are `flows[flowStart[t] ..< flowStart[t + 1]]`.
    public var flows: [LoopFlow]
    public var flowStart: [Int]
    /// Each entity's cash, flat like `cash`, had markets closed from the start
    /// (`credit.window` 0: no rollovers, raises or new issues; committed facilities of
    /// the entities that finance themselves still drawn). Empty when not computed.
    public var cashIfClosed: [Double] = []
    /// The credit window the projection ran under (the lever `credit.window`, 0 … 1).
    public var creditWindow: Double = 1
    /// Per entity, its place in `financing` (-1: it does not finance itself).
    public var financingSlot: [Int] = []
    /// Each financed entity's financing every month: `financing[t × financed + slot]`.
    public var financing: [FinancingMonth] = []

    public func cash(_ t: Int, _ e: Int) -> Double { cash[t * entityCount + e] }
    public func debt(_ t: Int, _ e: Int) -> Double { debt[t * entityCount + e] }
    public func fleet(_ t: Int, _ e: Int) -> Double { fleet[t * entityCount + e] }

    /// The flows of month `t`.
    public func flows(month t: Int) -> ArraySlice<LoopFlow> { flows[flowStart[t]..<flowStart[t + 1]] }

    /// Entity `e`'s financing in month `t`; nil when it does not finance itself.
    public func financing(_ t: Int, _ e: Int) -> FinancingMonth? {
        guard e < financingSlot.count, financingSlot[e] >= 0 else { return nil }
        let financed = financing.count / max(1, horizon + 1)
        return financing[t * financed + financingSlot[e]]
    }

    /// Months until the entity's cash would first go below zero had markets closed at the
    /// start; nil when it never would (or the closed run was not computed).
    public func runwayIfClosed(of e: Int) -> Int? {
        guard !cashIfClosed.isEmpty else { return nil }
        return (0...horizon).first { cashIfClosed[$0 * entityCount + e] < -Projection.roundingDollars }
    }

    /// Months until the entity's cash first goes below zero (by more than rounding); nil when it never does.
    public func runway(of e: Int) -> Int? {
        (0...horizon).first { cash($0, e) < -Projection.roundingDollars }
    }

    /// The first of `entities` to run out of cash (ties: the earlier in the list); nil when none does.
    public func firstToRunOut(among entities: [Int]) -> Int? {
        entities.compactMap { e in runway(of: e).map { (e, $0) } }.min { $0.1 < $1.1 }?.0
    }
}
