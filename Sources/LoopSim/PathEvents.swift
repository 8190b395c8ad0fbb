/// A set of months 0 … 127 (the engine runs at most 120), kept in two words so that
/// copying it never allocates.
public struct MonthSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init() {}

    public mutating func insert(_ month: Int) {
        guard month >= 0, month < 128 else { return }
        if month < 64 { low |= 1 << UInt64(month) } else { high |= 1 << UInt64(month - 64) }
    }

    public func contains(_ month: Int) -> Bool {
        guard month >= 0, month < 128 else { return false }
        return month < 64 ? low & (1 << UInt64(month)) != 0 : high & (1 << UInt64(month - 64)) != 0
    }

    public var isEmpty: Bool { low == 0 && high == 0 }

    /// How many months are in the set.
    public var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
}

/// A customer that pays less from some month on: a drawn contract haircut.
public struct CustomerHaircut: Sendable, Equatable {
    /// The customer (one of `Node.customers`).
    public var customer: Node
    /// First month paid at the reduced rate.
    public var from: Int
    /// Share of its contract payments cut (0.3 = pays 70%).
    public var share: Double
    public init(customer: Node, from: Int, share: Double) {
        self.customer = customer; self.from = from; self.share = share
    }
}

/// The discrete events of one path, as the engine applies them on top of the parameter
/// values: customers' contract haircuts (after the scenario's `contracts.haircut`), and
/// months in which the credit window is closed (no new debt can be drawn against new
/// GPUs, so their capex is paid in cash). The default has none.
public struct PathEvents: Sendable, Equatable {
    public var haircuts: [CustomerHaircut] = []
    public var creditClosed = MonthSet()

    public init(haircuts: [CustomerHaircut] = [], creditClosed: MonthSet = MonthSet()) {
        self.haircuts = haircuts; self.creditClosed = creditClosed
    }

    /// True when nothing happens.
    public var isEmpty: Bool { haircuts.isEmpty && creditClosed.isEmpty }

    /// The share of a payer's contract payments kept in month `t` (payer: an index
    /// into `Node.customers`).
    func kept(payer: Int, month t: Int) -> Double {
        var keep = 1.0
        for h in haircuts where t >= h.from && Node.customers.firstIndex(of: h.customer) == payer {
            keep *= 1 - min(1, max(0, h.share))
        }
        return keep
    }

    /// Clears every event, keeping the storage (for reuse across paths).
    mutating func removeAll() {
        haircuts.removeAll(keepingCapacity: true)
        creditClosed = MonthSet()
    }
}
