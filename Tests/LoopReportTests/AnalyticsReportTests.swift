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
        // Both sides' funding need in words, the same sentence the headline reads.
        #expect(text.contains("A: CoreWeave rolls over maturing debt from Jan 26 and needs new money from Mar 26, $7.4B at"))
        #expect(text.contains("B: CoreWeave"))
    }

    /// `compare` says when a what-if only rolls debt over (no new money) and why its
    /// closed-market date comes first, in the table and the JSON.
    @Test func comparisonSaysRolloverOnlyNeedsInWords() {
        var s = Scenario.article2025
        s.name = "rich"
        s.parameters.setClamped("cw.revolverLimit", 10e9)
        let c = Comparison(baseline: Engine.project(.article2025), whatIf: Engine.project(s))
        let b = c.whatIfWords[0]
        #expect(c.rows.contains { $0.id == "coreweave.firstRolloverMonth" })
        let json = ComparisonReport.json(c).text(pretty: false)
        #expect(json.contains("\"inWords\"") && json.contains(b))
        #expect(b == "CoreWeave needs no new money within 60 months, only to roll over maturing debt from Jan 26 "
            + "($4.2B in all) while credit is open; out of cash May 26 if markets closed, when debt it could not roll "
            + "over falls due; interest coverage covenant broken May 30 (1.06× against ≥ 1.40×).", "\(b)")
    }

    @Test func progressLineEstimatesTheRest() {
        #expect(ProgressText.line(done: 500, total: 2000, elapsed: 1) == "[#####...............] 25%  500/2,000 paths  ETA 3.0 s")
        #expect(ProgressText.line(done: 0, total: 10, elapsed: 0).hasSuffix("0/10 paths  ETA 0.0 s"))
    }
}
