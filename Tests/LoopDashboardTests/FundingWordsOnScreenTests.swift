import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// The funding-need words on screen in the cases `FundingWords` tells apart: the loop's
/// runway rows and the presenter's big numbers say rollovers that come first, and why a
/// closed-market date comes before the need.
@Suite struct FundingWordsOnScreenTests {
    /// ai-web-2025's CoreWeave rolls over maturing debt (Dec 26) before it needs new money
    /// (Feb 27) and would be out of cash in between (Jan 27) had markets closed: its row
    /// says the rollover first, with or without room for its cash.
    @Test func theLoopRunwayRowSaysTheRolloverFirst() throws {
        var m = Model(paused: true)
        m.load(LoopSession(loop: try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))))
        let panel = LoopRunwayPanel(session: try #require(m.loop), model: m, caps: .plain)
        let cw = try #require(panel.session.headlines.first { panel.session.loop.entities[$0.entity].id == "coreweave" })
        let wide = panel.row(cw).figures
        #expect(wide.contains("rolls over Dec 26, needs Feb 27, $27.0B · closed: out Jan 27"), "\(wide)")
        #expect(wide.hasPrefix("cash "))
        let narrow = panel.row(cw, width: 70).figures
        #expect(narrow == "rolls over Dec 26, needs Feb 27, $27.0B · closed: out Jan 27")
    }

    /// filings-2026: CoreWeave needs no new money, only rollovers from May 26, and would be
    /// out of cash Nov 26 had markets closed — the big numbers say both.
    @Test func thePresentersBigNumbersSayARolloverOnlyNeed() throws {
        let s = try ScenarioFile.load(contentsOf: Support.scenarioPath("filings-2026"))
        let m = Model(scenario: s, paused: true)
        let panel = HeadlinePanel(model: m, caps: .plain)
        let tiles = panel.tiles(panel.headline)
        #expect(tiles[0].note == "months: no new money; rolls over from May 26", "\(tiles[0].note)")
        #expect(tiles[1].note == "months: out Nov 26, rolled debt due", "\(tiles[1].note)")
        // The article's default: rollovers from Jan 26, new money from Mar 26, the month it
        // would be out of cash had markets closed (no "debt due": the need comes no later).
        let d = HeadlinePanel(model: Model(paused: true), caps: .plain)
        #expect(d.tiles(d.headline)[0].note == "months: Mar 26, peak $7.4B; rolls over from Jan 26")
        #expect(d.tiles(d.headline)[1].note == "months: out Mar 26")
    }
}
