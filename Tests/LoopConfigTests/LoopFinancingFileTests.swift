import Foundation
import Testing
@testable import LoopConfig
@testable import LoopReport
@testable import LoopSim
import TestSupport

/// An entity's `financing:` block in a loop file (issue 17): read with its sources, bad
/// ones refused at file:line:column, levers by id, and the headline both ways in
/// `simulate`'s text and JSON and in the docs.
@Suite struct LoopFinancingFileTests {
    static func file(_ financing: String, external: Bool = false) -> String {
        """
        name: t
        start: 2025-11
        entities:
          a: {name: A, kind: ai-lab, cash: {value: 1e9, source: "10-Q", date: 2025-09-30}}
          b:
            name: B
            kind: cloud-operator
            cash: {value: 0, assumption: "none"}
            external: \(external)
            financing:
        \(financing)
          lenders: {name: Lenders, kind: lender, external: true}
          vc: {name: VC, kind: investor, external: true}
        deals:
          - {id: rent, kind: recurring, from: b, to: a, status: binding, source: {text: "lease", date: 2025-10-01},
             monthly: 100M}
          - {id: rcf, kind: loan, facility: revolver, from: lenders, to: b, status: binding,
             source: {text: "credit agreement", date: 2025-05-01}, limit: 250M, rate: 7%}

        """
    }

    static func message(_ financing: String, external: Bool = false) -> String {
        do { _ = try LoopFile.load(text: file(financing, external: external), file: "t.yaml"); return "loaded" } catch {
            return error.description
        }
    }

    static let block = """
              cashFloor: {value: 50M, assumption: "two months"}
              marketAccess: {value: 0.5, source: "rating report", date: 2025-09-30}
              equityShare: {value: 0.25, assumption: "mostly debt"}
              equityValue: {value: 4e9, assumption: "last round"}
        """

    @Test func aFinancingBlockIsReadWithItsSources() throws {
        let loop = try LoopFile.load(text: Self.file(Self.block), file: "t.yaml")
        let f = try #require(loop.entities[1].financing)
        #expect(f.policy.cashFloor == 50e6 && f.policy.marketAccess == 0.5 && f.policy.equityShare == 0.25)
        #expect(f.equityValue == 4e9)
        #expect(f.lender == 2 && f.investor == 3)
        #expect(f.policy.baseRate == LoopFinancingTerms.defaultPolicy.baseRate)
        #expect(loop.entities[1].sources["financing.marketAccess"]?.label == "rating report, 2025-09-30")
        #expect(loop.entities[0].financing == nil)
        // The revolver is the entity's: drawn to the floor in month 0, the rest raised at half access.
        let p = LoopEngine.project(loop)
        #expect(p.financing(0, 1)?.revolverDraw == 150e6)
        #expect(Support.conservationProblems(loop, p).isEmpty)
    }

    @Test func badFinancingIsRefusedAtItsPosition() {
        #expect(Self.message("      cashFlor: {value: 1, assumption: x}")
            .hasPrefix("t.yaml:11:7: entities.b.financing.cashFlor: unknown key (did you mean 'cashFloor'?)"))
        #expect(Self.message("      cashFloor: 50M") == "t.yaml:11:18: entities.b.financing.cashFloor: a financing figure "
            + "needs its source: {value: …, source: \"…\", date: YYYY-MM-DD} or {value: …, assumption: \"why\"}")
        #expect(Self.message("      marketAccess: {value: 2, assumption: x}")
            == "t.yaml:11:29: entities.b.financing.marketAccess.value: 2 is out of range; allowed 0 … 1")
        #expect(Self.message("      lender: bank")
            == "t.yaml:11:15: entities.b.financing.lender: unknown entity 'bank'; entities: a, b, lenders, vc")
        #expect(Self.message("      lender: b") == "t.yaml:11:15: entities.b.financing.lender: an entity cannot be its own lender")
        #expect(Self.message("      termMonths: {value: 1.5, assumption: x}")
            == "t.yaml:11:19: entities.b.financing.termMonths: expected a whole number of months ≥ 1")
        #expect(Self.message(Self.block, external: true)
            == "t.yaml:10:5: entities.b.financing: the outside world (external: true) does not finance itself")
    }

    @Test func accessAndFloorAreParametersOfTheLoop() throws {
        var loop = try LoopFile.load(text: Self.file(Self.block), file: "t.yaml")
        _ = try LoopSetOption.apply(["credit.access.b=0.2", "entity.b.cashFloor=10M", "credit.window=0.5"], to: &loop)
        #expect(loop.entities[1].financing?.policy.marketAccess == 0.2)
        #expect(loop.entities[1].financing?.policy.cashFloor == 10e6)
        #expect(throws: ConfigError.self) { _ = try LoopSetOption.apply(["credit.access.a=0.2"], to: &loop) }
    }

    /// The headline lines docs/simulation.md quotes for ai-web-2025 are the program's, and
    /// `simulate` shows each entity's in its text and JSON.
    @Test func theHeadlineOfTheBundledLoopIsThePrograms() throws {
        let loop = try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))
        let p = LoopEngine.project(loop)
        let docs = try String(contentsOfFile: Support.root.appendingPathComponent("docs/simulation.md").path, encoding: .utf8)
        let table = LoopReport.table(loop, p)
        let json = LoopReport.json(loop, p).text(pretty: false)
        for id in ["openai", "coreweave"] {
            let e = try #require(loop.entity(id))
            let line = LoopHeadline(p, entity: e).sentence(name: loop.entities[e].name, start: p.start, horizon: p.horizon)
            #expect(docs.contains("\n" + line + "\n"), "docs/simulation.md does not show: \(line)")
            #expect(table.contains("  " + line + "\n"))
            #expect(json.contains(line))
        }
        #expect(json.contains("\"firstToNeedMoney\":\"openai\""))
    }
}
