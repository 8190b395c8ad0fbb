import Foundation
import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard
@testable import LoopFilings

/// `scenario update --from-filings` on the parameter-style scenario (the article's
/// default): the same mechanism as for loop files, with the article's mapping.
@Suite struct ArticleUpdateTests {
    static var article: String { try! String(contentsOfFile: Support.scenarioPath("article-2025"), encoding: .utf8) }
    static var nvidia: CompanyFacts { try! Fixture.facts("nvda-companyfacts.json") }

    func plan(_ text: String = article, nvidia: CompanyFacts? = ArticleUpdateTests.nvidia,
              through: String? = "2025-09-30") throws -> ScenarioUpdate {
        var companies = ["coreweave": Fixture.coreweave]
        companies["nvidia"] = nvidia
        return try ScenarioUpdate.plan(text: text, file: "article-2025.yaml", companies: companies, through: through)
    }

    @Test func cashRevenueAndNVIDIAsRevenueAreSetEachWithItsAccession() throws {
        let u = try plan()
        // The article already says asOf: 2025-09-30, the date the update reads through.
        #expect(u.changes.map(\.what) == ["cw.revenue2023 (added)", "cw.revenue2024 (added)",
                                          "nvidia.monthlyRevenue (added)", "coreweave.cash"])
        let s = try ScenarioFile.load(text: u.text, file: "article-2025.yaml")
        #expect(s.asOf == "2025-09-30" && u.asOf == "2025-09-30")
        #expect(s.coreweaveCash == 1.89e9)
        #expect(s.parameters[.cwRevenue2024] == 1_915_426_000 && s.parameters[.cwRevenue2023] == 228_943_000)
        // NVIDIA's quarter to 26 Oct ends after the as-of date: the quarter to 27 Jul, a month's worth.
        #expect(s.parameters[.nvidiaMonthlyRevenue] == 46_743e6 / 3)
        let cash = try #require(s.sources[Scenario.coreweaveCashKey])
        #expect(cash.text == "CoreWeave, Inc. 10-Q filed 2025-11-13, accession 0001769628-25-000062 "
            + "(CashAndCashEquivalentsAtCarryingValue)")
        #expect(cash.date == "2025-09-30" && cash.url == "https://www.sec.gov/Archives/edgar/data/1769628/000176962825000062/")
        let revenue = try #require(s.sources[ParameterID.cwRevenue2024.rawValue])
        #expect(revenue.date == "2024-12-31")
        #expect(revenue.text.contains("10-K filed 2026-03-02, accession 0001769628-26-000104 "
            + "(RevenueFromContractWithCustomerExcludingAssessedTax $1,915.4M, 12 mo to 2024-12-31)"))
        let nv = try #require(s.sources[ParameterID.nvidiaMonthlyRevenue.rawValue])
        #expect(nv.text == "NVIDIA CORP 10-Q filed 2025-08-27, accession 0001045810-25-000209 "
            + "(Revenues $46,743.0M, 3 mo to 2025-07-27; a third of it a month)")
        // Comments, the distributions and everything else stay as written.
        #expect(u.text.contains("  cw.utilization: {low: 0.70, high: 0.90}        # article: ~75% average, ~90% target\n"))
        #expect(u.text.contains("# Discrete shocks, each drawn per path (assumptions).\n"))
        #expect(s.facilities == Scenario.article2025.facilities && s.contracts == Scenario.article2025.contracts)
        #expect(s.uncertainty == Scenario.article2025.uncertainty)
    }

    @Test func debtBacklogAndInterestAreListedBesideWhatCarriesThem() throws {
        let u = try plan()
        let facilities = Scenario.article2025.facilities
        #expect(u.kept.contains("coreweave.debt: modelled by its \(facilities.count) facilities "
            + "(\(Money.millions(facilities.reduce(0) { $0 + $1.balance })) at the start); "
            + "the filed $14,000.0M at 2025-09-30 is not written, so no debt counts twice"))
        #expect(u.kept.contains("coreweave.backlog: carried by the contracts, customer by customer; "
            + "the filed $50,000.0M at 2025-09-30 is not written"))
        #expect(u.kept.contains("coreweave.interest: follows from the facilities' balances and rates; "
            + "the filed $103.5M a month (the quarter to 2025-09-30) is not written"))
        #expect(u.kept.contains("vast: private, files no company facts: its figures stay sourced assumptions"))
        #expect(u.kept.contains { $0.hasPrefix("coreweave: cw.gpus, the contracts") && $0.hasSuffix("left as written") })
    }

    @Test func valuesTheFilingsDoNotGiveAreLeftAndListed() throws {
        // Without NVIDIA in the cache and with a date before CoreWeave's 2024 10-K figures.
        let u = try ScenarioUpdate.plan(text: Self.article, file: "a.yaml", companies: ["coreweave": Fixture.coreweave],
                                        unresolved: ["nvidia": "no cached company facts for NVDA"], through: "2025-09-30")
        #expect(u.kept.contains("nvidia: no cached company facts for NVDA"))
        #expect(!u.text.contains("nvidia.monthlyRevenue"))
        let early = try ScenarioUpdate.plan(text: Self.article, file: "a.yaml", companies: ["coreweave": Fixture.example])
        #expect(early.kept.contains("cw.revenue2023: not in the filings (no twelve-month RevenueFromContractWithCustomer"
            + "ExcludingAssessedTax / Revenues / SalesRevenueNet / RevenueFromContractWithCustomerIncludingAssessedTax "
            + "fact ending in 2023)"))
        #expect(early.kept.contains { $0.hasPrefix("coreweave.backlog: not in the filings (no RevenueRemainingPerformanceObligation fact") })
    }

    @Test func runningItTwiceChangesNothingAndALaterDateTakesTheLaterFiling() throws {
        let first = try plan()
        let second = try plan(first.text)
        #expect(second.changes.isEmpty && second.text == first.text)
        let later = try plan(first.text, through: nil)
        #expect(later.changes.map(\.what) == ["asOf", "nvidia.monthlyRevenue", "coreweave.cash"])
        let s = try ScenarioFile.load(text: later.text, file: "x")
        #expect(s.coreweaveCash == 3.1e9 && s.asOf == "2025-12-31")
        #expect(s.parameters[.nvidiaMonthlyRevenue] == 57_006e6 / 3)
    }

    @Test func aParameterWithADistributionKeepsIt() throws {
        let text = Self.article.replacingOccurrences(of: "  vast.arrGrowth: {low: 0.2, high: 0.8}\n",
                                                     with: "  vast.arrGrowth: {low: 0.2, high: 0.8}\n  nvidia.monthlyRevenue: {low: 10e9, high: 30e9}\n")
        let u = try plan(text)
        let c = try #require(u.changes.first { $0.what == "nvidia.monthlyRevenue" })
        #expect(c.new == ["  nvidia.monthlyRevenue: {value: 1.5581e10, low: 10e9, high: 30e9, source: \"NVIDIA CORP 10-Q filed "
            + "2025-08-27, accession 0001045810-25-000209 (Revenues $46,743.0M, 3 mo to 2025-07-27; a third of it a month)\", "
            + "date: 2025-07-27, url: \"https://www.sec.gov/Archives/edgar/data/1045810/000104581025000209/\"}"])
        let s = try ScenarioFile.load(text: u.text, file: "x")
        #expect(s.uncertainty.distribution(of: .nvidiaMonthlyRevenue)?.value == 15.581e9)
    }

    @Test func aScenarioWithoutParametersGainsThem() throws {
        let text = "name: bare\nstart: 2025-11\nhorizon: 24\nopening:\n  coreweave:\n    cash: 1e9\n"
        let u = try plan(text)
        #expect(u.text.hasPrefix("name: bare\nstart: 2025-11\nasOf: 2025-09-30\nhorizon: 24\nparameters:\n  cw.revenue2023: {value: 2.28943e8"))
        let s = try ScenarioFile.load(text: u.text, file: "x")
        #expect(s.parameters[.cwRevenue2023] == 228_943_000 && s.parameters[.nvidiaMonthlyRevenue] == 46_743e6 / 3)
    }

    @Test func aFigureOutOfTheParametersRangeWritesNothing() {
        // The made-up filer as NVIDIA: $13.7M a month is below nvidia.monthlyRevenue's range.
        #expect {
            try plan(nvidia: Fixture.example)
        } throws: {
            let m = ($0 as? FilingsError)?.message ?? ""
            return m.hasPrefix("the updated article-2025.yaml would not load (article-2025.yaml:") && m.contains("nothing written")
        }
    }

    @Test func aSavedScenarioKeepsItsSourceNotes() throws {
        let s = try ScenarioFile.load(text: try plan().text, file: "x")
        let again = try ScenarioFile.load(text: ScenarioWriter.yaml(s), file: "saved.yaml")
        #expect(again.sources == s.sources && again.asOf == s.asOf && again == s)
    }

    /// Must hold: every value from a filing can be traced to its accession number from the
    /// dashboard's source note, in both styles of scenario.
    @Test func theDashboardsSourceNoteNamesTheAccession() throws {
        let article = try ScenarioFile.load(text: try plan().text, file: "x")
        let spec = ArticleGraphSpec(model: Model(scenario: article, paused: true)).spec
        func details(_ spec: GraphSpec, _ id: String) -> String {
            FundingGraph(spec: spec, selected: id, detailed: id, phase: 0, glyphs: .of(.braille)).detailLines(width: 200)
                .joined(separator: "\n")
        }
        let cw = details(spec, "coreweave")
        #expect(cw.contains("opening cash: CoreWeave, Inc. 10-Q filed 2025-11-13, accession 0001769628-25-000062 "
            + "(CashAndCashEquivalentsAtCarryingValue), 2025-09-30"))
        #expect(cw.contains("CoreWeave revenue 2024: CoreWeave, Inc. 10-K filed 2026-03-02, accession 0001769628-26-000104"))
        #expect(details(spec, "nvidia").contains("NVIDIA revenue per month: NVIDIA CORP 10-Q filed 2025-08-27, accession 0001045810-25-000209"))
        // The default scenario has no notes of its own: its details are as before.
        #expect(ArticleGraphSpec(model: Model(paused: true)).spec.nodes.allSatisfy { $0.notes.isEmpty })

        let web = try String(contentsOfFile: Support.scenarioPath("ai-web-2025"), encoding: .utf8)
        let u = try ScenarioUpdate.plan(text: web, file: "web.yaml", companies: ["coreweave": Fixture.coreweave], through: "2025-12-31")
        let loop = try LoopFile.load(text: u.text, file: "web.yaml")
        let loopSpec = LoopGraphSpec(loop: loop, projection: LoopEngine.project(loop), month: 0).spec
        #expect(details(loopSpec, "coreweave").contains("opening cash: CoreWeave, Inc. 10-K filed 2026-03-02, "
            + "accession 0001769628-26-000104 (CashAndCashEquivalentsAtCarryingValue), 2025-12-31"))
    }
}
