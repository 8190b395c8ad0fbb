import Foundation
import LoopConfig
import Testing
import TestSupport
@testable import LoopFilings

@Suite struct ScenarioUpdateTests {
    /// A loop with a filer whose debt is in a loan deal, a filer without loans, a private company.
    static let small = """
        # A small loop for the filings tests.
        name: small-loop
        title: "Filings test loop"
        start: 2025-10
        horizon: 24
        entities:
          coreweave:
            name: CoreWeave
            kind: cloud-operator
            # the opening cash, to be replaced
            cash: {value: 1.5e9, source: "an older note", date: 2025-06-30}
            debt:
              value: 0
              source: "in the loan deal below"
              date: 2025-09-30
            fleet: {value: 400000, assumption: "from 590 MW of power"}
          excl:
            name: Example Cloud
            kind: hyperscaler
            cash: {value: 1e9, assumption: "placeholder"}
          vast:
            name: VAST Data
            kind: storage
            cash: {value: 1e9, assumption: "private, not disclosed"}
          lenders: {name: Lenders, kind: lender, external: true}
          world: {name: World, kind: other, external: true}
        deals:
          - id: cw-loan
            kind: loan
            facility: ddtl
            from: lenders
            to: coreweave
            status: binding
            source: {text: "a facility", date: 2025-06-30}
            limit: 2e9
            drawn: 1.5e9
            rate: 0.1
            termMonths: 24
          - id: excl-sales
            kind: recurring
            from: world
            to: excl
            status: binding
            source: {text: "sales", date: 2025-06-30}
            monthly: 1e7

        """

    func plan(_ text: String = small, through: String? = nil) throws -> ScenarioUpdate {
        try ScenarioUpdate.plan(text: text, file: "small.yaml",
                            companies: ["coreweave": Fixture.coreweave, "excl": Fixture.example], through: through)
    }

    @Test func cashIsSetWithItsAccessionAndDate() throws {
        let u = try plan(through: "2025-09-30")
        let loop = try LoopFile.load(text: u.text, file: "small.yaml")
        let cw = try #require(loop.entities.first { $0.id == "coreweave" })
        #expect(cw.cash == 1.89e9)
        let note = try #require(cw.sources["cash"])
        #expect(note.date == "2025-09-30")
        #expect(note.text == "CoreWeave, Inc. 10-Q filed 2025-11-13, accession 0001769628-25-000062 "
            + "(CashAndCashEquivalentsAtCarryingValue)")
        #expect(note.url == "https://www.sec.gov/Archives/edgar/data/1769628/000176962825000062/")
        #expect(note.label.contains("0001769628-25-000062"))  // what the dashboard's source note shows
        #expect(u.asOf == "2025-09-30")
        #expect(u.text.contains("\nasOf: 2025-09-30\n"))
        // Comments and the rest of the file stay.
        #expect(u.text.contains("# the opening cash, to be replaced\n"))
        #expect(u.text.contains("fleet: {value: 400000, assumption: \"from 590 MW of power\"}"))
    }

    @Test func debtHeldInLoanDealsIsNotCountedTwice() throws {
        let u = try plan(through: "2025-09-30")
        let loop = try LoopFile.load(text: u.text, file: "small.yaml")
        #expect(loop.entities.first { $0.id == "coreweave" }?.debt == 0)
        #expect(u.kept.contains { $0.hasPrefix("coreweave.debt: modelled by its loan deals (cw-loan); the filed $14,000.0M at 2025-09-30") })
    }

    @Test func valuesTheFilingsDoNotGiveAreLeftAndListed() throws {
        let u = try plan()
        let loop = try LoopFile.load(text: u.text, file: "small.yaml")
        let excl = try #require(loop.entities.first { $0.id == "excl" })
        #expect(excl.cash == 480e6)  // the amended June figure
        #expect(excl.debt == 0)      // not set: the current portion is not filed
        #expect(!u.text.contains("excl.debt") && u.changes.allSatisfy { $0.what != "excl.debt" })
        #expect(u.kept.contains("excl.debt: not in the filings (no LongTermDebtCurrent / DebtCurrent / "
            + "LongTermDebtAndCapitalLeaseObligationsCurrent fact)"))
        #expect(u.kept.contains("coreweave: fleet: not given by filings, left as written"))
        #expect(u.kept.contains("vast: private, files no company facts: its figures stay sourced assumptions"))
        #expect(u.text.contains("cash: {value: 1e9, assumption: \"private, not disclosed\"}"))
    }

    @Test func theDiffShowsEachChangedLineAgainstTheOldFile() throws {
        let u = try plan(through: "2025-09-30")
        let lines = Self.small.components(separatedBy: "\n")
        #expect(u.changes.map(\.what) == ["asOf (added)", "coreweave.cash", "excl.cash"])
        for c in u.changes where !c.old.isEmpty {
            #expect(Array(lines[(c.line - 1)..<(c.line - 1 + c.old.count)]) == c.old)
        }
        #expect(u.diff.hasPrefix("small.yaml: 3 changes from the filings, as of 2025-09-30\n@@ line 5: asOf (added)\n+ asOf: 2025-09-30\n"))
        #expect(u.diff.contains("@@ line 11: coreweave.cash\n-     cash: {value: 1.5e9, source: \"an older note\", date: 2025-06-30}\n+     cash: {value: 1.89e9,"))
        #expect(u.diff.contains("Left as they were:\n"))
    }

    @Test func blockStyleFiguresAreReplacedWhole() throws {
        let text = Self.small.replacingOccurrences(of: "cash: {value: 1.5e9, source: \"an older note\", date: 2025-06-30}",
                                                   with: "cash:\n      value: 1.5e9\n      source: \"an older note\"\n      date: 2025-06-30")
        let u = try plan(text, through: "2025-09-30")
        let c = try #require(u.changes.first { $0.what == "coreweave.cash" })
        #expect(c.old.count == 4 && c.new.count == 1)
        #expect(try LoopFile.load(text: u.text, file: "x").entities[0].cash == 1.89e9)
    }

    @Test func runningItTwiceChangesNothingTheSecondTime() throws {
        let first = try plan(through: "2025-09-30")
        let second = try plan(first.text, through: "2025-09-30")
        #expect(second.changes.isEmpty && second.text == first.text)
        #expect(second.diff.hasPrefix("small.yaml: no changes from the filings\n"))
    }

    @Test func aLaterAsOfDateTakesTheLaterFiling() throws {
        let first = try plan(through: "2025-09-30")
        let later = try plan(first.text)
        #expect(later.asOf == "2025-12-31")
        #expect(later.changes.map(\.what) == ["asOf", "coreweave.cash"])
        #expect(later.text.contains("accession 0001769628-26-000104"))
    }

    @Test func theBundledWebTakesCoreWeavesQ3CashAndKeepsItsLoans() throws {
        let path = Support.scenarioPath("ai-web-2025")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let u = try ScenarioUpdate.plan(text: text, file: "ai-web-2025.yaml", companies: ["coreweave": Fixture.coreweave],
                                    unresolved: ["nvidia": "no cached company facts for NVDA"], through: "2025-09-30")
        #expect(u.changes.map(\.what) == ["asOf (added)", "coreweave.cash"])
        #expect(u.kept.contains { $0.hasPrefix("coreweave.debt: modelled by its loan deals (cw-ddtl1") })
        #expect(u.kept.contains("nvidia: no cached company facts for NVDA"))
        #expect(u.kept.contains("openai: private, files no company facts: its figures stay sourced assumptions"))
        let loop = try LoopFile.load(text: u.text, file: path)
        #expect(loop.entities.first { $0.id == "coreweave" }?.cash == 1.89e9)
    }
}
