import LoopSim
import Testing
@testable import LoopDashboard

@Suite struct UpdateViewTests {
    @Test func rightKeyMovesUtilizationOnePoint() {
        var m = Model(paused: true)
        #expect(m.value("cw.utilization") == 0.75)
        _ = update(&m, .key(.right))
        #expect(abs(m.value("cw.utilization") - 0.76) < 1e-9)
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(text.contains("GPU utilization") && text.contains("76%"))
        _ = update(&m, .key(.left))
        _ = update(&m, .key(.left))
        #expect(abs(m.value("cw.utilization") - 0.74) < 1e-9)
    }

    @Test func utilizationChangeMovesCoreWeaveRevenueAtOnce() {
        var m = Model(paused: true)
        let before = m.now.coreweave.usageRevenue
        for _ in 0..<15 { _ = update(&m, .key(.right)) }
        #expect(abs(m.value("cw.utilization") - 0.90) < 1e-9)
        #expect(abs(m.now.coreweave.usageRevenue / before - 1.2) < 1e-9)
    }

    @Test func tickAdvancesTheMonthOnlyWhenRunning() {
        var m = Model(paused: false)
        _ = update(&m, .tick)
        #expect(m.month == 1)
        _ = update(&m, .key(.char(" ")))
        #expect(m.paused)
        _ = update(&m, .tick)
        #expect(m.month == 1)
        #expect(view(m, width: 120, height: 40, caps: .plain).row(0).contains("month 1/60"))
    }

    @Test func tickStopsAtTheHorizon() {
        var m = Model(paused: false)
        m.month = m.horizon
        let effects = update(&m, .tick)
        #expect(m.month == m.horizon && m.paused && effects == [.clockChanged])
    }

    @Test func leverChangeKeepsHistoryBeforeThePresent() {
        var m = Model(paused: true)
        m.month = 10
        let cashBefore = m.projection.months[5].coreweave.cash
        _ = update(&m, .key(.right))
        #expect(m.projection.months[5].coreweave.cash == cashBefore)
        #expect(m.projection.months[20].coreweave.cash != m.baseline.months[20].coreweave.cash)
    }

    @Test func undoAndRedoAcrossLevers() {
        var m = Model(paused: true)
        _ = update(&m, .key(.right))
        _ = update(&m, .key(.down))
        _ = update(&m, .key(.right))
        #expect(m.changedLevers.count == 2)
        _ = update(&m, .key(.char("u")))
        _ = update(&m, .key(.char("u")))
        #expect(m.changedLevers.isEmpty)
        _ = update(&m, .key(.ctrl("r")))
        #expect(m.changedLevers == ["cw.utilization"])
    }

    @Test func quitKeyAsksToQuit() {
        var m = Model()
        #expect(update(&m, .key(.char("q"))) == [.quit])
        #expect(update(&m, .key(.function(10))) == [.quit])
    }

    @Test func panelsAppearAtStandardSize() {
        let text = view(Model(paused: true), width: 120, height: 40, caps: .plain).text
        for title in ["Funding graph", "Utilization & levers", "Revenue runway", "NVIDIA", "CoreWeave", "Vast Data",
                      "Customers", "Lenders"] {
            #expect(text.contains(title), "missing \(title)")
        }
    }

    @Test func tooSmallTerminalSaysSo() {
        let text = view(Model(), width: 40, height: 10, caps: .plain).text
        #expect(text.contains("terminal too small"))
        #expect(text.contains("need 80×24, have 40×10"))
    }

    @Test func everySizeGivesAFrameOfThatSize() {
        for (w, h) in [(1, 1), (20, 6), (79, 23), (80, 24), (100, 30), (120, 40), (160, 48), (200, 60), (300, 100)] {
            let f = view(Model(), width: w, height: h, caps: .standard)
            #expect(f.width == w && f.height == h)
        }
    }

    @Test func graphShowsTheEnginesFlows() {
        let m = Model(paused: true)
        let text = view(m, width: 120, height: 40, caps: .plain).text
        let storage = Format.dollars(m.now.flow(from: .coreweave, to: .vast))
        #expect(text.contains(storage))
        #expect(text.contains("cash \(Format.dollars(m.now.coreweave.cash))"))
    }
}
