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
        gpus = p["cw.gpus"]
        utilization = p["cw.utilization"]
        usageShare = p["cw.usageShare"]
        contractRate = max(0.01, p["cw.contractRate"])
        price = p["price.gpuHour"]
        priceFactorPerMonth = pow(max(0, 1 - p["price.declinePerYear"]), 1.0 / 12)
        opexPerGPUHour = p["cw.opexPerGPUHour"]
        overheadMonthly = p["cw.overheadMonthly"]
        buildPerMonth = p["cw.buildPerMonth"]
        capexPerGPU = p["cw.capexPerGPU"]
        leadTime = EngineInputs.whole(p["cw.leadTimeMonths"])
        buildDelay = EngineInputs.whole(p["build.delayMonths"])
        demandDelay = EngineInputs.whole(p["demand.delayMonths"])
        haircut = p["contracts.haircut"]
        loanToValue = p["cw.loanToValue"]
        newDebtRate = p["cw.newDebtRate"]
        newDebtTerm = max(1, p["cw.newDebtTermMonths"])
        newDebtCapacity = p["cw.newDebtCapacity"]
        shock = p["rates.shockBps"] / 10_000
        dealTotal = p["vast.dealTotal"]
        dealMonths = max(1, EngineInputs.whole(p["vast.dealYears"]) * 12)
        dealUsageLinked = p["vast.dealUsageLinked"] >= 0.5
        renegotiateMonth = EngineInputs.whole(p["vast.renegotiateMonth"])
        renegotiateShare = p["vast.renegotiateShare"]
        renegotiateTerm = EngineInputs.whole(p["vast.renegotiateTermMonths"])
        vastBaseARR = p["vast.baseARR"]
        vastGrowthPerMonth = pow(max(0, 1 + p["vast.arrGrowth"]), 1.0 / 12)
        vastGrossMargin = p["vast.grossMargin"]
        vastFixedMonthly = p["vast.fixedMonthly"]
        vastCostGrowthPerMonth = pow(max(0, 1 + p["vast.costGrowth"]), 1.0 / 12)
        vastCash = p["vast.cash"]
        vastMultiple = p["vast.multiple"]
        vastRaise = p["vast.equityRaise"]
        vastRaiseMonth = EngineInputs.whole(p["vast.equityRaiseMonth"])
        vastNvidiaShare = p["vast.nvidiaShareOfRaise"]
        nvidiaStake = p["nvidia.stake"]
        nvidiaCapexShare = p["nvidia.capexShare"]
        backstopOn = p["nvidia.backstop"] >= 0.5
        backstopTotal = p["nvidia.backstopTotal"]
        cwValueMultiple = p["cw.valueMultiple"]
        vastTerminalMultiple = p["vast.terminalMultiple"]
        vastMultipleDecayPerMonth = pow(0.5, 1 / max(1, p["vast.multipleHalfLifeMonths"]))
        financing = FinancingInputs(p)
    }

    /// A whole, non-negative month count from a parameter value (0 for NaN).
    static func whole(_ v: Double) -> Int {
        guard v.isFinite, v > 0 else { return 0 }
        return Int(min(v, 10_000).rounded())
    }
}
