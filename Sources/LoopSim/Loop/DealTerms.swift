/// The terms of a deal, one case per `DealKind`. Months count from the loop's start.
public enum DealTerms: Sendable, Equatable {
    /// Take-or-pay: `value` over `term` months from `start`, after a linear `ramp`;
    /// `gpus` are reserved (busy) while it pays, idle while its demand is late.
    case takeOrPay(value: Double, start: Int, term: Int, ramp: Int, gpus: Double)
    /// Usage-billed: GPUs (a count, or a share of the payee's fleet) × 730 h × utilization × price.
    case usage(gpus: Double, fleetShare: Double, utilization: Double, price: Double, declinePerYear: Double,
               start: Int, term: Int)
    /// `rate` per busy GPU-hour of the payer (or cap ÷ term when `flat`) until `cap` is paid.
    case perUnit(cap: Double, rate: Double?, referenceUtilization: Double, start: Int, term: Int, flat: Bool)
    /// Units ordered (`perMonth` from `start` for `term`, plus dated `orders`), delivered
    /// after `leadTime`, paid on delivery; they join the buyer's fleet.
    case vendorSale(unitPrice: Double, perMonth: Double, start: Int, term: Int, orders: [Tranche], leadTime: Int)
    /// Equity tranches, each paid when its milestone is met (a one-off is one dated tranche).
    case equity(tranches: [Tranche])
    case loan(LoanTerms)
    /// Pays the payee's idle GPU-hours at `price`, up to `limit`, from `start` for `term`.
    case backstop(limit: Double, price: Double, start: Int, term: Int)
    /// Shares vest per tranche (amount = shares); value = shares × (price − strike), not cash.
    case warrant(strike: Double, sharePrice: Double, growthPerYear: Double, tranches: [Tranche])
    /// `monthly` from `start` for `term`, growing `growthPerYear`.
    case recurring(monthly: Double, growthPerYear: Double, start: Int, term: Int)

    public var kind: DealKind {
        switch self {
        case .takeOrPay: .takeOrPay
        case .usage: .usage
        case .perUnit: .perUnit
        case .vendorSale: .vendorSale
        case .equity: .equity
        case .loan: .loan
        case .backstop: .backstop
        case .warrant: .warrant
        case .recurring: .recurring
        }
    }
}

/// A loan or facility: from the lender to the borrower; interest and principal flow back.
public struct LoanTerms: Sendable, Equatable {
    public enum Facility: String, CaseIterable, Sendable { case ddtl, revolver, bond }
    public var facility: Facility
    /// Most that may be outstanding (ddtl: drawn in total; revolver: at once).
    public var limit: Double
    /// Balance outstanding at the start.
    public var drawn: Double
    /// Annual rate (0.11 = 11%); floating facilities take the rate shock.
    public var rate: Double
    public var floating: Bool
    /// ddtl: the share of the borrower's purchases drawn, and the deals whose unpaid
    /// value bounds the draws (indices into `MoneyLoop.deals`).
    public var ltv: Double
    public var collateral: [Int]
    /// ddtl: months each draw amortises over, or (with a maturity) the balance amortises
    /// evenly to `maturity`. bond: `maturity` is the month of the bullet.
    public var term: Int
    public var maturity: Int?
    /// bond: month of issue (the amount `limit` is received then); nil when already drawn.
    public var issue: Int?
    /// revolver: drawn when the borrower's cash would fall below this.
    public var floor: Double

    public init(facility: Facility, limit: Double, drawn: Double = 0, rate: Double, floating: Bool = true,
                ltv: Double = 0, collateral: [Int] = [], term: Int = 48, maturity: Int? = nil, issue: Int? = nil,
                floor: Double = 0)
    {
        self.facility = facility; self.limit = limit; self.drawn = drawn; self.rate = rate; self.floating = floating
        self.ltv = ltv; self.collateral = collateral; self.term = term; self.maturity = maturity; self.issue = issue
        self.floor = floor
    }
}
