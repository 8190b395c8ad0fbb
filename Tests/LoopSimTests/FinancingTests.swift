import Testing
import TestSupport
@testable import LoopSim

/// The financing component (issue 17): revolver, rollover, raises, covenants, the
/// credit window, the GPU book, and the headline computed both ways.
@Suite struct FinancingTests {
    static let revolver = FacilityTerms(id: "rcf", kind: .revolver, limit: 1e9, rate: 0.07, maturityMonth: 1_000)

    @Test func revolverIsDrawnBeforeAnyRaiseAndRepaidFromCashAboveTheFloor() {
        var f = EntityFinancing(policy: FinancingPolicy(cashFloor: 100), facilities: [Self.revolver])
        let short = f.step(FinancingInput(month: 0, cashBefore: -400))
        #expect(short.revolverDraw == 500 && short.raised == 0 && short.need == 0)
        let flush = f.step(FinancingInput(month: 1, cashBefore: 900))
        #expect(flush.revolverRepay == 500 - 0 && flush.revolverDraw == 0)
        // Past the revolver's limit the rest is raised, split debt/equity with a fee.
        var g = EntityFinancing(policy: FinancingPolicy(cashFloor: 0, equityShare: 0.25, raiseFee: 0.02),
                                facilities: [Self.revolver])
        let deep = g.step(FinancingInput(month: 0, cashBefore: -3e9, equityValue: 10e9))
        #expect(deep.revolverDraw == 1e9 && abs(deep.need - 2e9) < 1)
        #expect(abs(deep.raised - deep.fees - 2e9) < 1 && abs(deep.newEquity - 0.25 * deep.raised) < 1)
        #expect(abs(deep.dilution - deep.newEquity / (10e9 + deep.newEquity)) < 1e-12)
        #expect(g.firstNeedMonth == 0 && abs(g.peakCumulativeNeed - deep.raised) < 1)
    }

    @Test func maturingDebtRollsOverOnlyWhileCreditIsOpen() {
        let policy = FinancingPolicy(cashFloor: 0)
        var open = EntityFinancing(policy: policy), shut = open, half = open
        let input = FinancingInput(month: 0, cashBefore: -300, principalDue: 500)
        #expect(open.step(input).refinanced == 300)
        var closedInput = input
        closedInput.creditWindow = 0
        let c = shut.step(closedInput)
        #expect(c.refinanced == 0 && c.raised == 0 && c.need == 300)
        closedInput.creditWindow = 0.5
        #expect(half.step(closedInput).refinanced == 150)
        // The entity's own access multiplies the window.
        var limited = EntityFinancing(policy: FinancingPolicy(cashFloor: 0, marketAccess: 0.2))
        #expect(abs(limited.step(input).refinanced - 60) < 1e-9)
    }

    @Test func spreadRisesWithLeverageAndIsBounded() {
        let p = FinancingPolicy(baseRate: 0.09, spreadPerTurn: 0.01, leverageFree: 4, maxSpread: 0.05)
        let rates = [2.0, 4, 6, 8, 100].map { p.rate(debt: $0 * 12, monthlyEBITDA: 1) }
        #expect(rates == rates.sorted() && rates[0] == 0.09 && abs(rates[2] - 0.11) < 1e-12)
        #expect(rates.last == 0.14 && p.rate(debt: 1, monthlyEBITDA: 0) == 0.14 && p.rate(debt: 1, monthlyEBITDA: -5) == 0.14)
    }

    @Test func covenantsProduceBreachEvents() {
        var f = EntityFinancing(policy: FinancingPolicy(cashFloor: 0, minInterestCoverage: 1.4, maxLoanToValue: 0.8),
                                facilities: [Self.revolver])
        let m = f.step(FinancingInput(month: 3, cashBefore: -10, ebitda: 100, scheduledInterest: 100,
                                      debtOutstanding: 900, collateralValue: 1_000, creditWindow: 0))
        #expect(m.breaches.map(\.kind) == [.interestCoverage, .loanToValue])
        #expect(m.revolverDraw == 10 && m.need == 0)
        #expect(f.step(FinancingInput(month: 4, cashBefore: 0, ebitda: 200, scheduledInterest: 100,
                                      debtOutstanding: 100, collateralValue: 1_000)).breaches.isEmpty)
    }

    @Test func usefulLifeSetsCollateralAndRetirements() {
        var four = GPUFleetBook(usefulLifeMonths: 48), six = GPUFleetBook(usefulLifeMonths: 72)
        four.add(gpus: 100, cost: 4_800, month: 0)
        six.add(gpus: 100, cost: 4_800, month: 0)
        #expect(abs(four.bookValue(month: 24) - 2_400) < 1e-9 && abs(six.bookValue(month: 24) - 3_200) < 1e-9)
        #expect(four.retire(through: 47) == 0 && four.retire(through: 48) == 100 && four.gpus == 0)
        // In the engine: a 4-year life retires the opening fleet inside the horizon and
        // orders replacements; a 6-year life retires less of it.
        let short = Support.project(Support.with([("gpu.usefulLifeYears", 4)]), months: 60)
        let long = Support.project(Support.with([("gpu.usefulLifeYears", 6)]), months: 60)
        let retired = { (p: Projection) in p.months.reduce(0) { $0 + $1.coreweave.gpusRetired } }
        #expect(retired(short) > retired(long))
        #expect(short.months.reduce(0) { $0 + $1.coreweave.capex } > long.months.reduce(0) { $0 + $1.coreweave.capex })
    }

    /// The closed-market ledger a projection carries is exactly a run with credit.window = 0.
    @Test func closedLedgerEqualsARunWithTheWindowClosed() {
        var rng = SplitMix64(seed: 17)
        for n in 0..<60 {
            var v = n == 0 ? Scenario.article2025.parameters : Support.randomValues(&rng)
            v.setClamped("credit.window", n == 0 ? 1 : Double.random(in: 0...1, using: &rng))
            let p = Support.project(v, months: 60)
            v.setClamped("credit.window", 0)
            let closed = Support.project(v, months: 60)
            for (a, b) in zip(p.months, closed.months) {
                #expect(abs(a.coreweave.cashIfClosed - b.coreweave.cash) <= 1e-6 * max(1, abs(b.coreweave.cash)))
                #expect(abs(a.vast.cashIfClosed - b.vast.cash) <= 1e-6 * max(1, abs(b.vast.cash)))
            }
            #expect(p.runwayIfClosed(of: .coreweave) == closed.runway(of: .coreweave))
        }
    }

    /// Money is conserved with financing flows, every entity, every month; no financing
    /// figure is NaN or infinite, over random parameter sets with the window anywhere.
    @Test func financingFlowsAreConservedAndFinite() {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<200 {
            let v = Support.randomValues(&rng)
            let p = Support.project(v)
            var previous = [Node.coreweave: Scenario.article2025.coreweaveCash, .vast: v["vast.cash"]]
            for m in p.months {
                for c in [Node.coreweave, .vast] {
                    let f = m.financing(of: c)!
                    let amounts = [f.revolverDraw, f.revolverRepay, f.refinanced, f.newDebt, f.newEquity, f.fees,
                                   f.interest, f.principal, f.rate, f.dilution, f.need, f.cumulativeNeed]
                    let all = amounts + [f.debt, m.cashIfClosed(of: c)] + f.breaches.map(\.value)
                    #expect(all.allSatisfy { $0.isFinite })
                    #expect(amounts.allSatisfy { $0 >= 0 } && f.debt >= -1e-3, "\(c) month \(m.month): \(f)")
                    let fin = m.flows.filter { $0.isCash && [.revolverDraw, .refinancing, .newDebt, .fees].contains($0.kind) }
                    #expect(fin.allSatisfy { $0.amount >= 0 })
                    let inflow = m.flows.filter { $0.isCash && $0.to == c }.reduce(0) { $0 + $1.amount }
                    let outflow = m.flows.filter { $0.isCash && $0.from == c }.reduce(0) { $0 + $1.amount }
                    let delta = m.cash(of: c) - previous[c]!
                    let scale = max(1, inflow + outflow, abs(previous[c]!))
                    #expect(abs(delta - (inflow - outflow)) <= 1e-9 * scale, "\(c) month \(m.month)")
                    previous[c] = m.cash(of: c)
                }
            }
        }
    }

    @Test func closingTheCreditWindowChangesTheHeadlineAndSaysWhy() {
        let open = Headline(Support.project(Scenario.article2025.parameters, months: 60), month: 0)
        let closed = Headline(Support.project(Support.with([("credit.window", 0)]), months: 60), month: 0)
        #expect(open.coreweaveNeed.firstMonth != nil && open.coreweaveRunway == nil)
        #expect(closed.coreweaveRunway == open.coreweaveRunwayIfClosed && closed.coreweaveRunway != nil)
        #expect(open.explanation.contains("funding gap, not insolvency"))
        #expect(closed.explanation.hasPrefix("Markets closed"))
        #expect(open.line != closed.line)
    }

    /// One as-of date (30 Sep 2025): Microsoft is the largest payer as filed, and the fleet
    /// reproduces Q4-2025 revenue ($1.57B) within 10%. Month-0 interest against the
    /// reported run rate: `InterestRunRateTests`.
    @Test func openingReproducesTheFiledRunRatesAndCustomerMix() {
        let m0 = Engine.project(.article2025, months: 1).months[0]
        let payers = Node.customers.map { ($0, m0.flow(from: $0, to: .coreweave)) }
        #expect(payers.max { $0.1 < $1.1 }?.0 == .microsoft)
        #expect(abs(m0.coreweave.revenue * 3 / 1.57e9 - 1) <= 0.10)
    }
}
