/// A capacity deal as one run reads it each month: its `PlanCapacity` terms with the run's
/// levers applied once (the deal's weight, the demand delay, the utilization scale), so
/// the month loop neither switches over `PlanTerms` nor recomputes what does not change.
/// Each precomputed value is the same expression the month would evaluate, to the bit.
struct RunCapacity {
    let deal: Int
    let kind: PlanCapacity.Kind
    let from: Int, to: Int
    /// The months it runs: `first ..< end` (take-or-pay: from its demand's start, delayed).
    let first: Int, end: Int
    /// Take-or-pay: its ramp in months and the ramp's total weight.
    let ramp: Int
    let rampTotal: Double
    /// Take-or-pay: a month's pay once the ramp is over, `due ÷ rampTotal` — what `due × 1 ÷
    /// rampTotal` gives, to the bit (× 1 is exact), computed once instead of every month.
    let flatPay: Double
    /// Take-or-pay: GPU-hours it reserves each month (GPUs × weight × 730).
    let reserved: Double
    /// Take-or-pay: value × weight; usage: the price per GPU-hour; recurring: monthly × weight.
    let due: Double
    /// Usage: GPUs billed besides `fleetShare` of the payee's fleet, the deal's weight, and
    /// the utilization billed (capped at 1).
    let gpus: Double, fleetShare: Double, weight: Double, utilized: Double

    init(_ c: PlanCapacity, _ plan: LoopPlan, weight: Double, begin: Int, levers: LoopLevers) {
        deal = c.deal
        kind = c.kind
        from = plan.from[c.deal]
        to = plan.to[c.deal]
        ramp = c.ramp
        rampTotal = plan.rampTotal[c.deal]
        gpus = c.gpus
        fleetShare = c.fleetShare
        self.weight = weight
        switch c.kind {
        case .takeOrPay:
            (first, end) = (begin, begin + c.term)
            reserved = c.gpus * weight * LoopEngine.hoursPerMonth
            due = c.amount * weight
            utilized = 0
        case .usage:
            (first, end) = (c.start, c.start + c.term)
            reserved = 0
            due = c.amount
            utilized = min(1, c.utilization * levers.utilizationScale)
        case .recurring:
            (first, end) = (c.start, c.start + c.term)
            reserved = 0
            due = c.amount * weight
            utilized = 0
        }
        flatPay = c.kind == .takeOrPay ? due / rampTotal : 0
    }
}
