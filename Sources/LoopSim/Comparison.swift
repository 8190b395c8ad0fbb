/// Two projections side by side: for each headline metric, the baseline, the what-if
/// and the difference (what-if − baseline). Runways beyond the horizon have no number,
/// so their difference is nil.
public struct Comparison: Sendable, Equatable {
    /// What a row's numbers are.
    public enum Quantity: String, Sendable {
        case months, dollars, count
    }

    /// One metric of the comparison.
    public struct Row: Sendable, Equatable {
        /// A stable id for JSON: `coreweave.runway`, `vast.cashAtHorizon`.
        public var id: String
        public var label: String
        public var quantity: Quantity
        public var baseline: Double?
        public var whatIf: Double?

        public init(id: String, label: String, quantity: Quantity, baseline: Double?, whatIf: Double?) {
            self.id = id; self.label = label; self.quantity = quantity; self.baseline = baseline; self.whatIf = whatIf
        }

        /// What-if minus baseline; nil when either has no number.
        public var difference: Double? {
            guard let b = baseline, let w = whatIf else { return nil }
            return w - b
        }
    }

    public var baselineName: String
    public var whatIfName: String
    /// The months both projections cover (the shorter horizon).
    public var horizon: Int
    public var rows: [Row]
    /// Who runs out first in each (nil: nobody within the horizon).
    public var baselineFirstOut: Node?
    public var whatIfFirstOut: Node?
    /// Who needs money first in each, and who would run out first if markets closed.
    public var baselineFirstToNeed: Node?
    public var whatIfFirstToNeed: Node?
    public var baselineFirstOutIfClosed: Node?
    public var whatIfFirstOutIfClosed: Node?
    /// Each company's funding need in one sentence (`FundingWords`), baseline and what-if.
    public var baselineWords: [String]
    public var whatIfWords: [String]

    /// Compares `whatIf` with `baseline` over the months both cover.
    public init(baseline: Projection, whatIf: Projection) {
        let h = min(baseline.horizon, whatIf.horizon)
        let b = Comparison.clip(baseline, to: h), w = Comparison.clip(whatIf, to: h)
        baselineName = baseline.scenarioName
        whatIfName = whatIf.scenarioName
        horizon = h
        baselineFirstOut = b.firstToRunOut
        whatIfFirstOut = w.firstToRunOut
        baselineFirstToNeed = b.firstToNeedMoney
        whatIfFirstToNeed = w.firstToNeedMoney
        baselineFirstOutIfClosed = b.firstOutIfClosed
        whatIfFirstOutIfClosed = w.firstOutIfClosed
        baselineWords = Comparison.words(b)
        whatIfWords = Comparison.words(w)
        rows = Comparison.metrics.map { m in
            Row(id: m.id, label: m.label, quantity: m.quantity, baseline: m.value(b), whatIf: m.value(w))
        }
    }

    /// CoreWeave's and Vast's funding need in words, as the headline reads them at month 0.
    static func words(_ p: Projection) -> [String] {
        let h = Headline(p, month: 0)
        return [Node.coreweave, .vast].map { h.words($0).sentence(name: $0.label) }
    }

    /// The projection's first `horizon` months.
    static func clip(_ p: Projection, to horizon: Int) -> Projection {
        guard p.horizon > horizon else { return p }
        var q = p
        q.horizon = horizon
        q.months = Array(p.months.prefix(horizon + 1))
        return q
    }

    struct Measure {
        let id: String, label: String, quantity: Quantity
        let value: @Sendable (Projection) -> Double?
    }

    /// The metrics compared, in order.
    static let metrics: [Measure] = [.coreweave, .vast].flatMap(funding) + [
        Measure(id: "coreweave.runway", label: "CoreWeave runway with financing", quantity: .months) {
            $0.runway(of: .coreweave).map(Double.init)
        },
        Measure(id: "vast.runway", label: "Vast Data runway with financing", quantity: .months) {
            $0.runway(of: .vast).map(Double.init)
        },
        Measure(id: "coreweave.lowestCash", label: "CoreWeave lowest cash", quantity: .dollars) {
            $0.months.map(\.coreweave.cash).min()
        },
        Measure(id: "coreweave.cashAtHorizon", label: "CoreWeave cash at horizon", quantity: .dollars) {
            $0.months.last?.coreweave.cash
        },
        Measure(id: "coreweave.debtAtHorizon", label: "CoreWeave debt at horizon", quantity: .dollars) {
            $0.months.last?.coreweave.debt
        },
        Measure(id: "coreweave.revenueTotal", label: "CoreWeave revenue, all months", quantity: .dollars) {
            $0.months.reduce(0) { $0 + $1.coreweave.revenue }
        },
        Measure(id: "vast.lowestCash", label: "Vast Data lowest cash", quantity: .dollars) {
            $0.months.map(\.vast.cash).min()
        },
        Measure(id: "vast.cashAtHorizon", label: "Vast Data cash at horizon", quantity: .dollars) {
            $0.months.last?.vast.cash
        },
        Measure(id: "vast.valuationAtHorizon", label: "Vast Data valuation at horizon", quantity: .dollars) {
            $0.months.last?.vast.valuation
        },
        Measure(id: "nvidia.salesTotal", label: "NVIDIA sales to CoreWeave, all months", quantity: .dollars) {
            $0.months.reduce(0) { $0 + $1.nvidia.salesToCoreWeave }
        },
        Measure(id: "nvidia.exposureAtHorizon", label: "NVIDIA exposure at horizon", quantity: .dollars) {
            $0.months.last?.nvidia.exposure
        },
    ]

    /// A company's funding need and its runway if markets close, side by side.
    static func funding(_ c: Node) -> [Measure] {
        [
            Measure(id: "\(c.rawValue).firstNeedMonth", label: "\(c.label) first needs money", quantity: .months) {
                $0.fundingNeed(of: c).firstMonth.map(Double.init)
            },
            Measure(id: "\(c.rawValue).firstRolloverMonth", label: "\(c.label) first rolls over debt",
                    quantity: .months) { $0.fundingNeed(of: c).firstRolloverMonth.map(Double.init) },
            Measure(id: "\(c.rawValue).peakNeed", label: "\(c.label) peak funding need", quantity: .dollars) {
                $0.fundingNeed(of: c).peak
            },
            Measure(id: "\(c.rawValue).runwayIfMarketsClose", label: "\(c.label) out of cash if markets close",
                    quantity: .months) { $0.runwayIfClosed(of: c).map(Double.init) },
            Measure(id: "\(c.rawValue).covenantBreaches", label: "\(c.label) covenant breaches", quantity: .count) {
                Double($0.fundingNeed(of: c).breaches.count)
            },
        ]
    }

    /// A row's value as shown: `31 mo`, `> 60 mo`, `$1.2B`.
    public func format(_ v: Double?, _ q: Quantity) -> String {
        switch q {
        case .months: Format.runway(v.map { Int($0.rounded()) }, horizon: horizon)
        case .dollars: v.map { Format.dollars($0) } ?? "—"
        case .count: v.map { String(Int($0.rounded())) } ?? "—"
        }
    }

    /// A difference as shown, signed: `+4 mo`, `-$1.2B`, `0`; "—" when there is none.
    public func formatDifference(_ row: Row) -> String {
        guard let d = row.difference else { return "—" }
        guard d != 0 else { return "0" }
        let sign = d > 0 ? "+" : ""
        switch row.quantity {
        case .months: return "\(sign)\(Int(d.rounded())) mo"
        case .dollars: return sign + Format.dollars(d)
        case .count: return sign + String(Int(d.rounded()))
        }
    }
}
