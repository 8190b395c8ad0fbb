/// The stall calculator (DESIGN §2): what GPUs waiting for data cost, forward (a recall of
/// S TB at B GB/s ⇒ hours × GPUs × $/GPU-hour) and inverse (a cost ⇒ hours of stall).
/// Every input is a registry parameter (`stall.*`). Never NaN or infinite: a zero
/// bandwidth or a zero price makes the corresponding figure 0.
public struct StallCost: Sendable, Equatable {
    public var clusterGPUs: Double
    public var gbPerSecPerGPU: Double
    public var gpuHourPrice: Double
    public var recallTB: Double
    public var deliveredGBps: Double
    public var recallsPerMonth: Double
    public var costLow: Double
    public var costHigh: Double

    public init(_ p: ParameterValues) {
        clusterGPUs = p[.stallClusterGPUs]
        gbPerSecPerGPU = p[.stallGbPerSecPerGPU]
        gpuHourPrice = p[.stallGpuHourPrice]
        recallTB = p[.stallRecallTB]
        deliveredGBps = p[.stallDeliveredGBps]
        recallsPerMonth = p[.stallRecallsPerMonth]
        costLow = p[.stallCostLow]
        costHigh = p[.stallCostHigh]
    }

    /// What the cluster can read at peak (GPUs × GB/s per GPU), GB/s.
    public var peakGBps: Double { clusterGPUs * gbPerSecPerGPU }
    /// Dollars per hour of the whole cluster standing idle.
    public var clusterDollarsPerHour: Double { clusterGPUs * gpuHourPrice }

    /// Hours to read `tb` terabytes at `gbps` GB/s (0 when the bandwidth is not positive).
    public static func hours(terabytes tb: Double, gbps: Double) -> Double {
        gbps > 0 ? tb * 1000 / gbps / 3600 : 0
    }

    /// Forward: hours the cluster stalls on one cold-tier recall.
    public var stallHours: Double { StallCost.hours(terabytes: recallTB, gbps: deliveredGBps) }
    /// Forward: dollars one cold-tier recall costs in idle GPUs.
    public var stallCost: Double { stallHours * clusterDollarsPerHour }
    /// The same recall read at the cluster's full peak rate (the all-flash case).
    public var flashHours: Double { StallCost.hours(terabytes: recallTB, gbps: peakGBps) }
    public var flashCost: Double { flashHours * clusterDollarsPerHour }
    /// Stall dollars per month at `stall.recallsPerMonth` recalls.
    public var monthlyCost: Double { stallCost * recallsPerMonth }
    /// What all-flash at peak saves per month against the cold tier.
    public var monthlySaving: Double { max(0, stallCost - flashCost) * recallsPerMonth }

    /// Inverse: hours of stall that cost `dollars` (0 when GPUs × price is 0).
    public func hours(costing dollars: Double) -> Double {
        clusterDollarsPerHour > 0 ? dollars / clusterDollarsPerHour : 0
    }
    /// Inverse of the article's range: hours of stall that $30k and $50k mean.
    public var lowHours: Double { hours(costing: costLow) }
    public var highHours: Double { hours(costing: costHigh) }
}
