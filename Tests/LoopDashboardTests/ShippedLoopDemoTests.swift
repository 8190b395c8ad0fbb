import Foundation
import LoopConfig
import LoopSim
import TestSupport
import Testing
@testable import LoopDashboard

/// `demos/ai-web-2025.yaml`, the second loop's demo: it plays on the generic engine to the
/// end, every step shows what the engine computes for its levers, its captions type no
/// number (each `{field}` is the engine's, recomputed here without `CaptionFields`), and
/// the words around the fields say what the engine's numbers do.
@Suite struct ShippedLoopDemoTests {
    static let path = Support.root.appendingPathComponent("demos/ai-web-2025.yaml").path

    static func script() throws -> DemoScript {
        try DemoScriptFile.load(contentsOf: path,
                                locator: ScenarioLocator(searchDirectories: [Support.root.appendingPathComponent("scenarios").path]))
    }

    @Test func playsToTheEndOnTheGenericEngine() throws {
        let script = try Self.script()
        let loop = try #require(script.loop)
        #expect(loop.name == "ai-web-2025" && script.steps.count == 8)
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        for i in script.steps.indices {
            if i > 0 { ScriptPlayerTests.press(.right, &m) }
            let state = script.state(at: i)
            #expect(m.presentation.player?.index == i && m.month == state.month)
            #expect(m.loop?.levers == state.loopLevers && m.loop?.loop == loop)
            #expect(m.loop?.projection == LoopEngine.project(loop, levers: state.loopLevers))
            #expect(m.focus == state.focus && m.maximized == state.maximized)
            let text = view(m, width: 120, height: 40, caps: .plain).text
            for line in CaptionBanner(player: m.presentation.player!).lines(width: 120) {
                #expect(text.contains(line), "step \(i + 1) banner: \(line)")
            }
            #expect(text.contains("script \(i + 1)/8"))
        }
        ScriptPlayerTests.press(.right, &m)
        #expect(m.presentation.player?.index == 7 && m.notice?.hasPrefix("last step") == true)
        // Narrated, each step is said with its filled caption.
        var n = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &n)
        n.presentation.narration.enabled = true
        for i in 1..<script.steps.count {
            _ = update(&n, .key(.right))
            var said = n.presentation.narration.latest
            while n.presentation.player?.targetMonth != nil {
                _ = update(&n, .tick)
                said += n.presentation.narration.latest
            }
            #expect(said.contains("Step \(i + 1) of 8: " + Narrator.sentence(script.steps[i].caption)), "step \(i + 1): \(said)")
        }
        ScriptPlayerTests.press(.left, &m)
        #expect(m.presentation.player?.index == 6 && m.loop?.levers == script.state(at: 6).loopLevers)
    }

    /// Every field of every caption, recomputed from the engine here, and no digit typed
    /// outside the fields.
    @Test func everyCaptionNumberIsTheEngines() throws {
        let script = try Self.script()
        let loop = try #require(script.loop)
        for (i, step) in script.steps.enumerated() {
            let template = try #require(step.template, "step \(i + 1) has no fields")
            let state = script.state(at: i)
            let p = LoopEngine.project(loop, levers: state.loopLevers)
            var filled = template
            for field in Self.fields(in: template) {
                filled = filled.replacingOccurrences(of: "{\(field)}", with: Self.expected(field, loop, p, state))
            }
            #expect(step.caption == filled, "step \(i + 1)")
            let typed = Self.fields(in: template).reduce(template) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            #expect(!typed.contains { $0.isNumber }, "step \(i + 1) types a number: \(typed)")
        }
    }

    /// What the words around the fields claim, checked against the engine step by step.
    @Test func captionsSayWhatTheEngineDoes() throws {
        let script = try Self.script()
        let loop = try #require(script.loop)
        let id = { (s: String) in loop.entities.firstIndex { $0.id == s }! }
        let (openai, coreweave, nvidia, amd, vast) = (id("openai"), id("coreweave"), id("nvidia"), id("amd"), id("vast"))
        let p = script.steps.indices.map { LoopEngine.project(loop, levers: script.state(at: $0).loopLevers) }
        let h = { (i: Int, e: Int) in LoopHeadline(p[i], entity: e) }
        func first(_ i: Int, _ month: (LoopHeadline) -> Int?) -> Int? {
            LoopHeadline.all(loop, p[i]).compactMap { x in month(x).map { (x.entity, $0) } }.min { $0.1 < $1.1 }?.0
        }
        // 1: OpenAI needs money first.
        #expect(first(0) { $0.need.firstMonth } == openai)
        // 2: by month 2 NVIDIA's only money into CoreWeave is the backstop, and CoreWeave has bought nothing.
        let state1 = script.state(at: 1)
        #expect(state1.focus == .concentration && state1.month == 2)
        for t in 0...2 {
            let flows = p[1].flows(month: t)
            #expect(!flows.contains { $0.kind == .purchase && $0.from == coreweave && $0.to == nvidia && $0.amount > 0 })
            #expect(flows.filter { $0.from == nvidia && $0.to == coreweave && $0.amount > 0 }.allSatisfy { $0.kind == .backstop })
        }
        // 3: shares, not words, at month 24; AMD's money into OpenAI is the warrant's value.
        let ledgers = RoundTripLedger.all(loop, p[2])
        for (v, b) in [(nvidia, openai), (nvidia, coreweave), (amd, openai)] {
            let line = try #require(ledgers.first { $0.vendor == v }?.lines.first { $0.buyer == b })
            guard case .share = line.standing(through: 24) else { Issue.record("no share \(v)→\(b)"); continue }
        }
        for t in 0...24 {
            #expect(p[2].flows(month: t).filter { $0.from == amd && $0.to == openai && RoundTripLedger.financingKinds.contains($0.kind) }
                .allSatisfy { $0.kind == .warrantValue })
        }
        // 4: only signed contracts: NVIDIA's letter of intent to OpenAI is among the dropped; OpenAI needs money sooner.
        #expect(loop.deals.contains { $0.from == nvidia && $0.to == openai && $0.status == .letterOfIntent })
        #expect(script.state(at: 3).loopLevers.nonBinding == 0)
        #expect(h(3, openai).need.firstMonth! < h(0, openai).need.firstMonth!)
        // 5: markets closed: OpenAI out first, CoreWeave later.
        #expect(first(4) { $0.runwayIfClosed } == openai && h(4, coreweave).runwayIfClosed! > h(4, openai).runwayIfClosed!)
        // 6: demand late: OpenAI's need later, CoreWeave's sooner than as filed.
        #expect(h(5, openai).need.firstMonth! > h(0, openai).need.firstMonth!)
        #expect(h(5, coreweave).need.firstMonth! < h(0, coreweave).need.firstMonth!)
        // 7: rates up: CoreWeave's peak need rises, and it would be out sooner if markets closed.
        #expect(h(6, coreweave).need.peak > h(0, coreweave).need.peak)
        #expect(h(6, coreweave).runwayIfClosed! < h(0, coreweave).runwayIfClosed!)
        // 8: OpenAI out first; the clock stops in the month CoreWeave's cash goes below zero.
        let last = script.state(at: 7)
        #expect(first(7) { $0.runwayIfClosed } == openai && h(7, vast).runwayIfClosed != nil)
        #expect(p[7].cash(last.month, coreweave) < 0 && p[7].cash(last.month - 1, coreweave) >= 0)
        #expect(last.month == p[7].runway(of: coreweave) && last.maximized)
    }

    /// `present --scenario ai-web-2025` finds this script: it names the scenario.
    @Test func namesItsScenario() throws {
        #expect(try Self.script().scenarioReference == "ai-web-2025")
    }

    /// docs/presenting.md quotes the start of its rehearsal: the program's lines.
    @Test func theDocsQuoteItsRehearsal() throws {
        let docs = try String(contentsOfFile: Support.root.appendingPathComponent("docs/presenting.md").path, encoding: .utf8)
        let start = Rehearsal.text(try Self.script()).split(separator: "\n", omittingEmptySubsequences: false).prefix(9)
        #expect(docs.contains("$ moneyloop present --rehearse --scenario ai-web-2025\n" + start.joined(separator: "\n") + "\n…\n"))
    }

    static func fields(in template: String) -> [String] {
        template.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}", maxSplits: 1).first.map(String.init) }
    }

    /// A field's text computed straight from the engine's projection (not through `CaptionFields`).
    static func expected(_ field: String, _ loop: MoneyLoop, _ p: LoopProjection, _ state: DemoStepState) -> String {
        let label = { (t: Int?) in t.map { loop.start.adding(months: $0).shortLabel } ?? "not within \(p.horizon) months" }
        let heads = LoopHeadline.all(loop, p)
        let entity = { (s: Substring) in loop.entities.firstIndex { $0.id == s }! }
        func first(_ month: (LoopHeadline) -> Int?) -> String {
            heads.compactMap { h in month(h).map { (h.entity, $0) } }.min { $0.1 < $1.1 }.map { loop.entities[$0.0].name } ?? "nobody"
        }
        if field.hasPrefix("lever.") {
            let lever = LoopLever(id: String(field.dropFirst(6)))!
            return Format.parameterValue(lever.value(in: state.loopLevers), unit: lever.parameter.unit)
        }
        let parts = field.split(separator: ".")
        switch (parts.first ?? "", parts.count) {
        case ("month", 1): return label(state.month)
        case ("first-to-need", 1): return first { $0.need.firstMonth }
        case ("first-out-if-closed", 1): return first { $0.runwayIfClosed }
        case ("deals", 1): return "\(loop.deals.count)"
        case ("deals", 2): return "\(loop.deals.count { $0.status != .binding })"
        case ("need", 2): return label(LoopHeadline(p, entity: entity(parts[1])).need.firstMonth)
        case ("peak", 2): return Format.dollars(LoopHeadline(p, entity: entity(parts[1])).need.peak)
        case ("out-if-closed", 2): return label(LoopHeadline(p, entity: entity(parts[1])).runwayIfClosed)
        case ("share", 3):
            let v = entity(parts[1]), b = entity(parts[2])
            var sales = 0.0, financed = 0.0
            for t in 0...state.month {
                for f in p.flows(month: t) {
                    if f.kind == .purchase, f.from == b, f.to == v { sales += f.amount }
                    if f.from == v, f.to == b, RoundTripLedger.financingKinds.contains(f.kind) { financed += f.amount }
                }
            }
            return sales > 0 ? Format.percent(financed / sales) : "financed \(Format.dollars(financed)) ahead of any sales"
        default:
            Issue.record("the test does not know field {\(field)}")
            return "?"
        }
    }
}
