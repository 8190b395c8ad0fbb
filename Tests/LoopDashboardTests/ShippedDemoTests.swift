import Foundation
import LoopConfig
import LoopSim
import TestSupport
import Testing
@testable import LoopDashboard

/// `demos/money-loop.yaml`: it loads, every step shows what the engine computes, and
/// every figure its captions state is the engine's (change the model, and this fails
/// until the captions are brought back in line).
@Suite struct ShippedDemoTests {
    static let path = Support.root.appendingPathComponent("demos/money-loop.yaml").path

    static func script() throws -> DemoScript {
        try DemoScriptFile.load(contentsOf: path, locator: ScenarioLocator(searchDirectories: []))
    }

    @Test func playsHeadlessShowingTheEnginesNumbersAtEveryStep() throws {
        let script = try Self.script()
        #expect((7...9).contains(script.steps.count))
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        let rehearsal = Rehearsal.text(script)
        for i in script.steps.indices {
            if i > 0 { ScriptPlayerTests.press(.right, &m) }
            let engine = Headline(Engine.project(script.scenario, schedule: m.schedule), month: m.month)
            #expect(HeadlinePanel(model: m, caps: .plain).headline == engine)
            #expect(rehearsal.contains(engine.line), "step \(i + 1): rehearsal differs from the screen")
            let f = view(m, width: 120, height: 40, caps: .plain)
            for v in ScriptPlayerTests.bigValues(engine) {
                let shown = ScriptPlayerTests.shows(f, big: v)
                #expect(shown, "step \(i + 1) does not show \(v)")
            }
        }
    }

    /// The figures the captions state, step by step, checked against the engine.
    @Test func captionsSayWhatTheEngineComputes() throws {
        let s = try Self.script()
        let h = s.steps.indices.map { s.headline(at: $0) }
        let caption = s.steps.map(\.caption)
        let when = { (m: Int?) in m.map { s.scenario.start.adding(months: $0).shortLabel } ?? "none" }
        // Every step: CoreWeave needs money first.
        #expect(h.allSatisfy { $0.firstToNeedMoney == .coreweave })
        // 1: rolls over debt from Jan 26, needs new money from Mar 26, $7.4B at the peak; nothing
        //    runs out while credit is open.
        #expect(when(h[0].coreweaveNeed.firstMonth) == "Mar 26" && Format.dollars(h[0].coreweaveNeed.peak) == "$7.4B")
        #expect(when(h[0].coreweaveNeed.firstRolloverMonth) == "Jan 26" && caption[0].contains("rolls over debt from Jan 26"))
        #expect(h[0].coreweaveRunway == nil && caption[0].contains("from Mar 26, $7.4B at the peak"))
        #expect(caption[0].contains("30 Sep 2025") && s.scenario.start == YearMonth(year: 2025, month: 11))
        // 2: utilization 90%; 4% of the fleet usage-billed; the need month does not move.
        #expect(h[1].utilization == 0.9 && when(h[1].coreweaveNeed.firstMonth) == "Mar 26")
        #expect(s.scenario.parameters["cw.usageShare"] == 0.04 && caption[1].contains("only 4%"))
        let before = s.projection(at: 0).month(0).coreweave.usageRevenue
        let after = s.projection(at: 1).month(0).coreweave.usageRevenue
        #expect(abs(after / before - 1.2) < 1e-9)
        // 3: the deal is 59% of Vast's revenue this month (more than half).
        #expect(Format.percent(h[2].vastShareFromCoreWeave) == "59%" && caption[2].contains("59%"))
        #expect(s.scenario.parameters["vast.dealYears"] == 4 && s.scenario.parameters["vast.dealTotal"] == 1.17e9)
        // 4: markets closed: out of cash in month 4 (Mar 26), on $1.9B of cash and a $2.5B revolver.
        #expect(h[3].creditWindow == 0 && h[3].coreweaveRunway == 4 && h[3].coreweaveOut?.shortLabel == "Mar 26")
        #expect(h[0].coreweaveRunwayIfClosed == 4 && caption[3].contains("month 4 (Mar 26)"))
        #expect(Format.dollars(s.scenario.coreweaveCash) == "$1.9B" && s.scenario.parameters["cw.revolverLimit"] == 2.5e9)
        // 5: the deal cancelled in month 4 (CoreWeave's closed-market runway) and no growth: Vast
        //    needs money from Jan 29 and would be out in Mar 29 with markets closed.
        #expect(s.state(at: 4).schedule.latest["vast.renegotiateMonth"] == Double(h[0].coreweaveRunwayIfClosed!))
        #expect(h[4].month == 12 && h[4].vastShareFromCoreWeave == 0)
        #expect(when(h[4].vastNeed.firstMonth) == "Jan 29" && when(h[4].vastRunwayIfClosed) == "Mar 29")
        #expect(caption[4].contains("from Jan 29") && caption[4].contains("Mar 29"))
        // 6: demand a year late: the peak need $7.4B → $7.9B.
        #expect(Format.dollars(h[5].coreweaveNeed.peak) == "$7.9B" && caption[5].contains("$7.4B → $7.9B"))
        // 7: price war and haircut: peak $10.6B; interest coverage broken from month 0.
        #expect(Format.dollars(h[6].coreweaveNeed.peak) == "$10.6B" && caption[6].contains("$10.6B"))
        #expect(h[6].coreweaveNeed.firstBreach?.kind == .interestCoverage && h[6].coreweaveNeed.firstBreach?.month == 0)
        // 8: markets closed, the clock at the month CoreWeave's cash goes below zero, March 2026.
        #expect(h[7].month == h[7].coreweaveRunway && h[7].date.shortLabel == "Mar 26")
        #expect(s.projection(at: 7).month(h[7].month).coreweave.cash < 0)
        #expect(s.projection(at: 7).month(h[7].month - 1).coreweave.cash >= 0)
    }
}
