import Foundation
import LoopConfig
import LoopSim
import TestSupport
import Testing
@testable import LoopDashboard

/// Demo scripts of loop files: the same reader as the article's scripts, with a loop's
/// levers, its panels and caption fields filled from the generic engine; bad ones refused
/// with file, line and key.
@Suite struct LoopDemoScriptFileTests {
    static let locator = ScenarioLocator(searchDirectories: [Support.root.appendingPathComponent("scenarios").path])

    static func load(_ text: String) throws(ConfigError) -> DemoScript {
        try DemoScriptFileTests.load(text, file: "loop-demo.yaml", locator: locator)
    }

    static let invalid: [(String, String, String)] = [
        ("loop-at.yaml", "scenario: ai-web-2025\nsteps:\n  - caption: hi\n    at: 3\n",
         "loop-at.yaml:4:9: steps[0].at: a loop's levers apply from month 0: leave 'at' out"),
        ("loop-lever.yaml", "scenario: ai-web-2025\nsteps:\n  - caption: hi\n    set: {loop.nonBindng: 0}\n",
         "loop-lever.yaml:4:11: steps[0].set.loop.nonBindng: not a loop lever (did you mean loop.nonBinding?); levers: "
            + LoopLever.allCases.map(\.id).joined(separator: ", ")),
        ("loop-range.yaml", "scenario: ai-web-2025\nsteps:\n  - caption: hi\n    set: {credit.window: 2}\n",
         "loop-range.yaml:4:26: steps[0].set.credit.window: 2 is out of range; allowed 0 … 1"),
        ("loop-focus.yaml", "scenario: ai-web-2025\nsteps:\n  - caption: hi\n    focus: stall\n",
         "loop-focus.yaml:4:12: steps[0].focus: 'stall' is not a panel; allowed: graph, levers, runway, roundtrip"),
        ("loop-field.yaml", "scenario: ai-web-2025\nsteps:\n  - caption: \"{need.openia} soon\"\n",
         "loop-field.yaml:3:14: steps[0].caption: {need.openia} is not a field of this loop; fields: "
            + CaptionFields.forms.joined(separator: ", ") + " (e, v, b: entity ids)"),
        ("article-field.yaml", "steps:\n  - caption: \"{need.coreweave}\"\n",
         "article-field.yaml:2:14: steps[0].caption: caption fields in braces are filled for loop files only; "
            + "this script plays the article's scenario"),
    ]

    @Test(arguments: invalid)
    func invalidLoopScriptGivesItsMessage(file: String, text: String, expected: String) {
        DemoScriptFileTests.expectRefused(text, file: file, expected, locator: Self.locator)
    }

    static let valid = """
        scenario: ai-web-2025
        steps:
          - caption: "{first-to-need} first, from {need.openai}; by {month}, {share.nvidia.coreweave}"
            month: 1
            focus: roundtrip
          - caption: "Only signed: {deals.unsigned} of {deals} gone; window {lever.credit.window}"
            set: {loop.nonBinding: 0, credit.window: 0.5}
          - caption: As filed again
            reset: true
        """

    @Test func loopScriptFoldsLoopLeversAndFillsFields() throws {
        let s = try Self.load(Self.valid)
        let loop = try #require(s.loop)
        #expect(s.scenarioName == "ai-web-2025" && s.horizon == loop.horizon && s.start == loop.start)
        #expect(s.state(at: 0).focus == .concentration && s.state(at: 0).loopLevers == LoopLevers())
        #expect(s.state(at: 1).loopLevers == LoopLevers(nonBinding: 0, creditWindow: 0.5))
        #expect(s.state(at: 2).loopLevers == LoopLevers() && s.state(at: 2).month == 1)
        let p = LoopEngine.project(loop)
        let need = try #require(LoopHeadline(p, entity: loop.entities.firstIndex { $0.id == "openai" }!).need.firstMonth)
        let backstop = p.flows(month: 0).filter { $0.kind == .backstop }.map(\.amount).reduce(0, +)
            + p.flows(month: 1).filter { $0.kind == .backstop }.map(\.amount).reduce(0, +)
        #expect(s.steps[0].caption == "OpenAI first, from \(loop.start.adding(months: need).shortLabel); by "
            + "\(loop.start.adding(months: 1).shortLabel), financed \(Format.dollars(backstop)) ahead of any sales")
        let unsigned = loop.deals.filter { $0.status != .binding }.count
        #expect(s.steps[1].caption == "Only signed: \(unsigned) of \(loop.deals.count) gone; window 50%")
        #expect(s.steps[2].caption == "As filed again" && s.steps[2].template == nil)
        #expect(s.steps[0].template == "{first-to-need} first, from {need.openai}; by {month}, {share.nvidia.coreweave}")
    }

    /// Written back, a loop script keeps its fields and its round-trip focus.
    @Test func writerKeepsFieldsAndPanels() throws {
        let s = try Self.load(Self.valid)
        let yaml = DemoScriptWriter.yaml(s)
        #expect(yaml.contains("{need.openai}") && yaml.contains("focus: roundtrip"))
        #expect(try Self.load(yaml) == s)
    }

    /// The article's shipped demo plays exactly as before: its rehearsal and every step's screen.
    @Test func articleDemoIsUnchanged() throws {
        let script = try ShippedDemoTests.script()
        #expect(script.loop == nil)
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        var screens = Rehearsal.text(script)
        for i in script.steps.indices {
            if i > 0 { ScriptPlayerTests.press(.right, &m) }
            screens += "\n── step \(i + 1)\n" + view(m, width: 120, height: 40, caps: .plain).text
        }
        expectGolden(screens, "present-money-loop-120x40")
    }
}
