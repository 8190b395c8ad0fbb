/// The financing levers resolved once per schedule change (see `EngineInputs`).
struct FinancingInputs {
    var window: Double
    var coreweave, vast: FinancingPolicy
    var revolverLimit, revolverRate: Double
    var usefulLifeMonths, openingAgeMonths: Int

    init(_ p: ParameterValues) {
        window = p[.creditWindow]
        let shared = FinancingPolicy(
            baseRate: p[.creditBaseRate], spreadPerTurn: p[.creditSpreadPerTurn],
            leverageFree: p[.creditLeverageFree], maxSpread: p[.creditMaxSpread],
            newDebtTermMonths: EngineInputs.whole(p[.creditNewDebtTermMonths]), raiseFee: p[.creditRaiseFee])
        coreweave = shared
        coreweave.cashFloor = p[.cwCashFloor]
        coreweave.marketAccess = p[.creditAccessCoreweave]
        coreweave.equityShare = p[.cwEquityShareOfRaise]
        coreweave.minInterestCoverage = p[.covenantMinInterestCoverage]
        coreweave.maxLoanToValue = p[.covenantMaxLoanToValue]
        vast = shared
        vast.cashFloor = p[.vastCashFloor]
        vast.marketAccess = p[.creditAccessVast]
        vast.equityShare = p[.vastEquityShareOfRaise]
        revolverLimit = p[.cwRevolverLimit]
        revolverRate = p[.cwRevolverRate]
        usefulLifeMonths = max(1, EngineInputs.whole(p[.gpuUsefulLifeYears]) * 12)
        openingAgeMonths = EngineInputs.whole(p[.gpuOpeningAgeMonths])
    }
}

/// The article loop's financing: CoreWeave and Vast each financed as the credit window
/// allows, and each again with markets closed (the same operations, no rollovers or
/// raises) — so one projection carries both headlines. Operations never depend on cash
/// in this engine, which makes the closed ledger exactly a run with credit.window = 0.
struct LoopFinancing {
    var coreweave, coreweaveClosed, vast, vastClosed: EntityFinancing
    var coreweaveClosedCash, vastClosedCash: Double
    /// CoreWeave's GPU fleet at book value: collateral and retirements.
    var book: GPUFleetBook

    init(coreweaveCash: Double, vastCash: Double, gpus: Double, _ p: EngineInputs) {
        let f = p.financing
        let revolver = FacilityTerms(id: "cw-revolver", kind: .revolver, limit: f.revolverLimit, rate: f.revolverRate,
                                     maturityMonth: Int.max)
        coreweave = EntityFinancing(policy: f.coreweave, facilities: [revolver])
        vast = EntityFinancing(policy: f.vast)
        coreweaveClosed = coreweave
        vastClosed = vast
        coreweaveClosedCash = coreweaveCash
        vastClosedCash = vastCash
        book = GPUFleetBook(usefulLifeMonths: f.usefulLifeMonths)
        // The opening fleet was bought evenly over twice its average age before the start.
        let spread = max(1, 2 * f.openingAgeMonths)
        for m in 1...spread {
            book.add(gpus: gpus / Double(spread), cost: gpus / Double(spread) * p.capexPerGPU,
                     month: f.openingAgeMonths == 0 ? 0 : -m)
        }
    }

    /// Finances CoreWeave's month `cw` (its operating and scheduled flows already set):
    /// fills `cw.financing`, `cw.cashIfClosed`, and adds the component's debt to `cw.debt`.
    mutating func finance(_ cw: inout CoreWeaveMonth, month t: Int, cash: Double, _ p: EngineInputs, closed: Bool) {
        let input = FinancingInput(
            month: t, cashBefore: cash + cw.netCashFlow, ebitda: cw.revenue - cw.opex - cw.overhead - cw.storagePayment,
            scheduledInterest: cw.interest, principalDue: cw.principal, debtOutstanding: cw.debt,
            collateralValue: book.bookValue(month: t), creditWindow: closed ? 0 : p.financing.window,
            rateShock: p.shock, equityValue: max(0, p.cwValueMultiple * cw.annualRevenue))
        (cw.financing, cw.cashIfClosed) = Self.both(&coreweave, &coreweaveClosed, &coreweaveClosedCash, input,
                                                    net: cw.netCashFlow, p.financing.coreweave)
        cw.debt += coreweave.debt
    }

    /// Finances Vast's month the same way (equity by default; no debt of its own).
    mutating func finance(_ v: inout VastMonth, month t: Int, cash: Double, _ p: EngineInputs, closed: Bool) {
        let input = FinancingInput(month: t, cashBefore: cash + v.netCashFlow, ebitda: v.revenue - v.costs,
                                   creditWindow: closed ? 0 : p.financing.window, rateShock: p.shock,
                                   equityValue: max(0, v.valuation))
        (v.financing, v.cashIfClosed) = Self.both(&vast, &vastClosed, &vastClosedCash, input, net: v.netCashFlow,
                                                  p.financing.vast)
    }

    /// One month of an entity's two ledgers under `policy`: as the credit window allows,
    /// and with markets closed (its cash carried in `closedCash`, moved by `net` from
    /// operations). Returns the first ledger's month and the closed ledger's cash.
    static func both(_ open: inout EntityFinancing, _ shut: inout EntityFinancing, _ closedCash: inout Double,
                     _ input: FinancingInput, net: Double, _ policy: FinancingPolicy) -> (FinancingMonth, Double)
    {
        open.policy = policy
        shut.policy = policy
        let month = open.step(input)
        var closedInput = input
        closedInput.creditWindow = 0
        closedInput.cashBefore = closedCash + net
        closedCash = closedInput.cashBefore + shut.step(closedInput).netCash
        return (month, closedCash)
    }

    /// How many flows `appendFlows` adds.
    static let flowCount = 7

    /// Appends the flows a month's financing moves between `entity` and lenders or investors.
    static func appendFlows(_ m: FinancingMonth, _ entity: Node, to flows: inout [Flow]) {
        flows.append(Flow(from: .lenders, to: entity, kind: .revolverDraw, amount: m.revolverDraw))
        flows.append(Flow(from: .lenders, to: entity, kind: .refinancing, amount: m.refinanced))
        flows.append(Flow(from: .lenders, to: entity, kind: .newDebt, amount: m.newDebt))
        flows.append(Flow(from: .investors, to: entity, kind: .equity, amount: m.newEquity))
        flows.append(Flow(from: entity, to: .lenders, kind: .interest, amount: m.interest))
        flows.append(Flow(from: entity, to: .lenders, kind: .principal, amount: m.principal + m.revolverRepay))
        flows.append(Flow(from: entity, to: .lenders, kind: .fees, amount: m.fees))
    }
}
