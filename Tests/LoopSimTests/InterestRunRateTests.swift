import Testing
import TestSupport
@testable import LoopSim

/// Month-0 interest of the default scenario against the interest CoreWeave reported.
///
/// The opening debt is CoreWeave's filed total principal at 30 September 2025, the day Q3
/// ends and Q4 starts. Month 0 is November 2025, inside Q4-2025, the quarter that accrues
/// on these balances: its reported run rate is Q4's interest expense ÷ 3. Q3's expense
/// accrued while the debt grew from $11.2B to $14.2B, so the 30 September run rate is
/// above Q3's average by construction. The engine charges the facilities' filed effective
/// rates (contractual interest plus amortised discounts and issuance costs); the reported
/// "interest expense, net" takes out capitalised interest and adds other interest, which
/// on Q2's filed breakdown nearly cancel.
@Suite struct InterestRunRateTests {
    /// Total principal of debt, as filed: 30 Jun 2025 (Q2-2025 10-Q Note 10, sec.gov
    /// 000114036125032095/R41.htm) and 30 Sep 2025 (Q3-2025 10-Q, accession
    /// 0001769628-25-000062, XBRL R97.htm).
    static let principalJune2025 = 11_171.485e6, principalSeptember2025 = 14_205.268e6
    /// Magnetar loan principal at 30 Sep 2025 (same Q3 page).
    static let magnetarSeptember2025 = 264.666e6
    /// Interest expense, net, as reported. Q2-2025: results 8-K, 12 Aug 2025 ($266.966M).
    /// Q3-2025: results 8-K Ex. 99.1, 10 Nov 2025, and the 10-Q ($310.555M).
    /// Q4-2025: $388M, the FY2025 10-K (accession 0001769628-26-000104, filed 2 Mar 2026)
    /// as quoted by two public research notes ("Q4-2025 interest $388M"; "Q4 2025 interest
    /// expense hit $388M, 2.6x prior year"); it is inside the $369–409M the FY2025 guidance
    /// of $1.21–1.25B (Q3 call, 10 Nov 2025) left after nine months' $841.4M (10-Q).
    static let q2Reported = 266.966e6, q3Reported = 310.555e6, q4Reported = 388e6
    /// Q2-2025 10-Q Note 10, three months to 30 Jun 2025: contractual interest, amortisation
    /// of discounts and issuance costs, interest capitalised, and the note's total.
    static let q2Contractual = 250.312e6, q2Amortisation = 29.036e6, q2Capitalised = 23.186e6
    static let q2DebtTotal = 256.162e6

    static var monthZero: Double { Engine.project(.article2025, months: 1).months[0].coreweave.interest }

    @Test func openingDebtIsTheFiledTotalAndMonthZeroChargesOnlyIt() {
        let f = Scenario.article2025.facilities
        #expect(abs(f.reduce(0) { $0 + $1.balance } - Self.principalSeptember2025) < 1e3)
        #expect(f.first { $0.name == "Magnetar loan" }?.balance == Self.magnetarSeptember2025)
        // Σ balance × rate ÷ 12 over the facilities: no new debt, no other charge in month 0.
        #expect(abs(Self.monthZero - f.reduce(0) { $0 + $1.balance * $1.rate } / 12) < 1)
    }

    /// Issue 17: "the month-0 interest reproduces the reported run rate within 10%".
    @Test func monthZeroInterestIsWithinTenPercentOfTheRunRateReportedForItsQuarter() {
        let off = Self.monthZero / (Self.q4Reported / 3) - 1
        #expect(abs(off) <= 0.10, "month 0 \(Format.dollars(Self.monthZero)) vs Q4-2025 \(Format.percent(off))")
    }

    /// Q3's reported run rate is lower than month 0 by less than the debt grew in Q3: the
    /// gap is the date of the balances, not the rates.
    @Test func theGapToQ3IsSmallerThanTheDebtGrowthInQ3() {
        let overQ3 = Self.monthZero / (Self.q3Reported / 3) - 1
        let growth = Self.principalSeptember2025 / Self.principalJune2025 - 1
        #expect(overQ3 > 0 && overQ3 < growth, "over Q3 \(overQ3), debt growth \(growth)")
    }

    /// What the effective rates charge (contractual + amortisation) is the reported
    /// "interest expense, net" within 5% on Q2's filed breakdown: the capitalised interest
    /// it leaves out and the other interest it adds nearly cancel.
    @Test func effectiveRateInterestIsTheReportedMeasure() {
        #expect(abs(Self.q2Contractual + Self.q2Amortisation - Self.q2Capitalised - Self.q2DebtTotal) < 1e3)
        let accrued = Self.q2Contractual + Self.q2Amortisation
        #expect(abs(accrued / Self.q2Reported - 1) < 0.05, "\(accrued / Self.q2Reported)")
    }
}
