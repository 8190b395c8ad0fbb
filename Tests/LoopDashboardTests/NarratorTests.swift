import LoopSim
import Testing
@testable import LoopDashboard

/// Narration: one plain sentence per meaningful change, every figure the engine's.
@Suite struct NarratorTests {
    /// "CoreWeave runs out of cash in Jun 2026", built here from the engine's headline.
    static func outcome(_ h: Headline) -> String {
        guard let first = h.firstOut else { return "no company runs out of cash within \(h.horizon) months" }
        let date = first == .coreweave ? h.coreweaveOut! : h.vastOut!
        return "\(first.label) runs out of cash in \(spoken(date))"
    }

    /// "Aug 2026".
    static func spoken(_ d: YearMonth) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1] + " \(d.year)"
    }

    @Test func theShippedDemoIsNarratedWithTheEnginesNumbers() throws {
        let script = try ShippedDemoTests.script()
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        m.presentation.narration.enabled = true
        for i in 1..<script.steps.count {
            _ = update(&m, .key(.char(" ")))
            let said = m.presentation.narration.latest
            let caption = script.steps[i].caption.split(separator: "\n").joined(separator: " ")
            #expect(said.first == "Step \(i + 1) of \(script.steps.count): \(caption)"
                + (caption.hasSuffix(".") ? "" : "."), "\(said)")
            let before = script.headline(at: i - 1), after = script.headline(at: i)
            let engine = Self.outcome(after)
            let r0 = before.firstOut.flatMap(before.runway(of:)), r1 = after.firstOut.flatMap(after.runway(of:))
            let text = said.dropFirst().joined(separator: " ")
            if before.firstOut == after.firstOut, r0 == r1 {
                #expect(!text.contains("than before"), "step \(i + 1): nothing changed, yet \(text)")
            } else {
                #expect(text.contains(engine), "step \(i + 1): \(text) should say \(engine)")
                if before.firstOut == after.firstOut, let r0, let r1 {
                    let n = Narrator.months(abs(r1 - r0))
                    #expect(text.contains("\(n) \(r1 > r0 ? "later" : "earlier") than before"), "\(text)")
                }
            }
            // Run the step's clock to its month: at most the cash running out is said.
            while !m.paused { _ = update(&m, .tick) }
        }
    }

    @Test func aLeverChangeSaysTheLeverAndTheNewOutcome() {
        var m = Model(paused: true)
        m.presentation.narration.enabled = true
        let before = Headline(m.projection, month: 0)
        _ = update(&m, .key(.char(":")))
        for c in "set demand.delayMonths 6" { _ = update(&m, .key(.char(c))) }
        _ = update(&m, .key(.enter))
        let after = Headline(m.projection, month: 0)
        let said = m.presentation.narration.latest
        #expect(said.count == 1)
        let line = said.first ?? ""
        #expect(line.hasPrefix("Demand delay 6 mo: "), "\(line)")
        #expect(line.contains(Self.outcome(after)), "\(line)")
        if let r0 = before.coreweaveRunway, let r1 = after.coreweaveRunway, r0 != r1, after.firstOut == .coreweave {
            #expect(line.contains("\(Narrator.months(abs(r1 - r0))) \(r1 > r0 ? "later" : "earlier") than before"))
        }
        #expect(m.notice == line, "the sentence is shown on screen too")
    }

    @Test func unchangedOutcomeSaysStill() {
        var m = Model(paused: true)
        let a = NarrationSnapshot(m)
        m.setLever("cw.utilization", to: 0.76)
        let b = NarrationSnapshot(m)
        let said = Narrator.sentences(from: a, to: b)
        #expect(said.count == 1)
        if a.headline.coreweaveRunway == b.headline.coreweaveRunway {
            #expect(said[0] == "GPU utilization 76%: \(Self.outcome(b.headline).replacingFirst("runs", "still runs")).")
        }
    }

    @Test func theClockReachingARunOutIsSaid() throws {
        var m = Model(paused: true)
        let h = Headline(m.projection, month: 0)
        let r = try #require(h.coreweaveRunway)
        m.month = r - 1
        let a = NarrationSnapshot(m)
        m.month = r
        let said = Narrator.sentences(from: a, to: NarrationSnapshot(m))
        #expect(said == ["\(Self.spoken(m.now.date)): CoreWeave runs out of cash."])
    }

    @Test func narrateCommandTurnsItOnAndOff() throws {
        var m = Model(paused: true)
        #expect(try CommandParser.parse("narrate") == .narrate(nil))
        #expect(try CommandParser.parse("narrate off") == .narrate(false))
        #expect(throws: CommandParser.Failure.self) { try CommandParser.parse("narrate loud") }
        _ = run(.narrate(nil), &m)
        _ = update(&m, .frame)
        #expect(m.presentation.narration.enabled)
        _ = update(&m, .key(.char(" ")))  // pause toggles: running now
        #expect(m.presentation.narration.latest == ["Running from \(Self.spoken(m.now.date))."])
        var off = m
        _ = update(&off, .key(.char(":")))
        for c in "narrate" { _ = update(&off, .key(.char(c))) }
        _ = update(&off, .key(.enter))
        #expect(off.presentation.narration.latest == ["Narration off."])
        #expect(!off.presentation.narration.enabled)
    }
}

extension String {
    fileprivate func replacingFirst(_ a: String, _ b: String) -> String {
        guard let r = range(of: a) else { return self }
        return replacingCharacters(in: r, with: b)
    }
}
