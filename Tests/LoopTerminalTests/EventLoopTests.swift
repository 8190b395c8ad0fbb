import LoopDashboard
import LoopSim
import Testing
@testable import LoopTerminal

/// The event loop without a terminal: keys go through `update`, effects reach the runner
/// (a recording fake), answers come back as messages, frames reach the screen.
@MainActor @Suite struct EventLoopTests {
    let screen = FakeScreen()
    let effects = RecordingEffects()

    func loop(_ model: Model = Model(paused: true)) -> EventLoop {
        EventLoop(model: model, screen: screen, fps: 60, effects: effects)
    }

    @Test func aKeyChangesTheModelHandsItsEffectToTheRunnerAndDraws() {
        let loop = loop()
        loop.send(.key(.char(" ")))
        #expect(!loop.model.paused)
        #expect(effects.effects == [.clockChanged])
        #expect(screen.frames.count == 1 && screen.text.contains("running"))
    }

    @Test func aSaveIsAWriteEffectAndItsAnswerMarksTheWhatIfSaved() {
        effects.answer = { effect in
            if case let .write(path, _) = effect { return .written(path: path, error: nil) }
            return nil
        }
        let loop = loop()
        loop.send(.key(.right))
        #expect(loop.model.hasUnsavedChanges)
        loop.send(.key(.char("s")))
        guard case let .write(path, contents) = effects.effects.last else {
            Issue.record("no write: \(effects.effects)")
            return
        }
        #expect(path == "article-2025-whatif.yaml")
        #expect(contents.contains("cw.utilization"))
        #expect(!loop.model.hasUnsavedChanges && loop.model.notice == "wrote \(path)")
    }

    /// A mouse report becomes a message at the screen's present size: a click on the
    /// utilization bar's last cell, found by the hit test at that size, sets the lever to its top.
    @Test func aMouseReportIsHitTestedAtTheScreensSize() throws {
        screen.width = 100
        screen.height = 30
        let l = loop()
        let top = try #require((0..<30).lazy.flatMap { y in (0..<100).reversed().lazy.map { (x: $0, y: y) } }.first {
            MouseHit.target(l.model, width: 100, height: 30, x: $0.x, y: $0.y) == .lever(index: 0, value: 1.0)
        })
        l.send(l.message(.mouse(MouseEvent(.press, x: top.x, y: top.y))))
        #expect(l.model.value("cw.utilization") == 1.0 && screen.text.contains("100%"))
    }

    @Test func quitIsAnEffectTheRunnerCarriesOut() {
        let loop = loop()
        loop.send(.key(.char("q")))
        #expect(effects.effects == [.quit])
        #expect(!screen.stopped)  // the fake runner does not end the process; the real one does
    }

    @Test func leverChangesAreStampedWithTheSessionTime() {
        let loop = loop()
        loop.send(.key(.right))
        let seconds = loop.model.presentation.changeTimes.seconds(for: loop.model.schedule.changes)
        #expect(seconds.count == 1 && seconds[0] != nil && seconds[0]! >= 0)
    }

    @Test func aFailedLoadIsShownAndNothingElseHappens() {
        let loop = loop()
        loop.send(.loadFailed("themes/x.yaml:3: bad colour"))
        #expect(effects.effects.isEmpty)
        #expect(screen.text.contains("themes/x.yaml:3: bad colour"))
    }
}
