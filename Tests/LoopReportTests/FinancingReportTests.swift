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
