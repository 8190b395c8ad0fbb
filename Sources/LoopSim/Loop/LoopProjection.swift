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

    public func cash(_ t: Int, _ e: Int) -> Double { cash[t * entityCount + e] }
    public func debt(_ t: Int, _ e: Int) -> Double { debt[t * entityCount + e] }
    public func fleet(_ t: Int, _ e: Int) -> Double { fleet[t * entityCount + e] }

    /// The flows of month `t`.
    public func flows(month t: Int) -> ArraySlice<LoopFlow> { flows[flowStart[t]..<flowStart[t + 1]] }

    /// Months until the entity's cash first goes below zero; nil when it never does.
    public func runway(of e: Int) -> Int? {
        (0...horizon).first { cash($0, e) < 0 }
    }

    /// The first of `entities` to run out of cash (ties: the earlier in the list); nil when none does.
    public func firstToRunOut(among entities: [Int]) -> Int? {
        entities.compactMap { e in runway(of: e).map { (e, $0) } }.min { $0.1 < $1.1 }?.0
    }
}
