/// A capacity deal (take-or-pay, usage-billed, recurring) as one plain record: what the
/// month loop reads in place for each, in the plan's order (`LoopPlan.capacityTerms`),
/// without copying its terms out of `PlanTerms` each month.
struct PlanCapacity {
    enum Kind { case takeOrPay, usage, recurring }
    let deal: Int
    let kind: Kind
    /// Take-or-pay: its value; usage: the price per GPU-hour; recurring: the monthly amount.
    let amount: Double
    let start: Int, term: Int
    /// Take-or-pay: its ramp in months.
    let ramp: Int
    /// Take-or-pay: the GPUs it reserves; usage: the GPUs billed, besides `fleetShare` of
    /// the payee's fleet, at `utilization`.
    let gpus: Double, fleetShare: Double, utilization: Double

    /// Deal `deal`'s record; nil for the other kinds.
    init?(_ terms: PlanTerms, deal: Int) {
        self.deal = deal
        switch terms {
        case let .takeOrPay(value, start, term, ramp, gpus):
            (kind, amount, self.start, self.term, self.ramp) = (.takeOrPay, value, start, term, ramp)
            (self.gpus, fleetShare, utilization) = (gpus, 0, 0)
        case let .usage(gpus, share, utilization, price, _, start, term):
            (kind, amount, self.start, self.term, ramp) = (.usage, price, start, term, 0)
            (self.gpus, fleetShare, self.utilization) = (gpus, share, utilization)
        case let .recurring(monthly, _, start, term):
            (kind, amount, self.start, self.term, ramp) = (.recurring, monthly, start, term, 0)
            (gpus, fleetShare, utilization) = (0, 0, 0)
        default: return nil
        }
    }
}
