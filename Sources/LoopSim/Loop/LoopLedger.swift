/// The part of a loop run that credit moves: each entity's cash, the loans' balances and
/// draws, and the month's purchases, interest and principal their financing reads. A run
/// keeps one ledger as the credit window allows and, for the headline's other half, one
/// with markets closed: operations (deliveries, contracts, usage, costs, equity, warrants)
/// never read cash or credit, so they run once and move both ledgers' cash alike.
struct LoopLedger {
    /// The lever `credit.window` this ledger runs under (0: markets closed).
    let window: Double
    /// Its place in the run's per-ledger lists (0: as set, 1: markets closed).
    let lane: Int
    /// Whether its flows are recorded (the projection's flows are the first ledger's).
    let records: Bool
    /// Its columns, one after another: per entity cash, purchases, interest and principal
    /// paid; per deal balance and paid; the financing scratch (kept small: ledgers are
    /// passed to every loan's month).
    private let base: UnsafeMutablePointer<Double>
    private let n: Int, d: Int, f: Int

    init(_ plan: LoopPlan, window: Double, lane: Int, records: Bool, memory: RunMemory<Double>) {
        n = plan.openingCash.count
        d = plan.terms.count
        f = plan.facilityDeals.reduce(0) { max($0, $1.count) }
        self.window = window
        self.lane = lane
        self.records = records
        base = memory.column(Self.size(plan), 0).base
        for e in 0..<n { cash[e] = plan.openingCash[e] }
    }

    /// Per entity.
    var cash: RunColumn<Double> { RunColumn(base: base, count: n) }
    /// What each entity paid for deliveries this month, less what DDTL draws lent against.
    var purchases: RunColumn<Double> { RunColumn(base: base + n, count: n) }
    var interestPaid: RunColumn<Double> { RunColumn(base: base + 2 * n, count: n) }
    var principalPaid: RunColumn<Double> { RunColumn(base: base + 3 * n, count: n) }
    /// Per deal, used by loans only: outstanding balance and drawn (or received) so far.
    var balance: RunColumn<Double> { RunColumn(base: base + 4 * n, count: d) }
    var paid: RunColumn<Double> { RunColumn(base: base + 4 * n + d, count: d) }
    /// Scratch for a financed entity's revolver balances before its month.
    var before: RunColumn<Double> { RunColumn(base: base + 4 * n + 2 * d, count: f) }

    /// Zeroes the month's purchases, interest and principal paid.
    func startMonth() { RunColumn(base: base + n, count: 3 * n).fill(0) }

    /// Doubles a ledger takes in a run's memory.
    static func size(_ plan: LoopPlan) -> Int {
        4 * plan.openingCash.count + 2 * plan.terms.count + plan.facilityDeals.reduce(0) { max($0, $1.count) }
    }

    /// Entity e's opening debt outside the loop's loans plus the balances of its loan deals
    /// (`LoopRun.borrowed`: `plan.loansOf` flat, read in place), summed in deal order.
    func scheduledDebt(of e: Int, _ plan: LoopPlan, borrowed: RunColumn<Int>) -> Double {
        var d = plan.openingDebt[e]
        for k in borrowed[e]..<borrowed[e + 1] { d += balance[borrowed[k]] }
        return d
    }
}
