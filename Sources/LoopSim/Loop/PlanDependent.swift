/// One step of the month's dependent phase, in the scheduler's order: a run of loan deals
/// next to each other (`loans`, a range of `LoopPlan.dependentLoans`, serviced in one
/// loop per ledger), or one other deal (`other`, its place in `LoopPlan.dependentTerms`;
/// `loans` empty).
struct PlanStep {
    let other: Int
    let loans: Range<Int>
}

/// A per-unit deal, backstop, equity or warrant as one plain record, read in place each
/// month (`LoopPlan.dependentTerms`) without copying its terms out of `PlanTerms`.
struct PlanDependent {
    enum Kind { case perUnit, backstop, equity, warrant }
    let deal: Int, from: Int, to: Int
    let kind: Kind
    /// Per-unit: the cap; backstop: the limit; warrant: the strike.
    let amount: Double
    /// Per-unit: the rate per busy GPU-hour (as given, or cap ÷ term over the reference
    /// hours); backstop: the price per idle GPU-hour; warrant: the share price at month 0.
    let rate: Double
    let start: Int, term: Int
    /// Per-unit: paid evenly over the months left instead of by the hour.
    let flat: Bool
    /// Equity, warrant: their tranches (a range of `LoopPlan.milestones`).
    let tranches: Range<Int>

    /// Deal `deal`'s record (the scheduler puts no other kind here: one would do nothing).
    init(_ terms: PlanTerms, deal: Int, from: Int, to: Int, openingFleet: Double) {
        (self.deal, self.from, self.to) = (deal, from, to)
        switch terms {
        case let .perUnit(cap, rate, refUtil, start, term, flat):
            let reference = openingFleet * LoopEngine.hoursPerMonth * refUtil
            (kind, amount, self.start, self.term, self.flat, tranches) = (.perUnit, cap, start, term, flat, 0..<0)
            self.rate = rate ?? (reference > 0 ? cap / (Double(max(1, term)) * reference) : 0)
        case let .backstop(limit, price, start, term):
            (kind, amount, rate, self.start, self.term, flat, tranches) = (.backstop, limit, price, start, term, false, 0..<0)
        case let .warrant(strike, sharePrice, _, tranches):
            (kind, amount, rate, start, term, flat, self.tranches) = (.warrant, strike, sharePrice, 0, 0, false, tranches)
        case let .equity(tranches):
            (kind, amount, rate, start, term, flat, self.tranches) = (.equity, 0, 0, 0, 0, false, tranches)
        default: (kind, amount, rate, start, term, flat, tranches) = (.equity, 0, 0, 0, 0, false, 0..<0)
        }
    }
}

/// A tranche with its milestone as plain numbers (`LoopPlan.milestones`, in the order of
/// `LoopPlan.tranches`): absent conditions are bounds no value falls below.
struct PlanMilestone {
    let amount: Double
    /// The month it may be released from (`Int.min`: any).
    let month: Int
    /// The entity whose GPUs count (-1: no deployment condition), and the vendor-sale deal
    /// whose deliveries count instead of its fleet (-1: its fleet); its kW per GPU.
    let entity: Int, deal: Int
    let kwPerGPU: Double
    /// The gigawatts less 1e-12, the GPUs less 1e-9 and the share price to reach (−∞: none).
    let gigawatts: Double, fleet: Double, priceTarget: Double

    init(_ t: Tranche, from: [Int], kwPerGPU: [Double]) {
        let m = t.milestone
        amount = t.amount
        month = m.month ?? Int.min
        entity = m.deal.map { from[$0] } ?? m.entity ?? -1
        deal = m.deal ?? -1
        self.kwPerGPU = entity >= 0 ? kwPerGPU[entity] : 0
        gigawatts = m.gigawatts.map { $0 - 1e-12 } ?? -.infinity
        fleet = m.fleet.map { $0 - 1e-9 } ?? -.infinity
        priceTarget = m.priceTarget ?? -.infinity
    }
}

/// A deal a DDTL lends against, and how its unpaid value is read each month: what is left
/// of a take-or-pay's value or a per-unit cap (`amount` × weight − paid), the value still
/// to come of a usage or recurring deal, a loan's balance in the ledger, or nothing.
struct PlanCollateral {
    enum Kind { case unpaid, balance, loan, none }
    let deal: Int
    let kind: Kind
    let amount: Double

    init(_ terms: PlanTerms, deal: Int) {
        self.deal = deal
        switch terms {
        case let .takeOrPay(value, _, _, _, _): (kind, amount) = (.unpaid, value)
        case let .perUnit(cap, _, _, _, _, _): (kind, amount) = (.unpaid, cap)
        case .usage, .recurring: (kind, amount) = (.balance, 0)
        case .loan: (kind, amount) = (.loan, 0)
        default: (kind, amount) = (.none, 0)
        }
    }
}
