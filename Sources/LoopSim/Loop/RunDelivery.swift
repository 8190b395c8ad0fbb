/// A vendor sale as one run reads it each month: its terms out of `PlanTerms` once, the
/// run's build delay added to its lead time, so the month loop does not switch over the
/// deal's terms, and a sale with no dated orders skips the months it delivers nothing.
struct RunDelivery {
    let deal: Int
    let buyer: Int, seller: Int
    let unitPrice: Double, perMonth: Double, weight: Double
    /// The order months it delivers `perMonth` in: `start ..< end`.
    let start: Int, end: Int
    /// Months from order to delivery: the lead time plus the lever `build.delay`.
    let delay: Int
    /// Its dated orders: a range of `LoopPlan.tranches`, and the first and last order month
    /// among them (an empty range when none is dated).
    let orders: Range<Int>
    let orderMonths: ClosedRange<Int>?

    /// Deal `deal`'s record; nil when it is not a vendor sale.
    init?(_ plan: LoopPlan, deal: Int, weight: Double, levers: LoopLevers) {
        guard case let .vendorSale(price, perMonth, start, term, orders, lead) = plan.terms[deal] else { return nil }
        self.deal = deal
        buyer = plan.from[deal]
        seller = plan.to[deal]
        unitPrice = price
        self.perMonth = perMonth
        self.weight = weight
        self.start = start
        end = start + term
        delay = lead + levers.buildDelay
        self.orders = orders
        let months = orders.compactMap { plan.tranches[$0].milestone.month }
        orderMonths = months.min().map { $0...months.max()! }
    }

    /// How many months, of months 0 … `months`, units may land for `buyer` (0 for another):
    /// those in its term, delayed, and those of its dated orders.
    func landings(buyer e: Int, through months: Int) -> Int {
        guard e == buyer else { return 0 }
        return max(0, min(end + delay, months + 1) - max(start + delay, 0)) + orders.count
    }

    /// Whether anything can land in month `t`: units ordered `delay` months before, in its
    /// term or on a dated order's month.
    func delivers(month t: Int) -> Bool {
        let m = t - delay
        return (m >= start && m < end) || orderMonths?.contains(m) == true
    }
}
