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

    /// "CoreWeave needs money from Feb 26, $7.3B at the peak while credit is open; out of
    /// cash Mar 26 only if markets closed."
    public func sentence(name: String, start: YearMonth, horizon: Int) -> String {
        func month(_ t: Int) -> String { start.adding(months: t).shortLabel }
        let credit = creditWindow >= 1 ? "while credit is open"
            : creditWindow > 0 ? "with the credit window at \(Format.percent(creditWindow))" : "with markets closed"
        var out = need.firstMonth.map {
            "\(name) needs money from \(month($0)), \(Format.dollars(need.peak)) at the peak \(credit)"
        } ?? "\(name) needs no new money within \(horizon) months"
        switch (runway, runwayIfClosed) {
        case (nil, nil): out += "; not out of cash even if markets closed"
        case let (nil, closed?): out += "; out of cash \(month(closed)) only if markets closed"
        case let (open?, nil): out += "; out of cash \(month(open)) with credit as set"
        case let (open?, closed?):
            out += "; out of cash \(month(open)) with credit as set"
                + (closed == open ? " and if markets closed" : ", \(month(closed)) if markets closed")
        }
        if let b = need.firstBreach {
            let (value, limit) = b.kind == .interestCoverage
                ? (Format.fixed(b.value, 2) + "×", "≥ " + Format.fixed(b.limit, 2) + "×")
                : (Format.percent(b.value, digits: 1), "≤ " + Format.percent(b.limit))
            out += "; \(b.kind.label) covenant broken \(month(b.month)) (\(value) against \(limit))"
        }
        return out + "."
    }
}
