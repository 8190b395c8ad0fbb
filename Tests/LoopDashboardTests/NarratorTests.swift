import LoopSim
import Testing
@testable import LoopDashboard

/// Narration: one plain sentence per meaningful change, every figure the engine's.
@Suite struct NarratorTests {
    /// The month company `c` first needs new money, from the engine's headline.
    static func need(_ h: Headline, _ c: Node?) -> Int? { c.flatMap { h.need(of: $0)?.firstMonth } }

    /// "CoreWeave needs new money in Feb 2026", built here from the engine's headline.
    static func outcome(_ h: Headline, still: Bool = false) -> String {
        let again = still ? "still " : ""
        guard let first = h.firstToNeedMoney, let m = need(h, first) else {
            return "\(again)no company needs new money within \(h.horizon) months"
        }
        return "\(first.label) \(again)needs new money in \(spoken(h.calendar(m)))"
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
            let r0 = Self.need(before, before.firstToNeedMoney), r1 = Self.need(after, after.firstToNeedMoney)
            let text = said.dropFirst().joined(separator: " ")
            if before.firstToNeedMoney == after.firstToNeedMoney, r0 == r1 {
                #expect(!text.contains("than before"), "step \(i + 1): nothing changed, yet \(text)")
            } else {
                #expect(text.contains(engine), "step \(i + 1): \(text) should say \(engine)")
                if before.firstToNeedMoney == after.firstToNeedMoney, let r0, let r1 {
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
        let same = before.firstToNeedMoney == after.firstToNeedMoney
            && Self.need(before, before.firstToNeedMoney) == Self.need(after, after.firstToNeedMoney)
        #expect(line.contains(Self.outcome(after, still: same)), "\(line)")
        if let r0 = Self.need(before, .coreweave), let r1 = Self.need(after, .coreweave), r0 != r1,
           after.firstToNeedMoney == .coreweave {
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
        if Self.need(a.headline, .coreweave) == Self.need(b.headline, .coreweave) {
            #expect(said[0] == "GPU utilization 76%: \(Self.outcome(b.headline, still: true)).")
        }
    }

    @Test func theClockReachingARunOutIsSaid() throws {
        var m = Model(paused: true)
        let h = Headline(m.projection, month: 0)
        let r = try #require(Self.need(h, .coreweave))
        m.month = r - 1
        let a = NarrationSnapshot(m)
        m.month = r
        let said = Narrator.sentences(from: a, to: NarrationSnapshot(m))
        #expect(said == ["\(Self.spoken(m.now.date)): CoreWeave needs new money."])
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
