/// The round trip of a vendor's money, for any vendor in any loop: for each buyer, the
/// vendor's sales to it and what the vendor itself put into that buyer (equity, backstop
/// payments, loans it made, warrant value), month by month. The cumulative share is the
/// number that makes "circular" measurable. A share is only ever taken over sales: money a
/// vendor put in before its first sale is said as such (`Standing.financedAheadOfSales`).
public struct RoundTripLedger: Sendable, Equatable {
    /// One buyer's line: sales and vendor financing per month (index = month).
    public struct Line: Sendable, Equatable {
        public var buyer: Int
        public var sales: [Double]
        public var financed: [Double]

        /// Financed ÷ sales in month t; nil when there were no sales that month.
        public func share(month t: Int) -> Double? { sales[t] > 0 ? financed[t] / sales[t] : nil }

        /// Financed ÷ sales from month 0 to t; nil while there have been no sales.
        public func cumulativeShare(through t: Int) -> Double? {
            let s = sales(through: t)
            return s > 0 ? financed(through: t) / s : nil
        }

        /// Sales from month 0 to t.
        public func sales(through t: Int) -> Double { sales[0...max(0, min(t, sales.count - 1))].reduce(0, +) }

        /// Vendor financing from month 0 to t.
        public func financed(through t: Int) -> Double { financed[0...max(0, min(t, financed.count - 1))].reduce(0, +) }

        /// The first month with a sale; nil when the buyer never bought within the horizon.
        public var firstSaleMonth: Int? { sales.firstIndex { $0 > 0 } }

        /// What the vendor put into the buyer before its first sale, up to month t (all of
        /// it up to t when there has been no sale yet).
        public func financedBeforeFirstSale(through t: Int) -> Double {
            let before = min(t, (firstSaleMonth ?? Int.max) - 1)
            return before < 0 ? 0 : financed(through: before)
        }

        /// Where the line stands at month t: a share of sales, or financing with no sales to
        /// take a share of, or neither.
        public func standing(through t: Int) -> Standing {
            if let share = cumulativeShare(through: t) { return .share(share) }
            let f = financed(through: t)
            return f > 0 ? .financedAheadOfSales(f) : .nothingYet
        }

        /// The line at month t in words: "19% of $43.2B ($8.3B financed, $2.1B of it before
        /// the first sale, Feb 26)", "financed $685.0M ahead of any sales", "no sales yet, nothing financed"; at the
        /// horizon's end, "no sales within 84 months, nothing financed".
        public func words(through t: Int, start: YearMonth) -> String {
            switch standing(through: t) {
            case .share(let share):
                let ahead = financedBeforeFirstSale(through: t)
                let first = firstSaleMonth.map { start.adding(months: $0).shortLabel } ?? ""
                return "\(Format.percent(share)) of \(Format.dollars(sales(through: t))) "
                    + "(\(Format.dollars(financed(through: t))) financed"
                    + (ahead > 0 ? ", \(Format.dollars(ahead)) of it before the first sale, \(first))" : ")")
            case .financedAheadOfSales(let amount):
                return "financed \(Format.dollars(amount)) " + (t < sales.count - 1 ? "ahead of any sales" : "with \(noSales)")
            case .nothingYet:
                return (t < sales.count - 1 ? "no sales yet" : noSales) + ", nothing financed"
            }
        }

        /// "no sales within 84 months": the whole horizon passed without one.
        var noSales: String { "no sales within \(sales.count - 1) months" }

        public var totalSales: Double { sales.reduce(0, +) }
        public var totalFinanced: Double { financed.reduce(0, +) }
    }

    /// A line at a month, in the only terms that are honest there.
    public enum Standing: Sendable, Equatable {
        /// Financed ÷ sales so far (more than 1 when the vendor put in more than it sold).
        case share(Double)
        /// The vendor has put this much in, and the buyer has bought nothing yet.
        case financedAheadOfSales(Double)
        /// No sales and no financing yet.
        case nothingYet
    }

    public var vendor: Int
    public var lines: [Line]

    /// The flows that count as the vendor financing its buyer.
    public static let financingKinds: Set<LoopFlowKind> = [.equity, .backstop, .draw, .warrantValue, .refinancing,
                                                                 .newDebt]

    /// The ledger of `vendor`: one line per entity in `buyers` (its declared buyers, listed
    /// even when they buy nothing under the levers) and per entity that bought from it.
    public static func make(_ p: LoopProjection, vendor: Int, buyers: Set<Int> = []) -> RoundTripLedger {
        let months = p.horizon + 1
        let empty = { (b: Int) in Line(buyer: b, sales: Array(repeating: 0, count: months),
                                       financed: Array(repeating: 0, count: months)) }
        var lines: [Int: Line] = [:]
        for b in buyers { lines[b] = empty(b) }
        for t in 0..<months {
            for f in p.flows(month: t) where f.kind == .purchase && f.to == vendor {
                lines[f.from, default: empty(f.from)].sales[t] += f.amount
            }
        }
        for t in 0..<months {
            for f in p.flows(month: t) where f.from == vendor && financingKinds.contains(f.kind) {
                lines[f.to]?.financed[t] += f.amount
            }
        }
        return RoundTripLedger(vendor: vendor, lines: lines.values.sorted { $0.buyer < $1.buyer })
    }

    /// A ledger for every entity that sells through a vendor-sale deal, in entity order,
    /// each listing the buyers its vendor-sale deals name.
    public static func all(_ loop: MoneyLoop, _ p: LoopProjection) -> [RoundTripLedger] {
        let sales = loop.deals.filter { $0.kind == .vendorSale }
        return Set(sales.map(\.to)).sorted().map { v in
            make(p, vendor: v, buyers: Set(sales.filter { $0.to == v }.map(\.from)))
        }
    }
}
