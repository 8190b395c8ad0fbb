import Foundation
import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// Reading, validating and writing demo scripts; recordings that replay.
@Suite struct DemoScriptFileTests {
    /// Only the compiled-in scenario, so messages do not depend on the machine.
    static let locator = ScenarioLocator(searchDirectories: [])

    static func load(_ text: String, file: String = "demo.yaml",
                     locator: ScenarioLocator = locator) throws(ConfigError) -> DemoScript
    {
        try DemoScriptFile.load(YAMLDocument(text: text, file: file), baseDirectory: "/nonexistent", locator: locator)
    }

    /// Reading `text` as `file` fails with exactly `expected`.
    static func expectRefused(_ text: String, file: String, _ expected: String, locator: ScenarioLocator = locator,
                              sourceLocation: SourceLocation = #_sourceLocation)
    {
        do {
            _ = try load(text, file: file, locator: locator)
            Issue.record("\(file) loaded", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        }
    }

    /// Invalid scripts (name, text) and the exact message each must give.
    static let invalid: [(String, String, String)] = [
        ("unknown-key.yaml", "steps:\n  - caption: hi\n    sett:\n      cw.utilization: 0.9\n",
         "unknown-key.yaml:3:5: steps[0].sett: unknown key (did you mean 'set'?); "
            + "allowed: caption, reset, at, set, month, focus, maximize, elapsed"),
        ("unknown-parameter.yaml", "steps:\n  - caption: hi\n    set:\n      cw.utilisation: 0.9\n",
         "unknown-parameter.yaml:4:7: steps[0].set.cw.utilisation: unknown parameter "
            + "(did you mean cw.utilization?); `moneyloop params` lists them"),
        ("lever-range.yaml", "steps:\n  - caption: hi\n  - caption: too much\n    set: {cw.utilization: 1.5}\n",
         "lever-range.yaml:4:27: steps[1].set.cw.utilization: 1.5 is out of range; allowed 0.4 (40%) … 1 (100%)"),
        ("month-range.yaml", "steps:\n  - caption: later\n    month: 200\n",
         "month-range.yaml:3:12: steps[0].month: 200 is out of range; allowed 0 … 60 (the horizon)"),
        ("at-range.yaml", "steps:\n  - caption: before\n    at: -1\n",
         "at-range.yaml:3:9: steps[0].at: -1 is out of range; allowed 0 … 60 (the horizon)"),
        ("month-type.yaml", "steps:\n  - caption: later\n    month: soon\n",
         "month-type.yaml:3:12: steps[0].month: expected a whole number, found 'soon'"),
        ("bad-focus.yaml", "steps:\n  - caption: look\n    focus: chart\n",
         "bad-focus.yaml:3:12: steps[0].focus: 'chart' is not a panel; allowed: graph, levers, runway, "
            + "concentration, stall, factcheck"),
        ("three-lines.yaml", "steps:\n  - caption: |\n      one\n      two\n      three\n",
         "three-lines.yaml:2:14: steps[0].caption: 3 lines; a caption has one or two (it is shown as a banner)"),
        ("empty-caption.yaml", "steps:\n  - caption: \"\"\n",
         "empty-caption.yaml:2:14: steps[0].caption: expected a caption of one or two lines"),
        ("long-caption.yaml", "steps:\n  - caption: " + String(repeating: "x", count: 121) + "\n",
         "long-caption.yaml:2:14: steps[0].caption: line 1 has 121 characters; at most 120"),
        ("no-steps.yaml", "title: nothing\nsteps: []\n",
         "no-steps.yaml:2:8: steps: expected at least one step"),
        ("missing-steps.yaml", "title: nothing\n",
         "missing-steps.yaml:1:1: steps: missing required key"),
        ("missing-caption.yaml", "steps:\n  - month: 3\n",
         "missing-caption.yaml:2:5: steps[0].caption: missing required key"),
        ("unknown-scenario.yaml", "scenario: artcle-2025\nsteps:\n  - caption: hi\n",
         "unknown-scenario.yaml:1:11: scenario: no such scenario (did you mean article-2025?); known: article-2025; "
            + "or give a path to a .yaml file"),
        ("missing-scenario-file.yaml", "scenario: nope.yaml\nsteps:\n  - caption: hi\n",
         "missing-scenario-file.yaml:1:11: scenario: no such scenario file: /nonexistent/nope.yaml"),
        ("bad-speed.yaml", "speed: 0\nsteps:\n  - caption: hi\n",
         "bad-speed.yaml:1:8: speed: expected months per second, more than 0 and at most 64"),
        ("not-a-mapping.yaml", "- caption: hi\n",
         "not-a-mapping.yaml:1:1: expected a mapping of demo script keys (title, scenario, steps)"),
        ("syntax-error.yaml", "steps: [\n  - caption: hi\n",
         "syntax-error.yaml:2:3: syntax error: did not find expected node content (while parsing a flow node)"),
    ]

    @Test(arguments: invalid)
    func invalidScriptGivesItsMessage(file: String, text: String, expected: String) {
        Self.expectRefused(text, file: file, expected)
    }

    static let valid = """
        title: A short demo
        speed: 4
        steps:
          - caption: |
              The loop as it stands
              second line
            focus: runway
          - caption: Utilization to 90%
            set:
              cw.utilization: 0.9
              demand.delayMonths: 6
            month: 12
            maximize: true
          - caption: Start over
            reset: true
            at: 3
            set: {price.declinePerYear: 0.35}
        """

    @Test func validScriptReadsEveryKey() throws {
        let s = try Self.load(Self.valid)
        #expect(s.title == "A short demo" && s.speed == 4 && s.scenario == .article2025)
        #expect(s.scenarioReference == "article-2025")
        #expect(s.steps.count == 3)
        #expect(s.steps[0].caption == "The loop as it stands\nsecond line" && s.steps[0].focus == .runway)
        #expect(s.steps[1].levers == [SceneLever(id: "cw.utilization", value: 0.9),
                                      SceneLever(id: "demand.delayMonths", value: 6)])
        #expect(s.steps[1].month == 12 && s.steps[1].maximize)
        #expect(s.steps[2].reset && s.steps[2].at == 3)
    }

    @Test func stateFoldsTheStepsInOrder() throws {
        let s = try Self.load(Self.valid)
        let base = Scenario.article2025.parameters
        #expect(s.state(at: 0) == DemoStepState(schedule: LeverSchedule(base: base), month: 0, fromMonth: 0,
                                                focus: .runway, maximized: false))
        let second = LeverSchedule(base: base, changes: [LeverChange(month: 0, id: "cw.utilization", value: 0.9),
                                                         LeverChange(month: 0, id: "demand.delayMonths", value: 6)])
        #expect(s.state(at: 1) == DemoStepState(schedule: second, month: 12, fromMonth: 0, focus: .runway,
                                                maximized: true))
        let third = LeverSchedule(base: base, changes: [LeverChange(month: 3, id: "price.declinePerYear", value: 0.35)])
        #expect(s.state(at: 2) == DemoStepState(schedule: third, month: 12, fromMonth: 12, focus: .runway,
                                                maximized: false))
    }

    @Test func writerRoundTrips() throws {
        let s = try Self.load(Self.valid)
        let again = try Self.load(DemoScriptWriter.yaml(s))
        #expect(again == s)
    }

    @Test func recordedSessionReplaysToTheSameFinalState() throws {
        // A session: utilization up at month 0, the clock run to 7, demand delayed and the
        // price cut there, one change undone, a lever changed again at month 15.
        var m = Model(paused: true)
        for _ in 0..<10 { _ = update(&m, .key(.right)) }
        m.month = 7
        _ = update(&m, .key(.down))
        _ = update(&m, .key(.right))
        _ = update(&m, .key(.down))
        _ = update(&m, .key(.right))
        _ = update(&m, .key(.char("u")))
        _ = update(&m, .key(.down))
        _ = update(&m, .key(.right))
        m.month = 15
        _ = update(&m, .key(.up))
        _ = update(&m, .key(.up))
        _ = update(&m, .key(.up))
        _ = update(&m, .key(.right))
        m.month = 21
        #expect(m.schedule.changes.count >= 3)

        let script = DemoScript.recording(of: m)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ml-record-\(getpid()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DemoScriptWriter.write(script, to: path)
        let loaded = try DemoScriptFile.load(contentsOf: path, locator: Self.locator)
        #expect(loaded == script)

        var replay = Model(paused: true)
        _ = ScriptPlayer.start(loaded, on: &replay, at: loaded.steps.count - 1)
        #expect(replay.schedule == m.schedule)
        #expect(replay.month == m.month)
        #expect(replay.projection == m.projection)
    }

    @Test func recordingGroupsChangesByMonthAndKeepsTimes() {
        let changes = [LeverChange(month: 0, id: "cw.utilization", value: 0.9),
                       LeverChange(month: 0, id: "demand.delayMonths", value: 12),
                       LeverChange(month: 12, id: "price.declinePerYear", value: 0.35)]
        let s = DemoScript.recording(from: .article2025, reference: "article-2025", changes: changes, finalMonth: 30,
                                     elapsed: [5, 9.5, 83])
        #expect(s.steps.map(\.caption) == [
            "Month 0 (Nov 25): GPU utilization 90%, Demand delay 12 mo",
            "Month 12 (Nov 26): Price pressure (decline per year) 35%",
            "Where the session ended: month 30 (May 28)",
        ])
        #expect(s.steps.map(\.at) == [0, 12, nil])
        #expect(s.steps.map(\.month) == [0, 12, 30])
        #expect(s.steps.map(\.elapsed) == [5, 83, nil])
        let yaml = DemoScriptWriter.yaml(s)
        #expect(yaml.contains("    elapsed: 83  # 1:23 into the session\n"))
        #expect(s.state(at: 2).schedule == LeverSchedule(base: Scenario.article2025.parameters, changes: changes))
    }

    @Test func changeTimesStampEachChangeOnce() {
        var times = ChangeTimes()
        var schedule = LeverSchedule(base: Scenario.article2025.parameters)
        let a = LeverChange(month: 0, id: "cw.utilization", value: 0.8)
        let b = LeverChange(month: 4, id: "demand.delayMonths", value: 3)
        schedule.apply(a)
        times.note(schedule, seconds: 2)
        times.note(schedule, seconds: 3)
        schedule.apply(b)
        times.note(schedule, seconds: 10)
        #expect(times.seconds(for: [a, b, LeverChange(month: 1, id: "cw.utilization", value: 1)]) == [2, 10, nil])
    }
}

/// `update` stamps lever changes with the session time the event loop last sent.
@Suite struct ElapsedMessageTests {
    @Test func aChangeIsStampedWithTheLastElapsedTime() {
        var m = Model(paused: true)
        _ = update(&m, .elapsed(seconds: 42))
        _ = update(&m, .key(.right))
        _ = update(&m, .elapsed(seconds: 50))
        #expect(m.presentation.changeTimes.seconds(for: m.schedule.changes) == [42])
    }
}
