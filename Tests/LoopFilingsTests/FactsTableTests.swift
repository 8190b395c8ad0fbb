import Foundation
import Testing
import TestSupport
@testable import LoopFilings

@Suite struct FactsTableTests {
    static var coreweave: String { FactsTable.render(Fixture.coreweave, fetched: Fixture.fetched, now: Fixture.now) }

    /// The table with each run of spaces as one.
    static func squeezed(_ t: String) -> String { t.replacingOccurrences(of: " +", with: " ", options: .regularExpression) }

    @Test func showsEachFigureByPeriodWithFormAndAccession() {
        let t = Self.squeezed(Self.coreweave)
        #expect(t.hasPrefix("CoreWeave, Inc., CIK 0001769628, company facts fetched 2026-12-04 11:00 UTC (2 days old)\n\n"))
        #expect(t.contains("\nRevenue 3 mo to 2025-09-30 $1,364.7M 10-Q 0001769628-25-000062 2025-11-13 "
            + "RevenueFromContractWithCustomerExcludingAssessedTax\n"))
        #expect(t.contains("\nRevenue 9 mo to 2025-09-30 $3,559.1M 10-Q"))
        #expect(t.contains("\nInterest expense 3 mo to 2025-09-30 $310.6M 10-Q"))
        #expect(t.contains("\nCash and equivalents 2024-12-31 $1,361.0M 10-Q 0001769628-25-000062"))
        #expect(!t.contains("2024-12-31 $1,361.0M 10-K"))  // the duplicate in the 10-K is not shown
    }

    @Test func aMissingFigureIsShownMissingNeverZero() {
        let t = Self.squeezed(FactsTable.render(Fixture.example, fetched: nil, now: Fixture.now))
        #expect(t.contains("\nBacklog (RPO) missing — no fact: RevenueRemainingPerformanceObligation\n"))
        #expect(t.contains("\nDebt, current missing — no fact: LongTermDebtCurrent, DebtCurrent, "))
        #expect(!t.contains("$0.0M"))
    }

    @Test func periodsAndAsOfLimitTheRows() {
        let t = FactsTable.render(Fixture.coreweave, fetched: nil, now: Fixture.now, periods: 1, through: "2025-09-30")
        #expect(t.contains(", periods ending on or before 2025-09-30\n"))
        #expect(!t.contains("2025-12-31") && !t.contains("2024-12-31"))
        #expect(t.contains("9 mo to 2025-09-30"))
    }

    /// docs/filings.md shows this output; MONEYLOOP_UPDATE_DOCS=1 rewrites it there.
    @Test func theDocsShowTheProgramsOutput() throws {
        // The command's output with CoreWeave alone in the cache, fetched two days before.
        let cache = FilingsCache(folder: Fixture.folder())
        try cache.write(Fixture.data("company_tickers.json"), url: "u", fetched: Fixture.fetched, to: cache.tickersPath)
        try cache.write(Fixture.data("crwv-companyfacts.json"), url: "u", fetched: Fixture.fetched,
                        to: cache.factsPath(cik: 1_769_628))
        let text = try String(contentsOfFile: Support.scenarioPath("ai-web-2025"), encoding: .utf8)
        let ids = try ScenarioUpdate.entities(text: text, file: "x")
        let found = CachedFilers.gather(ids: ids, filers: EntityFilers.standard, cache: cache, now: Fixture.now)
        let update = try ScenarioUpdate.plan(text: text, file: "scenarios/ai-web-2025.yaml", companies: found.companies,
                                         unresolved: found.unresolved, through: "2025-09-30")
        try DocsBlock.check("filings show", Self.coreweave)
        try DocsBlock.check("scenario update", found.notes.map { $0 + "\n" }.joined() + update.diff)
        // The article's scenario, with NVIDIA cached too.
        try cache.write(Fixture.data("nvda-companyfacts.json"), url: "u", fetched: Fixture.fetched,
                        to: cache.factsPath(cik: 1_045_810))
        let article = try String(contentsOfFile: Support.scenarioPath("article-2025"), encoding: .utf8)
        let filers = CachedFilers.gather(ids: try ScenarioUpdate.entities(text: article, file: "x"), filers: EntityFilers.standard,
                                         cache: cache, now: Fixture.now)
        let articleUpdate = try ScenarioUpdate.plan(text: article, file: "scenarios/article-2025.yaml", companies: filers.companies,
                                                    unresolved: filers.unresolved, through: "2025-09-30")
        try DocsBlock.check("scenario update article", filers.notes.map { $0 + "\n" }.joined() + articleUpdate.diff)
    }
}

/// A block of docs/filings.md between `<!-- NAME: begin -->` and `<!-- NAME: end -->`.
enum DocsBlock {
    static let path = Support.root.appendingPathComponent("docs/filings.md").path

    static func check(_ name: String, _ text: String) throws {
        var doc = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- \(name): begin -->\n```\n", end = "```\n<!-- \(name): end -->"
        let a = try #require(doc.range(of: begin), "docs/filings.md has no \(name) block")
        let b = try #require(doc.range(of: end, range: a.upperBound..<doc.endIndex))
        if ProcessInfo.processInfo.environment["MONEYLOOP_UPDATE_DOCS"] == "1" {
            doc.replaceSubrange(a.upperBound..<b.lowerBound, with: text)
            try doc.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            #expect(String(doc[a.upperBound..<b.lowerBound]) == text, "docs/filings.md: the \(name) block differs from the program's output")
        }
    }
}
