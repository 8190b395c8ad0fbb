import Foundation
import TestSupport
import Testing

/// `simulate --monte-carlo`, `sensitivity` and `compare` as a person runs them.
@Suite struct AnalyticsCommandTests {
    @Test func monteCarloIsTheSameWhateverTheThreadCount() async throws {
        let args = ["simulate", "--monte-carlo", "256", "--seed", "9", "--months", "24", "--format", "json"]
        let one = try await runProcess(moneyloopBinary, args + ["--threads", "1"])
        let three = try await runProcess(moneyloopBinary, args + ["--threads", "3"])
        #expect(one.status == 0 && three.status == 0)
        #expect(one.out == three.out && one.out.contains("\"paths\": 256"))
        // Not a terminal: no progress bar on stderr.
        #expect(one.err.isEmpty)
    }

    @Test func monteCarloTableNamesTheOdds() async throws {
        let r = try await runProcess(moneyloopBinary, ["simulate", "--monte-carlo", "128", "--months", "30"])
        #expect(r.status == 0)
        #expect(r.out.contains("Monte Carlo: 128 paths, seed 1, 30 months"))
        #expect(r.out.contains("P(< 24 mo)") && r.out.contains("CoreWeave cash"))
        #expect(r.out.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 100 })
    }

    @Test func sensitivityAndCompareRun() async throws {
        let s = try await runProcess(moneyloopBinary, ["sensitivity", "--metric", "cash.vast@24", "--format", "json"])
        #expect(s.status == 0 && s.out.contains("\"metric\": \"cash.vast@24\""))
        let c = try await runProcess(moneyloopBinary, ["compare", "article-2025", "price-war"])
        #expect(c.status == 0 && c.out.contains("CoreWeave runway") && c.out.contains("price-war"))
    }

    @Test(arguments: [
        (["simulate", "--monte-carlo", "lots"], "moneyloop: --monte-carlo: lots: expected a whole number of paths, "
            + "1 … 100,000\n"),
        (["simulate", "--seed", "3"], "moneyloop: --seed: 3: applies only with --monte-carlo N\n"),
        (["simulate", "--monte-carlo", "10", "--format", "csv"],
         "moneyloop: --format: csv: unknown format; allowed: table, json\n"),
        (["sensitivity", "--metric", "runway.nvidia"], "moneyloop: --metric: runway.nvidia: unknown metric; allowed: "
            + "need.coreweave, closed.coreweave (runway if markets close), runway.coreweave (with financing), the same "
            + "for vast, cash.coreweave@M, cash.vast@M with M a month 0 … 60\n"),
        (["compare", "article-2025", "price-wars"], "moneyloop: compare: price-wars: no such scenario (did you mean "
            + "price-war?); known: ai-web-2025, article-2025, filings-2026, late-demand, price-war; or give a path to a .yaml file\n"),
    ])
    func badOptionsExitTwoWithOneLine(args: [String], message: String) throws {
        let r = try runProcess(moneyloopBinary, args)
        #expect(r.status == 2 && r.out.isEmpty && r.err == message)
    }
}
