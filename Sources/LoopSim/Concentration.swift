/// One payer's part of a company's revenue.
public struct PayerShare: Sendable, Equatable {
    /// The paying node; nil for "everyone else" (NVIDIA's other customers).
    public var payer: Node?
    public var label: String
    public var amount: Double
    /// amount ÷ total, 0 when the total is 0.
    public var share: Double
}

/// Revenue concentration of one company: who pays it, the largest payer's share and the
/// Herfindahl–Hirschman index (Σ share², 0…1; ×10,000 on the antitrust scale).
public struct Concentration: Sendable, Equatable {
    public var company: Node
    /// Revenue counted, dollars (per month, or summed over a range of months).
    public var total: Double
    /// Payers, largest first; payers with nothing are left out.
    public var shares: [PayerShare]

    /// The largest payer, nil when there is no revenue.
    public var top: PayerShare? { shares.first }
    /// The largest payer's share (0 when there is no revenue).
    public var top1Share: Double { shares.first?.share ?? 0 }
    /// Σ share² over payers, 0 … 1 (1 = a single payer).
    public var hhi: Double { shares.reduce(0) { $0 + $1.share * $1.share } }

    /// The kinds of flow that count as a company's revenue.
    public static let revenueKinds: Set<FlowKind> = [.contract, .usage, .backstop, .storage, .vastRevenue, .gpuPurchase]

    /// Concentration over the months given (one month, or a projection's months).
    /// NVIDIA's revenue besides CoreWeave's purchases is `nvidiaMonthlyRevenue` a month
    /// (the registry's `nvidia.monthlyRevenue`), counted as one other payer.
    public static func of(_ company: Node, months: some Collection<MonthSnapshot>,
                          nvidiaMonthlyRevenue: Double = 0) -> Concentration
    {
        var amounts: [Node: Double] = [:]
        for m in months {
            for f in m.flows where f.to == company && f.isCash && revenueKinds.contains(f.kind) && f.amount > 0 {
                amounts[f.from, default: 0] += f.amount
            }
        }
        var entries = amounts.map { (payer: Optional($0.key), label: $0.key.label, amount: $0.value) }
        if company == .nvidia {
            let coreweave = amounts[.coreweave] ?? 0
            let others = max(0, nvidiaMonthlyRevenue * Double(months.count) - coreweave)
            if others > 0 { entries.append((payer: nil, label: "Other customers", amount: others)) }
        }
        let total = entries.reduce(0) { $0 + $1.amount }
        let shares = entries.map {
            PayerShare(payer: $0.payer, label: $0.label, amount: $0.amount, share: total > 0 ? $0.amount / total : 0)
        }.sorted { ($0.amount, $1.label) > ($1.amount, $0.label) }
        return Concentration(company: company, total: total, shares: shares)
    }

    /// Concentration of `company` in one month.
    public static func of(_ company: Node, in month: MonthSnapshot, nvidiaMonthlyRevenue: Double = 0) -> Concentration {
        of(company, months: CollectionOfOne(month), nvidiaMonthlyRevenue: nvidiaMonthlyRevenue)
    }
}
