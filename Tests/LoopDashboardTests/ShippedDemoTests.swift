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
        // Every step: CoreWeave runs out first.
        #expect(h.allSatisfy { $0.firstOut == .coreweave })
        // 1: CoreWeave runs out first, in 7 months.
        #expect(h[0].coreweaveRunway == 7 && caption[0].contains("in 7 months"))
        // 2: utilization 90%; 4% of the fleet usage-billed; runway stays at 7; usage revenue +20%.
        #expect(h[1].utilization == 0.9 && h[1].coreweaveRunway == 7)
        #expect(s.scenario.parameters["cw.usageShare"] == 0.04 && caption[1].contains("only 4%"))
        let before = s.projection(at: 0).month(0).coreweave.usageRevenue
        let after = s.projection(at: 1).month(0).coreweave.usageRevenue
        #expect(abs(after / before - 1.2) < 1e-9)
        // 3: the deal is 59% of Vast's revenue this month (more than half).
        #expect(Format.percent(h[2].vastShareFromCoreWeave) == "59%" && caption[2].contains("59%"))
        #expect(s.scenario.parameters["vast.dealYears"] == 4 && s.scenario.parameters["vast.dealTotal"] == 1.17e9)
        // 4: the deal cancelled at month 7 (CoreWeave's runway): Vast gets nothing from CoreWeave
        //    by month 12, yet lasts the horizon on $1B of cash and 50% growth.
        #expect(s.state(at: 3).schedule.latest["vast.renegotiateMonth"] == Double(h[0].coreweaveRunway!))
        #expect(h[3].month == 12 && h[3].vastShareFromCoreWeave == 0 && h[3].vastRunway == nil)
        #expect(s.scenario.parameters["vast.cash"] == 1e9 && s.scenario.parameters["vast.arrGrowth"] == 0.5)
        // 5: growth stopped too: Vast runs out in 41 months, Apr 29.
        #expect(h[4].vastRunway == 41 && h[4].vastOut?.shortLabel == "Apr 29" && caption[4].contains("41 months (Apr 29)"))
        // 6: demand a year late: CoreWeave 7 → 6 months.
        #expect(h[5].coreweaveRunway == 6 && caption[5].contains("7 → 6 months"))
        // 7: the price war alone leaves 6; with the 20% haircut, 5.
        var priceOnly = s.state(at: 6).schedule
        priceOnly.apply(LeverChange(month: 0, id: "contracts.haircut", value: 0))
        #expect(Engine.project(s.scenario, schedule: priceOnly).runway(of: .coreweave) == 6)
        #expect(h[6].coreweaveRunway == 5 && caption[6].contains("to 5 months"))
        // 8: the clock runs to the month CoreWeave's cash goes below zero, April 2026.
        #expect(h[7].month == h[7].coreweaveRunway && h[7].date.shortLabel == "Apr 26")
        #expect(s.projection(at: 7).month(h[7].month).coreweave.cash < 0)
        #expect(s.projection(at: 7).month(h[7].month - 1).coreweave.cash >= 0)
    }
}
