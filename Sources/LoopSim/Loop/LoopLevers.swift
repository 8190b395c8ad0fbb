/// The what-ifs any loop takes, whatever its entities: firmness, timing, credit, rates.
public struct LoopLevers: Sendable, Equatable {
    /// Weight of every deal that is not binding: 1 at face value, 0 removed ("only signed
    /// contracts happen").
    public var nonBinding: Double = 1
    /// Months by which take-or-pay contracts that have not started slip.
    public var demandDelay: Int = 0
    /// Months by which every delivery lands late.
    public var buildDelay: Int = 0
    /// Added to the rate of floating loans (0.02 = +200 bp).
    public var rateShock: Double = 0
    /// 1: lenders draw facilities as agreed; 0: no new draws (the credit window closed).
    public var creditWindow: Double = 1
    /// Multiplies the utilization of every usage-billed deal.
    public var utilizationScale: Double = 1

    public init(nonBinding: Double = 1, demandDelay: Int = 0, buildDelay: Int = 0, rateShock: Double = 0,
                creditWindow: Double = 1, utilizationScale: Double = 1)
    {
        self.nonBinding = nonBinding; self.demandDelay = demandDelay; self.buildDelay = buildDelay
        self.rateShock = rateShock; self.creditWindow = creditWindow; self.utilizationScale = utilizationScale
    }

    /// The same levers with every value inside its range (NaN to the default).
    public var clamped: LoopLevers {
        func unit(_ v: Double, _ d: Double) -> Double { v.isFinite ? min(1, max(0, v)) : d }
        return LoopLevers(nonBinding: unit(nonBinding, 1), demandDelay: min(120, max(0, demandDelay)),
                          buildDelay: min(120, max(0, buildDelay)),
                          rateShock: rateShock.isFinite ? min(0.5, max(-0.1, rateShock)) : 0,
                          creditWindow: unit(creditWindow, 1),
                          utilizationScale: utilizationScale.isFinite ? min(2, max(0, utilizationScale)) : 1)
    }
}
