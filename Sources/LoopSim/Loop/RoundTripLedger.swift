/// The round trip of a vendor's money, for any vendor in any loop: for each buyer, the
/// vendor's sales to it and what the vendor itself put into that buyer (equity, backstop
/// payments, loans it made, warrant value), month by month. The cumulative share is the
/// number that makes "circular" measurable.
public struct RoundTripLedger: Sendable, Equatable {
    /// One buyer's line: sales and vendor financing per month (index = month).
    public struct Line: Sendable, Equatable {
        public var buyer: Int
        public var sales: [Double]
        public var financed: [Double]

        /// Financed ÷ sales in month t (0 when there are no sales).
        public func share(month t: Int) -> Double { sales[t] > 0 ? financed[t] / sales[t] : 0 }

        /// Financed ÷ sales from month 0 to t (0 when there are no sales yet).
        public func cumulativeShare(through t: Int) -> Double {
            var s = 0.0, f = 0.0
            for m in 0...t { s += sales[m]; f += financed[m] }
            return s > 0 ? f / s : 0
        }

        public var totalSales: Double { sales.reduce(0, +) }
        public var totalFinanced: Double { financed.reduce(0, +) }
    }

    public var vendor: Int
    public var lines: [Line]

    /// The flows that count as the vendor financing its buyer.
    public static let financingKinds: Set<LoopFlowKind> = [.equity, .backstop, .draw, .warrantValue, .refinancing,
                                                                 .newDebt]

    /// The ledger of `vendor`: one line per entity that bought from it.
    public static func make(_ p: LoopProjection, vendor: Int) -> RoundTripLedger {
        let months = p.horizon + 1
        var lines: [Int: Line] = [:]
        for t in 0..<months {
            for f in p.flows(month: t) {
                if f.kind == .purchase, f.to == vendor {
                    lines[f.from, default: Line(buyer: f.from, sales: Array(repeating: 0, count: months),
                                                financed: Array(repeating: 0, count: months))].sales[t] += f.amount
                }
            }
        }
        for t in 0..<months {
            for f in p.flows(month: t) where f.from == vendor && financingKinds.contains(f.kind) {
                lines[f.to]?.financed[t] += f.amount
            }
        }
        return RoundTripLedger(vendor: vendor, lines: lines.values.sorted { $0.buyer < $1.buyer })
    }

    /// A ledger for every entity that sells through a vendor-sale deal, in entity order.
    public static func all(_ loop: MoneyLoop, _ p: LoopProjection) -> [RoundTripLedger] {
        let vendors = Set(loop.deals.filter { $0.kind == .vendorSale }.map(\.to))
        return vendors.sorted().map { make(p, vendor: $0) }
    }
}
