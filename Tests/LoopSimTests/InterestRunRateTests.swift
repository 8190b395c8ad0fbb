import Testing
import TestSupport
@testable import LoopSim

/// Why month-0 interest ($122.9M) sits about 19% over the Q3-2025 reported run rate
/// ($310.6M ÷ 3 = $103.5M): the engine charges cash interest on the period-end balances
/// at Note 10's effective rates, while "interest expense, net" is on the quarter's lower
/// average balances and leaves out the interest capitalised on data centres under
/// construction (still paid in cash). The same arithmetic on the 30 Jun 2025 balances,
/// where Note 10 breaks the expense down, shows the same gap against Q2 — so it is the
/// measure, not the facility list.
@Suite struct InterestRunRateTests {
    /// CoreWeave 10-Q Q2-2025, Note 10 (sec.gov R41): principal at 30 Jun 2025 and effective rates.
    static let june2025: [DebtFacility] = [
        ("DDTL 1.0", 1_782.5e6, 0.15), ("DDTL 2.0", 4_953.967e6, 0.11), ("2030 notes", 2_000e6, 0.10),
        ("Revolver", 450e6, 0.07), ("OEM financing", 1_728.388e6, 0.095), ("Magnetar", 256.63e6, 0.12),
    ].map { DebtFacility(name: $0.0, balance: $0.1, rate: $0.2, maturity: YearMonth(year: 2030, month: 1),
                         floating: false, amortizing: false) }
    /// Same note, three months to 30 Jun 2025: contractual interest, amortisation of
    /// discounts and issuance costs, interest capitalised, and the reported total.
    static let q2Contractual = 250.312e6, q2Amortisation = 29.036e6, q2Capitalised = 23.186e6, q2Reported = 256.162e6
    /// Q3-2025 results (8-K, 10 Nov 2025): interest expense, net, for the quarter.
    static let q3Reported = 310.555e6

    /// Month-0 interest of the article's loop with `facilities` as its opening debt.
    static func monthZeroInterest(_ facilities: [DebtFacility]) -> Double {
        var s = Scenario.article2025
        s.facilities = facilities
        return Engine.project(s, months: 1).months[0].coreweave.interest
    }

    @Test func monthZeroInterestIsCashInterestOnPeriodEndBalances() {
        let s = Scenario.article2025
        let m0 = Self.monthZeroInterest(s.facilities)
        // Exactly Σ balance × rate ÷ 12 over the seven filed facilities: nothing else is charged.
        #expect(abs(m0 - s.facilities.reduce(0) { $0 + $1.balance * $1.rate } / 12) < 1)
        #expect(Format.dollars(m0) == "$122.9M")
        let overQ3 = m0 / (Self.q3Reported / 3) - 1
        #expect(overQ3 > 0.17 && overQ3 < 0.21, "\(overQ3)")
    }

    @Test func theSameMeasureOverstatesQ2ByAsMuch() {
        let june = Self.monthZeroInterest(Self.june2025) * 3
        // The notes' own breakdown adds up.
        #expect(abs(Self.q2Contractual + Self.q2Amortisation - Self.q2Capitalised - Self.q2Reported) < 1e3)
        let overQ2 = june / Self.q2Reported - 1
        let overQ3 = Self.monthZeroInterest(Scenario.article2025.facilities) / (Self.q3Reported / 3) - 1
        #expect(abs(overQ2 - overQ3) < 0.03, "Q2 \(overQ2), Q3 \(overQ3)")
        // Of the Q2 gap, interest capitalised on construction is 9 points; the rest is the
        // balances growing through the quarter ($8.0B at 31 Dec 2024 → $11.2B at 30 Jun).
        let capitalisedShare = Self.q2Capitalised / Self.q2Reported
        #expect(capitalisedShare > 0.08 && capitalisedShare < 0.10)
        let gross = Self.q2Reported + Self.q2Capitalised
        #expect(june > gross && june / gross - 1 < 0.12)
    }
}
