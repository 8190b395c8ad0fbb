@testable import LoopSim
import TestSupport

/// Random money loops for property tests: 2–12 entities and up to 40 deals of every
/// kind, amounts from zero to large, collateral only on earlier deals (so they schedule).
enum RandomLoop {
    static func make(_ rng: inout SplitMix64) -> MoneyLoop {
        let n = Int.random(in: 2...12, using: &rng)
        func money(_ top: Double) -> Double {
            Double.random(in: 0...1, using: &rng) < 0.1 ? 0 : Double.random(in: 0...top, using: &rng)
        }
        let kinds = EntityKind.allCases
        var entities = (0..<n).map { i in
            LoopEntity(id: "e\(i)", name: "E\(i)", kind: kinds[i % kinds.count], cash: money(1e10), debt: money(1e10),
                       fleet: money(3e5), kwPerGPU: Double.random(in: 0.5...2, using: &rng),
                       external: i == n - 1)
        }
        for i in 0..<n where Bool.random(using: &rng) {
            entities[i].supplier = (i + 1) % n
            entities[i].opexPerGPUHour = money(1)
            entities[i].overheadMonthly = money(2e8)
        }
        var deals: [LoopDeal] = []
        let count = Int.random(in: 1...40, using: &rng)
        for d in 0..<count {
            let from = Int.random(in: 0..<n, using: &rng)
            var to = Int.random(in: 0..<(n - 1), using: &rng)
            if to >= from { to += 1 }
            let start = Int.random(in: -24...60, using: &rng)
            let term = Int.random(in: 1...120, using: &rng)
            let milestone = Milestone(month: Bool.random(using: &rng) ? Int.random(in: 0...60, using: &rng) : nil,
                                      entity: Bool.random(using: &rng) ? Int.random(in: 0..<n, using: &rng) : nil,
                                      gigawatts: Bool.random(using: &rng) ? money(2) : nil,
                                      fleet: Bool.random(using: &rng) ? money(5e5) : nil,
                                      priceTarget: Bool.random(using: &rng) ? money(400) : nil)
            let tranches = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Tranche(amount: money(1e10), milestone: milestone) }
            let terms: DealTerms
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: terms = .takeOrPay(value: money(5e10), start: start, term: term, ramp: Int.random(in: 0...24, using: &rng),
                                       gpus: money(2e5))
            case 1: terms = .usage(gpus: money(1e5), fleetShare: money(1), utilization: money(1), price: money(8),
                                   declinePerYear: money(0.6), start: start, term: term)
            case 2: terms = .perUnit(cap: money(5e9), rate: Bool.random(using: &rng) ? money(1) : nil,
                                     referenceUtilization: money(1), start: start, term: term, flat: Bool.random(using: &rng))
            case 3: terms = .vendorSale(unitPrice: money(1e5), perMonth: money(2e4), start: start, term: term,
                                        orders: tranches, leadTime: Int.random(in: 0...24, using: &rng))
            case 4: terms = .equity(tranches: tranches)
            case 5:
                let facility = LoanTerms.Facility.allCases.randomElement(using: &rng)!
                let collateral = d > 0 && Bool.random(using: &rng) ? [Int.random(in: 0..<d, using: &rng)] : []
                terms = .loan(LoanTerms(facility: facility, limit: money(2e10), drawn: money(5e9), rate: money(0.3),
                                        floating: Bool.random(using: &rng), ltv: money(1), collateral: collateral,
                                        term: Int.random(in: 1...120, using: &rng), maturity: Bool.random(using: &rng) ? Int.random(in: -5...130, using: &rng) : nil,
                                        issue: Bool.random(using: &rng) ? Int.random(in: 0...60, using: &rng) : nil,
                                        floor: money(1e9)))
            case 6: terms = .backstop(limit: money(1e10), price: money(8), start: start, term: term)
            case 7: terms = .warrant(strike: money(100), sharePrice: money(300), growthPerYear: money(1), tranches: tranches)
            default: terms = .recurring(monthly: money(1e9), growthPerYear: money(1), start: start, term: term)
            }
            let status = DealStatus.allCases.randomElement(using: &rng)!
            deals.append(LoopDeal(id: "d\(d)", from: from, to: to, status: status, source: SourceNote(text: "test"),
                                  terms: terms))
        }
        // Some entities finance themselves, each with a random policy (lenders and investors inside the loop or not).
        for i in 0..<(n - 1) where Bool.random(using: &rng) {
            let policy = FinancingPolicy(
                cashFloor: money(1e9), marketAccess: Bool.random(using: &rng) ? 1 : Double.random(in: 0...1, using: &rng),
                baseRate: Double.random(in: 0...0.3, using: &rng), spreadPerTurn: Double.random(in: 0...0.05, using: &rng),
                leverageFree: Double.random(in: 0...10, using: &rng), maxSpread: Double.random(in: 0...0.3, using: &rng),
                equityShare: Double.random(in: 0...1, using: &rng), newDebtTermMonths: Int.random(in: 1...120, using: &rng),
                raiseFee: Double.random(in: 0...0.5, using: &rng), minInterestCoverage: money(3),
                maxLoanToValue: money(2), rollover: Bool.random(using: &rng))
            func other() -> Int { (i + Int.random(in: 1..<n, using: &rng)) % n }
            entities[i].financing = LoopFinancingTerms(policy: policy, lender: other(), investor: other(),
                                                       openingCollateral: money(1e10),
                                                       usefulLifeMonths: Int.random(in: 1...96, using: &rng),
                                                       equityValue: money(1e11))
        }
        return try! MoneyLoop.make(name: "random", title: "random", start: YearMonth(year: 2025, month: 11),
                                   horizon: 120, entities: entities, deals: deals)
    }

    static func levers(_ rng: inout SplitMix64) -> LoopLevers {
        LoopLevers(nonBinding: Double.random(in: 0...1, using: &rng), demandDelay: Int.random(in: 0...24, using: &rng),
                   buildDelay: Int.random(in: 0...24, using: &rng), rateShock: Double.random(in: 0...0.1, using: &rng),
                   creditWindow: Double.random(in: 0...1, using: &rng),
                   utilizationScale: Double.random(in: 0...2, using: &rng))
    }
}
