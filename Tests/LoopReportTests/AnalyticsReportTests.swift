import Testing
@testable import LoopReport
@testable import LoopSim

@Suite struct AnalyticsReportTests {
    static let result = MonteCarlo.run(.article2025, paths: 200, seed: 2, threads: 2)!

    @Test func monteCarloTableFitsAndShowsEveryMonthOrQuarter() {
        let text = MonteCarloReport.table(.article2025, Self.result)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 100 })
        #expect(text.contains("CoreWeave cash") && text.contains("Vast Data cash") && text.contains("> 60 mo"))
        // Every third month of 60, plus the last: 21 rows per company.
        #expect(lines.filter { $0.hasPrefix("Nov 30") }.count == 2)
    }

    @Test func monteCarloJSONHasTheSchema() throws {
        let json = MonteCarloReport.json(.article2025, Self.result).text()
        for key in ["\"paths\":200", "\"seed\":\"2\"", "\"probabilityRunwayBelowThreshold\":", "\"runwayCounts\":[",
                    "\"firstOut\":{\"coreweave\":", "\"nobody\":", "\"p95\":"] {
            #expect(json.contains(key), "\(key)")
        }
    }

    @Test func sensitivityTableIsSortedAndFits() {
        let t = Sensitivity.tornado(.article2025, metric: .runwayIfClosed(.coreweave))
        let text = SensitivityReport.table(.article2025, t)
        #expect(text.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 100 })
        let first = String(ParameterRegistry.parameter(t.bars[0].parameter)!.label.prefix(30))
        #expect(text.contains(first) && text.contains("Base 4 mo"))
        // Every parameter with a range is swung, not only the dashboard levers.
        #expect(t.bars.contains { $0.parameter == "cw.capexPerGPU" } && t.bars.contains { $0.parameter == "cw.loanToValue" })
        #expect(zip(t.bars, t.bars.dropFirst()).allSatisfy { $0.swing >= $1.swing })
    }

    @Test func comparisonTableShowsBothNamesAndDifferences() {
        var s = Scenario.article2025
        s.name = "higher-price"
        s.parameters.setClamped("price.gpuHour", 3)
        let c = Comparison(baseline: Engine.project(.article2025), whatIf: Engine.project(s))
        let text = ComparisonReport.table(c)
        #expect(text.contains("article-2025") && text.contains("higher-price") && text.contains("+$"))
        #expect(text.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 100 })
    }

    @Test func progressLineEstimatesTheRest() {
        #expect(ProgressText.line(done: 500, total: 2000, elapsed: 1) == "[#####...............] 25%  500/2,000 paths  ETA 3.0 s")
        #expect(ProgressText.line(done: 0, total: 10, elapsed: 0).hasSuffix("0/10 paths  ETA 0.0 s"))
    }
}
