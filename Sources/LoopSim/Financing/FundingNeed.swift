/// One company's financing read off a projection: when it first needs money beyond
/// rollovers and its revolver, how much it needs at most, what it raised and at what
/// dilution, and the covenant breaches on its timeline.
public struct FundingNeed: Sendable, Equatable {
    /// First month it needed new money; nil when it never did within the horizon.
    public var firstMonth: Int?
    /// First month maturing debt was rolled over (new debt in its place, not new money);
    /// nil when none was. Markets closed, that debt falls due unpaid.
    public var firstRolloverMonth: Int?
    /// Principal rolled over in all over the horizon.
    public var rolledOver: Double
    /// The most it needed at once: raised so far plus what was still missing.
    public var peak: Double
    /// New debt and equity raised over the horizon (rollovers not counted).
    public var raised: Double
    public var equityRaised: Double
    /// Share of the company sold over the horizon, compounded, 0 … 1.
    public var dilution: Double
    /// Fees paid for raising.
    public var fees: Double
    /// Each breach as it begins (a covenant broken this month and not the month before).
    public var breaches: [CovenantBreach]

    /// The funding need of `company` (CoreWeave or Vast; others have none) in `p`.
    public init(_ p: Projection, _ company: Node) {
        self.init(p.months.lazy.compactMap { m in m.financing(of: company).map { (m.month, $0) } })
    }

    /// The funding need read off an entity's financing, month by month.
    public init(_ months: some Sequence<(Int, FinancingMonth)>) {
        firstMonth = nil; firstRolloverMonth = nil; rolledOver = 0; peak = 0; raised = 0; equityRaised = 0; fees = 0
        breaches = []
        var kept = 1.0
        var previous: Set<CovenantBreach.Kind> = []
        for (month, f) in months {
            // Less than a dollar is floating-point dust, not a need (as `Projection.runway`).
            if firstMonth == nil, f.need > Projection.roundingDollars { firstMonth = month }
            if firstRolloverMonth == nil, f.refinanced > Projection.roundingDollars { firstRolloverMonth = month }
            rolledOver += f.refinanced
            peak = max(peak, f.cumulativeNeed)
            raised += f.raised
            equityRaised += f.newEquity
            fees += f.fees
            kept *= 1 - f.dilution
            let now = Set(f.breaches.map(\.kind))
            breaches += f.breaches.filter { !previous.contains($0.kind) }
            previous = now
        }
        dilution = 1 - kept
    }

    /// The first breach, if any.
    public var firstBreach: CovenantBreach? { breaches.first }
}

extension MonthSnapshot {
    /// A tracked company's financing this month (nil for NVIDIA and the others).
    public func financing(of company: Node) -> FinancingMonth? {
        switch company {
        case .coreweave: coreweave.financing
        case .vast: vast.financing
        default: nil
        }
    }

    /// A tracked company's cash had markets been closed from the start (0 for others).
    public func cashIfClosed(of company: Node) -> Double {
        switch company {
        case .coreweave: coreweave.cashIfClosed
        case .vast: vast.cashIfClosed
        default: 0
        }
    }
}

extension Projection {
    /// Months until the company's cash would go below zero had markets closed at the
    /// start (no rollovers, no raises; committed revolvers still drawn): today's
    /// "runway". Nil when it never would within the horizon.
    public func runwayIfClosed(of company: Node) -> Int? {
        guard company == .coreweave || company == .vast else { return nil }
        return months.first { $0.cashIfClosed(of: company) < -Projection.roundingDollars }?.month
    }

    /// The company's funding need (see `FundingNeed`).
    public func fundingNeed(of company: Node) -> FundingNeed { FundingNeed(self, company) }

    /// The company that first needs money beyond rollovers and its revolver; nil when
    /// none does. Ties go to CoreWeave.
    public var firstToNeedMoney: Node? {
        [Node.coreweave, .vast].compactMap { c in fundingNeed(of: c).firstMonth.map { (c, $0) } }
            .min { $0.1 < $1.1 }?.0
    }

    /// The company that would run out first had markets closed at the start.
    public var firstOutIfClosed: Node? {
        [Node.coreweave, .vast].compactMap { c in runwayIfClosed(of: c).map { (c, $0) } }.min { $0.1 < $1.1 }?.0
    }
}
