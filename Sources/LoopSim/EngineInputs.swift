#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parameter values the engine reads, resolved once into plain fields so the
/// monthly loop does no dictionary look-ups. Rebuilt only in months where the lever
/// schedule changes something.
struct EngineInputs {
    var gpus, utilization, usageShare, contractRate: Double
    var price, priceFactorPerMonth, opexPerGPUHour, overheadMonthly: Double
    var buildPerMonth, capexPerGPU: Double
    var leadTime, buildDelay, demandDelay: Int
    var haircut: Double
    var loanToValue, newDebtRate, newDebtTerm, newDebtCapacity, shock: Double
    var dealTotal: Double
    var dealMonths: Int
    var dealUsageLinked: Bool
    var renegotiateMonth: Int
    var renegotiateShare: Double
    var renegotiateTerm: Int
    var vastBaseARR, vastGrowthPerMonth, vastGrossMargin, vastFixedMonthly, vastCostGrowthPerMonth: Double
    var vastCash, vastMultiple, vastRaise: Double
    var vastRaiseMonth: Int
    var vastNvidiaShare: Double
    var nvidiaStake, nvidiaCapexShare: Double
    var backstopOn: Bool
    var backstopTotal, cwValueMultiple: Double
    var vastTerminalMultiple, vastMultipleDecayPerMonth: Double
    var financing: FinancingInputs

    init(_ p: ParameterValues) {
        gpus = p[.cwGpus]
        utilization = p[.cwUtilization]
        usageShare = p[.cwUsageShare]
        contractRate = max(0.01, p[.cwContractRate])
        price = p[.priceGpuHour]
        priceFactorPerMonth = pow(max(0, 1 - p[.priceDeclinePerYear]), 1.0 / 12)
        opexPerGPUHour = p[.cwOpexPerGPUHour]
        overheadMonthly = p[.cwOverheadMonthly]
        buildPerMonth = p[.cwBuildPerMonth]
        capexPerGPU = p[.cwCapexPerGPU]
        leadTime = EngineInputs.whole(p[.cwLeadTimeMonths])
        buildDelay = EngineInputs.whole(p[.buildDelayMonths])
        demandDelay = EngineInputs.whole(p[.demandDelayMonths])
        haircut = p[.contractsHaircut]
        loanToValue = p[.cwLoanToValue]
        newDebtRate = p[.cwNewDebtRate]
        newDebtTerm = max(1, p[.cwNewDebtTermMonths])
        newDebtCapacity = p[.cwNewDebtCapacity]
        shock = p[.ratesShockBps] / 10_000
        dealTotal = p[.vastDealTotal]
        dealMonths = max(1, EngineInputs.whole(p[.vastDealYears]) * 12)
        dealUsageLinked = p[.vastDealUsageLinked] >= 0.5
        renegotiateMonth = EngineInputs.whole(p[.vastRenegotiateMonth])
        renegotiateShare = p[.vastRenegotiateShare]
        renegotiateTerm = EngineInputs.whole(p[.vastRenegotiateTermMonths])
        vastBaseARR = p[.vastBaseARR]
        vastGrowthPerMonth = pow(max(0, 1 + p[.vastArrGrowth]), 1.0 / 12)
        vastGrossMargin = p[.vastGrossMargin]
        vastFixedMonthly = p[.vastFixedMonthly]
        vastCostGrowthPerMonth = pow(max(0, 1 + p[.vastCostGrowth]), 1.0 / 12)
        vastCash = p[.vastCash]
        vastMultiple = p[.vastMultiple]
        vastRaise = p[.vastEquityRaise]
        vastRaiseMonth = EngineInputs.whole(p[.vastEquityRaiseMonth])
        vastNvidiaShare = p[.vastNvidiaShareOfRaise]
        nvidiaStake = p[.nvidiaStake]
        nvidiaCapexShare = p[.nvidiaCapexShare]
        backstopOn = p[.nvidiaBackstop] >= 0.5
        backstopTotal = p[.nvidiaBackstopTotal]
        cwValueMultiple = p[.cwValueMultiple]
        vastTerminalMultiple = p[.vastTerminalMultiple]
        vastMultipleDecayPerMonth = pow(0.5, 1 / max(1, p[.vastMultipleHalfLifeMonths]))
        financing = FinancingInputs(p)
    }

    /// A whole, non-negative month count from a parameter value (0 for NaN).
    static func whole(_ v: Double) -> Int {
        guard v.isFinite, v > 0 else { return 0 }
        return Int(min(v, 10_000).rounded())
    }
}
