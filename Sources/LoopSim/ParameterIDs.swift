/// The id of every parameter in `ParameterRegistry`, as a typed constant: code names a
/// parameter as `.cwUtilization`, never as a string, so a misspelt id does not compile.
/// The text of each (`cw.utilization`) is what scenario files, `--set` and `:set` write.
extension ParameterID {
    /// Credit window (1 open … 0 closed).
    public static let creditWindow = ParameterID(registered: "credit.window")
    /// CoreWeave's own market access.
    public static let creditAccessCoreweave = ParameterID(registered: "credit.access.coreweave")
    /// Vast's own market access.
    public static let creditAccessVast = ParameterID(registered: "credit.access.vast")
    /// CoreWeave revolving credit facility.
    public static let cwRevolverLimit = ParameterID(registered: "cw.revolverLimit")
    /// Rate on the revolver.
    public static let cwRevolverRate = ParameterID(registered: "cw.revolverRate")
    /// CoreWeave's minimum cash.
    public static let cwCashFloor = ParameterID(registered: "cw.cashFloor")
    /// Vast's minimum cash.
    public static let vastCashFloor = ParameterID(registered: "vast.cashFloor")
    /// Rate on new and refinanced debt.
    public static let creditBaseRate = ParameterID(registered: "credit.baseRate")
    /// Extra rate per turn of debt ÷ EBITDA.
    public static let creditSpreadPerTurn = ParameterID(registered: "credit.spreadPerTurn")
    /// Debt ÷ EBITDA without extra spread.
    public static let creditLeverageFree = ParameterID(registered: "credit.leverageFree")
    /// Most the leverage spread adds.
    public static let creditMaxSpread = ParameterID(registered: "credit.maxSpread")
    /// Cost of raising (share of money raised).
    public static let creditRaiseFee = ParameterID(registered: "credit.raiseFee")
    /// Term of new and refinanced debt.
    public static let creditNewDebtTermMonths = ParameterID(registered: "credit.newDebtTermMonths")
    /// Share of CoreWeave's new money raised as equity.
    public static let cwEquityShareOfRaise = ParameterID(registered: "cw.equityShareOfRaise")
    /// Share of Vast's new money raised as equity.
    public static let vastEquityShareOfRaise = ParameterID(registered: "vast.equityShareOfRaise")
    /// Covenant: minimum EBITDA ÷ interest.
    public static let covenantMinInterestCoverage = ParameterID(registered: "covenant.minInterestCoverage")
    /// Covenant: maximum debt ÷ GPU book value.
    public static let covenantMaxLoanToValue = ParameterID(registered: "covenant.maxLoanToValue")
    /// GPU useful life.
    public static let gpuUsefulLifeYears = ParameterID(registered: "gpu.usefulLifeYears")
    /// Average age of the opening fleet.
    public static let gpuOpeningAgeMonths = ParameterID(registered: "gpu.openingAgeMonths")
    /// GPUs in service at start.
    public static let cwGpus = ParameterID(registered: "cw.gpus")
    /// GPUs in service at end-2024.
    public static let cwGpusEnd2024 = ParameterID(registered: "cw.gpusEnd2024")
    /// GPU utilization.
    public static let cwUtilization = ParameterID(registered: "cw.utilization")
    /// Usage-billed share of fleet.
    public static let cwUsageShare = ParameterID(registered: "cw.usageShare")
    /// Contract revenue per reserved GPU-hour.
    public static let cwContractRate = ParameterID(registered: "cw.contractRate")
    /// Usage price per GPU-hour.
    public static let priceGpuHour = ParameterID(registered: "price.gpuHour")
    /// Price pressure (decline per year).
    public static let priceDeclinePerYear = ParameterID(registered: "price.declinePerYear")
    /// Power + rent per GPU-hour.
    public static let cwOpexPerGPUHour = ParameterID(registered: "cw.opexPerGPUHour")
    /// Other operating costs per month.
    public static let cwOverheadMonthly = ParameterID(registered: "cw.overheadMonthly")
    /// Extra GPUs ordered per month beyond the backlog.
    public static let cwBuildPerMonth = ParameterID(registered: "cw.buildPerMonth")
    /// All-in capex per new GPU.
    public static let cwCapexPerGPU = ParameterID(registered: "cw.capexPerGPU")
    /// Build lead time.
    public static let cwLeadTimeMonths = ParameterID(registered: "cw.leadTimeMonths")
    /// Build delay (power, permits).
    public static let buildDelayMonths = ParameterID(registered: "build.delayMonths")
    /// Demand delay.
    public static let demandDelayMonths = ParameterID(registered: "demand.delayMonths")
    /// Haircut on customers' contract payments.
    public static let contractsHaircut = ParameterID(registered: "contracts.haircut")
    /// Loan-to-value on new GPUs.
    public static let cwLoanToValue = ParameterID(registered: "cw.loanToValue")
    /// Rate on new GPU debt.
    public static let cwNewDebtRate = ParameterID(registered: "cw.newDebtRate")
    /// Term of new GPU debt.
    public static let cwNewDebtTermMonths = ParameterID(registered: "cw.newDebtTermMonths")
    /// Committed debt undrawn for new GPUs.
    public static let cwNewDebtCapacity = ParameterID(registered: "cw.newDebtCapacity")
    /// Rate shock on floating debt.
    public static let ratesShockBps = ParameterID(registered: "rates.shockBps")
    /// CoreWeave–Vast deal total.
    public static let vastDealTotal = ParameterID(registered: "vast.dealTotal")
    /// Deal term.
    public static let vastDealYears = ParameterID(registered: "vast.dealYears")
    /// Deal paid per GPU-hour used (1) or flat (0).
    public static let vastDealUsageLinked = ParameterID(registered: "vast.dealUsageLinked")
    /// Deal renegotiated at month (0 = never).
    public static let vastRenegotiateMonth = ParameterID(registered: "vast.renegotiateMonth")
    /// Share of remaining deal kept after renegotiation.
    public static let vastRenegotiateShare = ParameterID(registered: "vast.renegotiateShare")
    /// Term after renegotiation (0 = the remaining term).
    public static let vastRenegotiateTermMonths = ParameterID(registered: "vast.renegotiateTermMonths")
    /// Vast base ARR.
    public static let vastBaseARR = ParameterID(registered: "vast.baseARR")
    /// Vast base revenue, article's upper figure.
    public static let vastBaseARRHigh = ParameterID(registered: "vast.baseARRHigh")
    /// Vast base ARR growth per year.
    public static let vastArrGrowth = ParameterID(registered: "vast.arrGrowth")
    /// Vast gross margin.
    public static let vastGrossMargin = ParameterID(registered: "vast.grossMargin")
    /// Vast fixed costs per month at start.
    public static let vastFixedMonthly = ParameterID(registered: "vast.fixedMonthly")
    /// Vast fixed-cost growth per year.
    public static let vastCostGrowth = ParameterID(registered: "vast.costGrowth")
    /// Vast cash at start.
    public static let vastCash = ParameterID(registered: "vast.cash")
    /// Vast valuation ÷ ARR.
    public static let vastMultiple = ParameterID(registered: "vast.multiple")
    /// Vast valuation ÷ ARR it tends to.
    public static let vastTerminalMultiple = ParameterID(registered: "vast.terminalMultiple")
    /// Months for Vast's multiple to close half the gap.
    public static let vastMultipleHalfLifeMonths = ParameterID(registered: "vast.multipleHalfLifeMonths")
    /// New equity for Vast.
    public static let vastEquityRaise = ParameterID(registered: "vast.equityRaise")
    /// Month of Vast's equity raise.
    public static let vastEquityRaiseMonth = ParameterID(registered: "vast.equityRaiseMonth")
    /// NVIDIA's share of Vast's raise.
    public static let vastNvidiaShareOfRaise = ParameterID(registered: "vast.nvidiaShareOfRaise")
    /// NVIDIA's stake in CoreWeave.
    public static let nvidiaStake = ParameterID(registered: "nvidia.stake")
    /// NVIDIA's share of CoreWeave's capex.
    public static let nvidiaCapexShare = ParameterID(registered: "nvidia.capexShare")
    /// NVIDIA backstop buys unused capacity (1 on).
    public static let nvidiaBackstop = ParameterID(registered: "nvidia.backstop")
    /// NVIDIA backstop ceiling.
    public static let nvidiaBackstopTotal = ParameterID(registered: "nvidia.backstopTotal")
    /// CoreWeave equity ÷ annual revenue.
    public static let cwValueMultiple = ParameterID(registered: "cw.valueMultiple")
    /// NVIDIA revenue per month.
    public static let nvidiaMonthlyRevenue = ParameterID(registered: "nvidia.monthlyRevenue")
    /// Cluster size.
    public static let stallClusterGPUs = ParameterID(registered: "stall.clusterGPUs")
    /// Peak read per GPU.
    public static let stallGbPerSecPerGPU = ParameterID(registered: "stall.gbPerSecPerGPU")
    /// Stall price per GPU-hour.
    public static let stallGpuHourPrice = ParameterID(registered: "stall.gpuHourPrice")
    /// Article's stall cost, low.
    public static let stallCostLow = ParameterID(registered: "stall.costLow")
    /// Article's stall cost, high.
    public static let stallCostHigh = ParameterID(registered: "stall.costHigh")
    /// Cold-tier recall size.
    public static let stallRecallTB = ParameterID(registered: "stall.recallTB")
    /// Cold-tier bandwidth delivered.
    public static let stallDeliveredGBps = ParameterID(registered: "stall.deliveredGBps")
    /// Cold recalls per month.
    public static let stallRecallsPerMonth = ParameterID(registered: "stall.recallsPerMonth")
    /// CoreWeave revenue 2023.
    public static let cwRevenue2023 = ParameterID(registered: "cw.revenue2023")
    /// CoreWeave revenue 2024.
    public static let cwRevenue2024 = ParameterID(registered: "cw.revenue2024")
    /// The debt raise the article cites.
    public static let cwDebtRaise = ParameterID(registered: "cw.debtRaise")
    /// Vast valuation 2023.
    public static let vastValuation2023 = ParameterID(registered: "vast.valuation2023")
    /// Vast valuation 2025.
    public static let vastValuation2025 = ParameterID(registered: "vast.valuation2025")

    /// Every constant above; `ParameterRegistry.all` declares exactly these (tested).
    public static let registered: [ParameterID] = [
        .creditWindow, .creditAccessCoreweave, .creditAccessVast, .cwRevolverLimit, .cwRevolverRate, .cwCashFloor,
        .vastCashFloor, .creditBaseRate, .creditSpreadPerTurn, .creditLeverageFree, .creditMaxSpread, .creditRaiseFee,
        .creditNewDebtTermMonths, .cwEquityShareOfRaise, .vastEquityShareOfRaise, .covenantMinInterestCoverage,
        .covenantMaxLoanToValue, .gpuUsefulLifeYears, .gpuOpeningAgeMonths, .cwGpus, .cwGpusEnd2024, .cwUtilization,
        .cwUsageShare, .cwContractRate, .priceGpuHour, .priceDeclinePerYear, .cwOpexPerGPUHour, .cwOverheadMonthly,
        .cwBuildPerMonth, .cwCapexPerGPU, .cwLeadTimeMonths, .buildDelayMonths, .demandDelayMonths, .contractsHaircut,
        .cwLoanToValue, .cwNewDebtRate, .cwNewDebtTermMonths, .cwNewDebtCapacity, .ratesShockBps, .vastDealTotal,
        .vastDealYears, .vastDealUsageLinked, .vastRenegotiateMonth, .vastRenegotiateShare,
        .vastRenegotiateTermMonths, .vastBaseARR, .vastBaseARRHigh, .vastArrGrowth, .vastGrossMargin,
        .vastFixedMonthly, .vastCostGrowth, .vastCash, .vastMultiple, .vastTerminalMultiple,
        .vastMultipleHalfLifeMonths, .vastEquityRaise, .vastEquityRaiseMonth, .vastNvidiaShareOfRaise, .nvidiaStake,
        .nvidiaCapexShare, .nvidiaBackstop, .nvidiaBackstopTotal, .cwValueMultiple, .nvidiaMonthlyRevenue,
        .stallClusterGPUs, .stallGbPerSecPerGPU, .stallGpuHourPrice, .stallCostLow, .stallCostHigh, .stallRecallTB,
        .stallDeliveredGBps, .stallRecallsPerMonth, .cwRevenue2023, .cwRevenue2024, .cwDebtRaise, .vastValuation2023,
        .vastValuation2025,
    ]
}
