import Testing
@testable import LoopConfig
@testable import LoopSim
import TestSupport

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

@Suite struct LoopFileTests {
    static let head = """
        name: t
        start: 2025-11
        entities:
          a: {name: A, kind: ai-lab, cash: {value: 1e9, source: "10-Q", date: 2025-09-30}}
          b: {name: B, kind: cloud-operator, cash: {value: 2e9, assumption: "not public"}}
          lenders: {name: Lenders, kind: lender, external: true}
        deals:

        """

    static func load(_ deals: String) throws(ConfigError) -> MoneyLoop {
        try LoopFile.load(text: head + deals, file: "t.yaml")
    }

    static func message(_ deals: String) -> String {
        do { _ = try load(deals); return "loaded" } catch { return error.description }
    }

    static let contract = """
          - id: c
            kind: take-or-pay
            from: a
            to: b
            status: binding
            source: {text: "8-K", date: 2025-03-10}
            value: 12B
            start: 2026-01
            termMonths: 12

        """

    @Test func aValidLoopLoadsAndRuns() throws {
        let loop = try Self.load(Self.contract)
        #expect(loop.entities.map(\.id) == ["a", "b", "lenders"])
        #expect(loop.entities[0].sources["cash"]?.label == "10-Q, 2025-09-30")
        #expect(loop.entities[1].sources["cash"]?.isAssumption == true)
        #expect(loop.deals[0].terms == .takeOrPay(value: 12e9, start: 2, term: 12, ramp: 0, gpus: 0))
        let p = LoopEngine.project(loop)
        #expect(p.cash(13, 1) == 2e9 + 12e9)
    }

    @Test func theSkeletonShowsEveryDealKindAndLoads() throws {
        let loop = try LoopFile.load(text: LoopSkeleton.text(name: "x"), file: "x.yaml")
        #expect(Set(loop.deals.map(\.kind)) == Set(DealKind.allCases))
        #expect(Support.conservationProblems(loop, LoopEngine.project(loop)).isEmpty)
    }

    @Test func theDocsShowTheSkeletonVerbatim() throws {
        let docs = try String(contentsOfFile: Support.root.appendingPathComponent("docs/simulation.md").path, encoding: .utf8)
        #expect(docs.contains("```yaml\n" + LoopSkeleton.text(name: "my-loop") + "```"))
    }

    @Test func theSecondBundledLoopLoadsWithSourcesAndConservesMoney() throws {
        let loop = try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))
        let ids = Set(loop.entities.map(\.id))
        #expect(ids.isSuperset(of: ["nvidia", "openai", "oracle", "amd", "microsoft", "coreweave", "vast"]))
        #expect(loop.entities.count <= 12)
        for d in loop.deals { #expect(!d.source.text.isEmpty && !d.source.date.isEmpty, "\(d.id) has no dated source") }
        for e in loop.entities where !e.external {
            #expect(e.sources["cash"] != nil, "\(e.id): opening cash without a source")
        }
        #expect(Support.conservationProblems(loop, LoopEngine.project(loop, months: 120)).isEmpty)
        let onlySigned = LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0))
        #expect(onlySigned.flows.allSatisfy { loop.deals[safe: $0.deal]?.status ?? .binding == .binding })
    }

    /// The bundled loops' closed-market cash, carried in the same pass, is exactly a second
    /// run with markets closed, under the levers a user reaches (`Support.closedLedgerDifferences`).
    @Test func theSecondBundledLoopClosesMarketsInOnePassAsInTwoRuns() throws {
        let loop = try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))
        for levers in [LoopLevers(), LoopLevers(nonBinding: 0), LoopLevers(creditWindow: 0.5),
                       LoopLevers(nonBinding: 0.5, demandDelay: 3, buildDelay: 2, rateShock: 0.02, creditWindow: 0.8,
                                  utilizationScale: 0.8)]
        {
            let problems = Support.closedLedgerDifferences(loop, levers, months: 120)
            #expect(problems.isEmpty, "\(levers): \(problems.joined(separator: "; "))")
        }
    }

    @Test func loopMonteCarloIsTheSameWhateverTheThreads() throws {
        let loop = try LoopFile.load(text: LoopSkeleton.text(name: "x"), file: "x.yaml")
        let one = LoopMonteCarlo.run(loop, paths: 300, seed: 7, threads: 1, months: 36)
        let two = LoopMonteCarlo.run(loop, paths: 300, seed: 7, threads: 2, months: 36)
        #expect(one == two)
        #expect(one.first.reduce(0, +) <= 1 + 1e-9)
        // Removing every non-binding deal on every path is the same as the lever at 0.
        var none = LoopUncertainty()
        none.nonBinding = 0...0; none.demandDelay = 0...0; none.buildDelay = 0...0; none.rateShock = 0...0
        none.utilizationScale = 1...1
        let r = LoopMonteCarlo.run(loop, uncertainty: none, paths: 5, seed: 1, threads: 1, months: 36)
        let p = LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0), months: 36)
        for (j, e) in r.entities.enumerated() {
            #expect(r.runOut[j] == (p.runway(of: e) == nil ? 0 : 1))
            #expect(r.medianLowestCash[j] == (0...36).map { p.cash($0, e) }.min())
        }
    }

    @Test func unknownEntityIsAnErrorAtItsPosition() {
        let m = Self.message(Self.contract.replacingOccurrences(of: "to: b", with: "to: bb"))
        #expect(m == "t.yaml:11:9: deals[0].to: unknown entity 'bb' (did you mean 'b'?); entities: a, b, lenders")
    }

    @Test func negativeAmountIsAnError() {
        let m = Self.message(Self.contract.replacingOccurrences(of: "value: 12B", with: "value: -12B"))
        #expect(m == "t.yaml:14:12: deals[0].value: expected a finite amount ≥ 0; found -12e9")
    }

    @Test func statusMustBeOneOfTheFour() {
        let m = Self.message(Self.contract.replacingOccurrences(of: "status: binding", with: "status: signed"))
        #expect(m == "t.yaml:12:13: deals[0].status: 'signed' is not a status; "
            + "allowed: binding, announced, letter-of-intent, reported")
    }

    @Test func aCycleThatCannotBeScheduledIsAnError() {
        let loan = { (id: String, on: String) in """
              - {id: \(id), kind: loan, facility: ddtl, from: lenders, to: b, status: binding,
                 source: {text: "x", date: 2025-01-01}, limit: 1B, ltv: 0.5, rate: 0.1, collateral: [\(on)]}

            """ }
        let m = Self.message(loan("l1", "l2") + loan("l2", "l1"))
        #expect(m.hasPrefix("t.yaml:9:"), "\(m)")
        #expect(m.hasSuffix("deals[0].collateral: the deals read each other in a cycle that cannot be scheduled: l1 → l2 → l1"))
    }

    @Test func aFigureWithoutASourceIsRefused() {
        let text = Self.head.replacingOccurrences(of: "cash: {value: 2e9, assumption: \"not public\"}", with: "cash: 2e9")
        do {
            _ = try LoopFile.load(text: text + Self.contract, file: "t.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.description.contains("entities.b.cash: an opening figure needs its source"))
        }
    }

    @Test func unknownKeysSuggestTheNearest() {
        let m = Self.message(Self.contract.replacingOccurrences(of: "termMonths", with: "termMonth"))
        #expect(m.contains("deals[0].termMonth: unknown key (did you mean 'termMonths'?)"))
    }

    @Test func oldFormatFilesAreNotLoops() throws {
        let text = try String(contentsOfFile: Support.scenarioPath("article-2025"), encoding: .utf8)
        #expect(!LoopFile.isLoop(text))
        #expect(LoopFile.isLoop(Self.head))
    }
}
