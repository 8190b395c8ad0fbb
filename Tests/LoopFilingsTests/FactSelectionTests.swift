import Testing
@testable import LoopFilings

@Suite struct FactSelectionTests {
    @Test func aDuplicatedPeriodKeepsTheRowWithAFrame() throws {
        // 2024-12-31 cash is in the Q3-2025 10-Q (with the frame) and again in the later 10-K.
        let cash = FactSelection.series(.cash, in: Fixture.coreweave)
        let dec24 = cash.filter { $0.end == "2024-12-31" }
        #expect(dec24.count == 1)
        #expect(dec24.first?.accession == "0001769628-25-000062")
    }

    @Test func anAmendmentWithTheFrameReplacesTheOriginal() throws {
        let june = try #require(FactSelection.series(.cash, in: Fixture.example).first { $0.end == "2025-06-30" })
        #expect(june.value == 480_000_000)
        #expect(june.form == "10-Q/A" && june.accession == "0009999999-25-000014")
    }

    @Test func withoutAFrameTheLaterFilingWins() throws {
        let march = try #require(FactSelection.series(.cash, in: Fixture.example).first { $0.end == "2025-03-31" })
        #expect(march.value == 410_000_000 && march.filed == "2025-06-01")
        let a = Fact(tag: "t", end: "2025-03-31", value: 1, accession: "b", form: "10-Q", filed: "2025-05-01")
        var b = a
        b.accession = "c"
        #expect(FactSelection.prefers(b, over: a) && !FactSelection.prefers(a, over: b))
    }

    @Test func renamedTagsFallBackInOrder() throws {
        let revenue = FactSelection.series(.revenue, in: Fixture.example)
        #expect(revenue.map(\.tag) == ["RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues", "SalesRevenueNet"])
        // Both the first and the second tag report Q2 2025: the first in the order wins.
        #expect(revenue.first?.value == 41_000_000)
        let interest = FactSelection.series(.interestExpense, in: Fixture.example)
        #expect(interest.map(\.tag) == ["InterestExpenseNonoperating", "InterestExpense"])
    }

    @Test func aMissingTagIsNilNeverZero() {
        #expect(FactSelection.series(.backlog, in: Fixture.example).isEmpty)
        #expect(FactSelection.latest(.debtCurrent, in: Fixture.example) == nil)
    }

    @Test func balanceSheetAndFlowConceptsKeepToTheirKind() {
        #expect(FactSelection.series(.cash, in: Fixture.coreweave).allSatisfy { $0.start == nil })
        #expect(FactSelection.series(.revenue, in: Fixture.coreweave).allSatisfy { $0.start != nil })
    }

    @Test func newestFirstAndAnAsOfDateLeavesLaterPeriodsOut() {
        let cash = FactSelection.series(.cash, in: Fixture.coreweave)
        #expect(cash.map(\.end) == ["2025-12-31", "2025-09-30", "2024-12-31"])
        #expect(FactSelection.latest(.cash, in: Fixture.coreweave, through: "2025-11-30")?.value == 1.89e9)
        let revenue = FactSelection.series(.revenue, in: Fixture.coreweave, through: "2025-09-30")
        #expect(revenue.map(\.months) == [3, 9, 12, 3, 12])  // the quarter before the nine months ending the same day
    }
}
