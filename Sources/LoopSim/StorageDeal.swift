/// CoreWeave's storage contract with Vast as it runs: flat over the term or paid per
/// GPU-hour used, and renegotiated at most once.
///
/// A renegotiation at month R applies once, to the value still unpaid at R: from R on
/// the deal is worth `vast.renegotiateShare` × that remainder, paid over the remaining
/// term or over `vast.renegotiateTermMonths` when set. Nothing compounds.
struct StorageDeal {
    /// GPU-hours per month the per-hour rate is sized on.
    let referenceHours: Double
    var paid = 0.0
    var renegotiated = false
    /// After a renegotiation: the value still to pay and the month after the last payment.
    var remainingAfter = 0.0
    var endAfter = 0
    var rateAfter = 0.0

    init(referenceHours: Double) { self.referenceHours = referenceHours }

    /// The payment of month `t`; records it as paid.
    mutating func payment(month t: Int, _ p: EngineInputs, gpuHoursUsed: Double) -> Double {
        let term = p.dealMonths
        if !renegotiated, p.renegotiateMonth > 0, t >= p.renegotiateMonth, t < term {
            renegotiated = true
            let newTerm = p.renegotiateTerm > 0 ? p.renegotiateTerm : max(1, term - t)
            remainingAfter = max(0, p.dealTotal - paid) * max(0, p.renegotiateShare)
            endAfter = t + newTerm
            rateAfter = referenceHours > 0 ? remainingAfter / (Double(newTerm) * referenceHours) : 0
        }
        var pay = 0.0
        if renegotiated {
            guard t < endAfter, remainingAfter > 0 else { return 0 }
            pay = p.dealUsageLinked ? min(remainingAfter, rateAfter * gpuHoursUsed)
                : remainingAfter / Double(endAfter - t)
            remainingAfter -= pay
        } else {
            let remaining = p.dealTotal - paid
            guard t < term, remaining > 0 else { return 0 }
            if p.dealUsageLinked {
                let rate = referenceHours > 0 ? p.dealTotal / (Double(term) * referenceHours) : 0
                pay = min(remaining, rate * gpuHoursUsed)
            } else {
                pay = remaining / Double(term - t)
            }
        }
        paid += pay
        return pay
    }
}
