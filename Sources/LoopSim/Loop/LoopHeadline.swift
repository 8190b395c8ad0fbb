/// One entity's headline in any loop, both ways: when it first needs money beyond
/// rollovers and its revolvers and how much at most while credit is open, and when it
/// would run out of cash if markets closed; its covenant breaches. Read off a projection
/// the engine computed. An entity that does not finance itself needs money from the
/// month its cash first goes below zero, as much as its deepest shortfall.
public struct LoopHeadline: Sendable, Equatable {
    public var entity: Int
    /// Whether the entity finances itself (`LoopEntity.financing`).
    public var financed: Bool
    public var need: FundingNeed
    /// First month cash goes below zero with credit as set, and had markets closed.
    public var runway: Int?
    public var runwayIfClosed: Int?
    /// The credit window the projection ran under: "while credit is open" only when it was.
    public var creditWindow: Double

    public init(_ p: LoopProjection, entity e: Int) {
        entity = e
        runway = p.runway(of: e)
        runwayIfClosed = p.runwayIfClosed(of: e)
        creditWindow = p.creditWindow
        if p.financing(0, e) != nil {
            financed = true
            need = FundingNeed((0...p.horizon).lazy.map { t in (t, p.financing(t, e)!) })
        } else {
            financed = false
            var plain = FundingNeed(EmptyCollection<(Int, FinancingMonth)>())
            plain.firstMonth = runway
            plain.peak = max(0, -((0...p.horizon).map { p.cash($0, e) }.min() ?? 0))
            need = plain
        }
    }

    /// The headline of every entity of `loop` that is not the outside world.
    public static func all(_ loop: MoneyLoop, _ p: LoopProjection) -> [LoopHeadline] {
        loop.entities.indices.filter { !loop.entities[$0].external }.map { LoopHeadline(p, entity: $0) }
    }

    /// The headline in words (see `FundingWords`), from the start `start` over `horizon` months.
    public func words(start: YearMonth, horizon: Int) -> FundingWords {
        FundingWords(need: need, runway: runway, runwayIfClosed: runwayIfClosed, creditWindow: creditWindow,
                     start: start, horizon: horizon)
    }

    /// "CoreWeave needs money from Feb 26, $7.3B at the peak while credit is open; out of
    /// cash Mar 26 only if markets closed." — every case as `FundingWords` words it.
    public func sentence(name: String, start: YearMonth, horizon: Int) -> String {
        words(start: start, horizon: horizon).sentence(name: name)
    }
}
