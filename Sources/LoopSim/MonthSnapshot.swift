/// CoreWeave's stocks and flows in one month (dollars; flows per month).
public struct CoreWeaveMonth: Sendable, Equatable, Codable {
    public var cash: Double = 0
    public var debt: Double = 0
    public var gpusInService: Double = 0
    public var utilization: Double = 0
    public var price: Double = 0
    public var committedRevenue: Double = 0
    public var usageRevenue: Double = 0
    public var backstopRevenue: Double = 0
    public var revenue: Double { committedRevenue + usageRevenue + backstopRevenue }
    public var opex: Double = 0
    public var overhead: Double = 0
    public var interest: Double = 0
    public var principal: Double = 0
    public var capex: Double = 0
    public var debtDraw: Double = 0
    public var storagePayment: Double = 0
    public var gpuHoursUsed: Double = 0
    /// GPUs reserved for contracts that are paying or waiting for delayed demand.
    public var committedGPUs: Double = 0
    /// GPUs reserved for contracts whose demand is late: idle, but paid for.
    public var waitingGPUs: Double = 0
    /// GPUs billed by usage: the fleet beyond every reservation.
    public var uncommittedGPUs: Double = 0
    /// GPUs ordered this month (they land after the lead time and any build delay).
    public var gpusOrdered: Double = 0
    /// Revenue per month × 12.
    public var annualRevenue: Double { revenue * 12 }
    /// GPUs that reached the end of their useful life this month (replaced by new orders).
    public var gpusRetired: Double = 0
    /// Revolver, rollovers and raises this month (see `EntityFinancing`).
    public var financing = FinancingMonth()
    /// Cash had markets been closed from the start: no rollovers or raises.
    public var cashIfClosed: Double = 0
    /// Cash in minus cash out this month, financing included.
    public var netCashFlow: Double {
        revenue + debtDraw - opex - overhead - capex - interest - principal - storagePayment + financing.netCash
    }
    public init() {}
}

/// Vast Data's stocks and flows in one month.
public struct VastMonth: Sendable, Equatable, Codable {
    public var cash: Double = 0
    public var baseRevenue: Double = 0
    public var revenueFromCoreWeave: Double = 0
    public var revenue: Double { baseRevenue + revenueFromCoreWeave }
    public var costs: Double = 0
    /// New equity this month (investors and NVIDIA).
    public var equityRaised: Double = 0
    /// Annualised revenue run rate.
    public var arr: Double { revenue * 12 }
    public var valuation: Double = 0
    /// The valuation multiple applied this month (it moves toward `vast.terminalMultiple`).
    public var multiple: Double = 0
    /// New money raised when cash runs low (see `EntityFinancing`).
    public var financing = FinancingMonth()
    /// Cash had markets been closed from the start.
    public var cashIfClosed: Double = 0
    /// Cash in minus cash out this month, financing included.
    public var netCashFlow: Double { revenue + equityRaised - costs + financing.netCash }
    /// Share of this month's revenue that comes from CoreWeave (0 when there is none).
    public var coreweaveShare: Double { revenue > 0 ? revenueFromCoreWeave / revenue : 0 }
    public init() {}
}

/// NVIDIA's side of the loop in one month.
public struct NvidiaMonth: Sendable, Equatable, Codable {
    public var salesToCoreWeave: Double = 0
    public var stakeValue: Double = 0
    public var backstopPaid: Double = 0
    /// Backstop paid so far.
    public var backstopUsed: Double = 0
    /// Share of CoreWeave's payments to NVIDIA funded by NVIDIA's own money, cumulative;
    /// nil before CoreWeave's first purchase (no share of $0 sales).
    public var roundTripShare: Double?
    /// NVIDIA's part of Vast's equity raise this month.
    public var equityToVast: Double = 0
    /// NVIDIA's money at risk: stake value plus backstop paid so far.
    public var exposure: Double { stakeValue + backstopUsed }
    public init() {}
}

/// One simulated month: every entity's state and every flow between entities.
public struct MonthSnapshot: Sendable, Equatable {
    /// 0 is the scenario's start month.
    public var month: Int
    public var date: YearMonth
    public var coreweave: CoreWeaveMonth
    public var vast: VastMonth
    public var nvidia: NvidiaMonth
    public var flows: [Flow]

    /// The cash of a tracked company. NVIDIA's cash is not modelled (0): what the loop
    /// puts at risk for it is `nvidia.exposure`, its stake value plus backstop paid.
    public func cash(of company: Node) -> Double {
        switch company {
        case .coreweave: coreweave.cash
        case .vast: vast.cash
        default: 0
        }
    }

    /// Total of the flows from `from` to `to` (all kinds).
    public func flow(from: Node, to: Node) -> Double {
        flows.lazy.filter { $0.from == from && $0.to == to }.reduce(0) { $0 + $1.amount }
    }
}
