import Foundation
import Testing
@testable import LoopFilings

@Suite struct CompanyFactsTests {
    @Test func readsTheUSDFactsOfUSGAAP() throws {
        let c = Fixture.coreweave
        #expect(c.cik == 1_769_628)
        #expect(c.paddedCIK == "0001769628")
        #expect(c.entityName == "CoreWeave, Inc.")
        #expect(c.facts["EntityCommonStockSharesOutstanding"] == nil)  // dei and share units are not read
        let revenue = try #require(c.facts["RevenueFromContractWithCustomerExcludingAssessedTax"])
        #expect(revenue.count == 6)
        let q3 = try #require(revenue.first { $0.end == "2025-09-30" && $0.frame == "CY2025Q3" })
        #expect(q3.value == 1_364_676_000)
        #expect(q3.accession == "0001769628-25-000062")
        #expect(q3.form == "10-Q" && q3.filed == "2025-11-13" && q3.months == 3)
    }

    @Test func periodLengthsInMonths() {
        func months(_ s: String, _ e: String) -> Int? { Fact(tag: "t", start: s, end: e, value: 1, accession: "a", form: "10-Q", filed: "x").months }
        #expect(months("2025-07-01", "2025-09-30") == 3)
        #expect(months("2025-01-01", "2025-09-30") == 9)
        #expect(months("2024-01-01", "2024-12-31") == 12)
        #expect(months("2024-10-28", "2025-01-26") == 3)  // a 13-week fiscal quarter (NVIDIA's)
        #expect(Fact(tag: "t", end: "2025-09-30", value: 1, accession: "a", form: "10-Q", filed: "x").months == nil)
    }

    @Test func aDocumentCutShortIsAnErrorNamingItsSource() {
        #expect {
            try Fixture.facts("truncated-companyfacts.json")
        } throws: { error in
            let m = (error as? FilingsError)?.message ?? ""
            return m.hasPrefix("truncated-companyfacts.json: not a company-facts document") && m.contains("cut short")
        }
    }

    @Test func aDocumentOfTheWrongShapeSaysWhere() {
        #expect {
            try Fixture.facts("wrong-shape-companyfacts.json")
        } throws: { error in
            (error as? FilingsError)?.message == "wrong-shape-companyfacts.json: not a company-facts document (facts has the wrong type)"
        }
    }

    @Test func tickersAndCIKsFromTheCommandLine() throws {
        #expect(try CompanyRef("crwv") == .ticker("CRWV"))
        #expect(try CompanyRef("1769628") == .cik(1_769_628))
        #expect(try CompanyRef("CIK0001769628") == .cik(1_769_628))
        #expect(throws: FilingsError.self) { try CompanyRef("not a ticker") }
        #expect(throws: FilingsError.self) { try CompanyRef("") }
        let map = try TickerMap.parse(Fixture.data("company_tickers.json"), source: "t")
        #expect(map.ciks["CRWV"] == 1_769_628 && map.ciks["NVDA"] == 1_045_810)
        #expect(throws: FilingsError.self) { try TickerMap.parse(Fixture.data("crwv-companyfacts.json"), source: "t") }
    }

    @Test func datesAreCheckedAgainstTheCalendar() throws {
        #expect(try FilingsDate.check("2025-09-30", "--as-of") == "2025-09-30")
        #expect(try FilingsDate.check("2024-02-29", "--as-of") == "2024-02-29")
        for bad in ["2025-02-29", "2025-09-31", "2025-9-30", "2025-13-01", "yesterday"] {
            #expect(throws: FilingsError.self) { try FilingsDate.check(bad, "--as-of") }
        }
    }

    @Test func moneyIsWrittenExactlyInYAMLAndReadablyInTables() {
        for v in [1_364_676_000.0, 1.89e9, 14e9, 583_941_000, 123_456_789_012, 0.5, 7] {
            #expect(Double(Money.yaml(v)) == v)
        }
        #expect(Money.yaml(1.89e9) == "1.89e9")
        #expect(Money.yaml(1_364_676_000) == "1.364676e9")
        #expect(Money.millions(1_364_676_000) == "$1,364.7M")
        #expect(Money.millions(-5e6) == "-$5.0M")
        #expect(Money.millions(60.7e9) == "$60,700.0M")
    }
}
