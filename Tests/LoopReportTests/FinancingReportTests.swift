import Testing
@testable import LoopReport
import LoopSim

/// The financing headline in `simulate`'s JSON: both headlines, and non-cash flows marked.
@Suite struct FinancingReportTests {
    @Test func jsonSummaryShowsBothHeadlinesAndMarksNonCashFlows() throws {
        let s = Scenario.article2025
        let json = SimulationReport.json(s, Engine.project(s)).text(pretty: false)
        #expect(json.contains("\"fundingNeed\"") && json.contains("\"runwayIfMarketsCloseMonths\"")
            && json.contains("\"firstToNeedMoney\"") && json.contains("\"covenantBreaches\""))
        #expect(json.contains("\"kind\":\"pricePressure\",\"amount\":") && json.contains("\"cash\":false"))
        #expect(!json.contains("\"nvidia\":{\"cash\"") && json.contains("\"moneyAtRisk\""))
    }
}

/// The article's round trip takes no share of $0: `roundTripShare` is null until CoreWeave
/// first buys from NVIDIA, a number from then on.
@Suite struct ArticleRoundTripReportTests {
    @Test(arguments: [0.0, 12])
    func roundTripShareIsNullBeforeTheFirstSale(buildDelay: Double) throws {
        var s = Scenario.article2025
        s.parameters.setClamped(.buildDelayMonths, buildDelay)
        let p = Engine.project(s)
        let json = SimulationReport.json(s, p).text(pretty: false)
        var sold = 0.0
        var nulls = 0
        for m in p.months {
            sold += m.nvidia.salesToCoreWeave
            #expect((m.nvidia.roundTripShare == nil) == (sold == 0), "month \(m.month)")
            if sold == 0 { nulls += 1 }
        }
        #expect(nulls >= 1 && json.contains("\"roundTripShare\":null"))
        #expect(!json.contains("\"roundTripShare\":inf") && !json.contains("\"roundTripShare\":nan"))
    }
}
