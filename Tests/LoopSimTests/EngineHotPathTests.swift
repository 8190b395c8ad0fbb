import Foundation
import Testing
import TestSupport
@testable import LoopSim

/// The shortcuts the loop engine's month takes must give what the plain way gives: the
/// GPU book retires its oldest cohorts as a prefix (the plain way: every cohort whose life
/// ended), and a month's covenant breaches, kept in place, read and encode as the array
/// they were.
@Suite struct EngineHotPathTests {
    @Test func retiringThePrefixIsRetiringEveryEndedCohort() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<300 {
            var book = GPUFleetBook(usefulLifeMonths: Int.random(in: 1...30, using: &rng))
            var plain: [(gpus: Double, month: Int)] = []   // the cohorts, oldest first, as `add` keeps them
            for t in 0..<60 {
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    let gpus = Double.random(in: 0...1_000, using: &rng), month = t - Int.random(in: 0...12, using: &rng)
                    book.add(gpus: gpus, cost: gpus * 3, month: month)
                    if gpus > 0 { plain.insert((gpus, month), at: plain.firstIndex { $0.month > month } ?? plain.count) }
                }
                if Int.random(in: 0..<10, using: &rng) == 0 { book.usefulLifeMonths = Int.random(in: 1...30, using: &rng) }
                let life = book.usefulLifeMonths
                var gone = 0.0
                for c in plain where c.month + life <= t { gone += c.gpus }
                plain.removeAll { $0.month + life <= t }
                #expect(book.retire(through: t).bitPattern == gone.bitPattern)
                #expect(book.gpus.bitPattern == plain.reduce(0) { $0 + $1.gpus }.bitPattern)
            }
        }
    }

    /// The book keeps retired cohorts until they are half of it (retiring moves its start):
    /// every reading is that of a book built anew from the cohorts still in service.
    @Test func aBookReadsAsTheCohortsStillInService() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let life = Int.random(in: 1...24, using: &rng)
            var book = GPUFleetBook(usefulLifeMonths: life)
            var plain: [(gpus: Double, cost: Double, month: Int)] = []
            for t in 0..<80 {
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    let gpus = Double.random(in: 1...1_000, using: &rng), month = t - Int.random(in: 0...6, using: &rng)
                    book.add(gpus: gpus, cost: gpus * 7, month: month)
                    plain.insert((gpus, gpus * 7, month), at: plain.firstIndex { $0.month > month } ?? plain.count)
                }
                _ = book.retire(through: t)
                plain.removeAll { $0.month + life <= t }
                var fresh = GPUFleetBook(usefulLifeMonths: life)
                for c in plain { fresh.add(gpus: c.gpus, cost: c.cost, month: c.month) }
                #expect(book == fresh)
                #expect(!book.retires(through: t) && book.retires(through: t + life) == !plain.isEmpty)
                #expect(book.bookValue(month: t).bitPattern == fresh.bookValue(month: t).bitPattern)
                #expect(book.gpus.bitPattern == fresh.gpus.bitPattern)
                #expect(book.retiring(after: t, within: 5).bitPattern == fresh.retiring(after: t, within: 5).bitPattern)
                let n = Double.random(in: 0...2_000, using: &rng)
                #expect(book.lifeLeftShare(oldest: n, month: t).bitPattern
                    == fresh.lifeLeftShare(oldest: n, month: t).bitPattern)
            }
        }
    }

    @Test func breachesReadAndEncodeAsTheArrayTheyWere() throws {
        let coverage = CovenantBreach(kind: .interestCoverage, month: 3, value: 1.2, limit: 2)
        let value = CovenantBreach(kind: .loanToValue, month: 3, value: 0.9, limit: 0.8)
        var m = FinancingMonth()
        #expect(m.breaches.isEmpty && Array(m.breaches) == [])
        m.breaches.append(coverage)
        m.breaches.append(value)
        #expect(Array(m.breaches) == [coverage, value] && m.breaches.count == 2 && m.breaches.first == coverage)
        let json = try JSONEncoder().encode(m.breaches)
        #expect(try JSONDecoder().decode([CovenantBreach].self, from: json) == [coverage, value])
        #expect(try JSONDecoder().decode(CovenantBreaches.self, from: json) == m.breaches)
        let three = try JSONEncoder().encode([coverage, value, coverage])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CovenantBreaches.self, from: three) }
        // The financing component tests coverage first, then loan-to-value, as before.
        var f = EntityFinancing(policy: FinancingPolicy(minInterestCoverage: 3, maxLoanToValue: 0.5))
        let month = f.step(FinancingInput(month: 0, cashBefore: 0, ebitda: 1, scheduledInterest: 1, debtOutstanding: 100,
                                          collateralValue: 100))
        #expect(month.breaches.map(\.kind) == [.interestCoverage, .loanToValue])
    }
}
