import Foundation
import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// Typing values, the command line, confirmation, scenes, save and undo.
@Suite struct WhatIfTests {
    func type(_ text: String, _ m: inout Model) {
        for c in text { _ = update(&m, .key(.char(c))) }
    }

    @Test func enterTypesAnExactValueWithUnits() {
        var m = Model(paused: true)
        _ = update(&m, .key(.enter))
        _ = update(&m, .key(.ctrl("u")))
        type("82%", &m)
        _ = update(&m, .key(.enter))
        #expect(m.input == nil && abs(m.value("cw.utilization") - 0.82) < 1e-12)
    }

    @Test func aRefusedValueStaysOpenWithTheReason() {
        var m = Model(paused: true)
        _ = update(&m, .key(.enter))
        _ = update(&m, .key(.ctrl("u")))
        type("250%", &m)
        _ = update(&m, .key(.enter))
        #expect(m.input?.error?.contains("out of range") == true)
        #expect(m.value("cw.utilization") == 0.75)
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(text.contains("out of range for cw.utilization; allowed 40% … 100%"))
        _ = update(&m, .key(.escape))
        #expect(m.input == nil)
    }

    @Test(arguments: [
        ("82%", "cw.utilization", 0.82), ("0.82", "cw.utilization", 0.82), ("82", "cw.utilization", 0.82),
        ("1.2B", "vast.dealTotal", 1.2e9), ("$950M", "vast.dealTotal", 950e6), ("18mo", "demand.delayMonths", 18),
        ("5yr", "vast.dealYears", 5), ("200bp", "rates.shockBps", 200), ("120x", "vast.multiple", 120),
        ("$2.35/h", "price.gpuHour", 2.35),
    ])
    func valuesWithUnits(text: String, id: String, expected: Double) throws {
        let p = try #require(ParameterRegistry.parameter(ParameterID(id)))
        #expect(abs(try ValueParser.parse(text, for: p) - expected) < 1e-9)
    }

    @Test(arguments: [
        ("", "type a command: set, reset, scene, scenario, theme, save, export, record, narrate, help, quit"),
        ("sett cw.utilization 90%", "unknown command 'sett'; did you mean :set?"),
        ("set cw.utilisation 90%", "unknown parameter 'cw.utilisation'; did you mean cw.utilization?"),
        ("set cw.utilization", "usage: :set ID VALUE (e.g. :set cw.utilization 90%)"),
        ("set cw.utilization lots", "'lots' is not a number; e.g. 82%"),
        ("set cw.utilization 120%", "120% is out of range for cw.utilization; allowed 40% … 100%"),
        ("set demand.delayMonths 5%", "demand.delayMonths is not a percentage; allowed 0 mo … 24 mo"),
        ("scene 0", "usage: :scene N with N from 1 to 9"),
        ("scenario", "usage: :scenario NAME|FILE"),
        ("export out.txt", "'out.txt': the file name must end in .csv, .json or .svg"),
        ("reset a b", "usage: :reset [ID]"),
    ])
    func commandLineErrors(line: String, message: String) {
        #expect(throws: CommandParser.Failure(message: message)) { try CommandParser.parse(line) }
    }

    @Test func commandLineRunsAndRemembersHistory() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char(":")))
        type("set cw.utilization 90%", &m)
        _ = update(&m, .key(.enter))
        #expect(abs(m.value("cw.utilization") - 0.9) < 1e-12)
        _ = update(&m, .key(.char(":")))
        _ = update(&m, .key(.up))
        #expect(m.input?.text == "set cw.utilization 90%")
    }

    @Test func aWrongCommandChangesNothing() {
        var m = Model(paused: true)
        let before = m.schedule
        _ = update(&m, .key(.char(":")))
        type("set nothing 3", &m)
        _ = update(&m, .key(.enter))
        #expect(m.schedule == before && m.input?.error != nil)
    }

    @Test func tabCompletesCommandsAndIds() {
        #expect(CommandParser.complete("sc").line == "scen")
        #expect(CommandParser.complete("sc").choices == ["scene", "scenario"])
        #expect(CommandParser.complete("exp").line == "export ")
        #expect(CommandParser.complete("set cw.util").line == "set cw.utilization ")
    }

    @Test func resetAllAsksFirst() {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        _ = update(&m, .key(.char("r")))
        _ = update(&m, .key(.char("n")))
        #expect(m.value("cw.utilization") == 0.9)
        _ = update(&m, .key(.char("r")))
        _ = update(&m, .key(.char("y")))
        #expect(m.value("cw.utilization") == 0.75)
    }

    @Test func quitWithUnsavedChangesAsksOnce() {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        #expect(update(&m, .key(.char("q"))) == [])
        #expect(m.confirm == .quit)
        #expect(update(&m, .key(.char("q"))) == [.quit])
    }

    @Test func undoRedoAcrossMixedLeversAndMonths() {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        m.month = 12
        m.setLever("demand.delayMonths", to: 6)
        m.setLever("cw.utilization", to: 0.8)
        let final = m.projection
        m.undo(); m.undo(); m.undo()
        #expect(m.projection == m.baseline)
        m.redo(); m.redo(); m.redo()
        #expect(m.projection == final)
    }

    @Test func sceneSetsLeversMonthAndCaption() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("4")))
        let scene = Scenario.article2025.scenes[3]
        #expect(m.caption?.contains(scene.caption) == true)
        if let month = scene.month { #expect(m.month == month) }
        for l in scene.levers { #expect(m.value(l.id) == l.value) }
        _ = update(&m, .key(.char("u")))
        #expect(m.changedLevers.isEmpty)
    }

    @Test func saveThenLoadGivesTheSameProjection() throws {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        m.month = 10
        m.setLever("demand.delayMonths", to: 12)
        let effects = update(&m, .key(.char("s")))
        guard case let .write(path, contents)? = effects.first else { Issue.record("no write"); return }
        #expect(m.hasUnsavedChanges)
        _ = update(&m, .written(path: path, error: nil))
        #expect(!m.hasUnsavedChanges && m.scenarioPath == path)
        let loaded = try ScenarioFile.load(text: contents, file: path)
        let reloaded = Model(scenario: loaded, paused: true)
        #expect(reloaded.projection == m.projection)
        #expect(reloaded.baseline == m.baseline)
    }

    @Test func aFailedSaveKeepsChangesUnsavedAndSaysWhy() {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        _ = update(&m, .key(.char(":")))
        type("save /nonexistent/x.yaml", &m)
        let effects = update(&m, .key(.enter))
        #expect(effects == [.write(path: "/nonexistent/x.yaml", contents: ScenarioWriter.yaml(m.scenarioWithWhatIf))])
        _ = update(&m, .written(path: "/nonexistent/x.yaml", error: "cannot save /nonexistent/x.yaml: no folder"))
        #expect(m.hasUnsavedChanges && m.notice == "cannot save /nonexistent/x.yaml: no folder")
    }

    @Test func exportWritesTheSimulateSchema() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char(":")))
        type("export out.json", &m)
        let effects = update(&m, .key(.enter))
        guard case let .write(path, contents)? = effects.first else { Issue.record("no write"); return }
        #expect(path == "out.json")
        for key in ["\"scenario\"", "\"start\"", "\"months\"", "\"summary\"", "\"runwayMonths\"", "\"flows\""] {
            #expect(contents.contains(key), "missing \(key)")
        }
    }

    @Test func keyMapRemapsAndRefusesConflicts() throws {
        let map = try KeyMap.load(text: "quit: [x, F10]\n", file: "keys.yaml")
        #expect(map.action(for: .char("x"), focus: .graph) == .quit)
        #expect(map.action(for: .char("q"), focus: .graph) == nil)
        #expect(throws: ConfigError.self) { try KeyMap.load(text: "quit: [u]\n", file: "keys.yaml") }
        do {
            _ = try KeyMap.load(text: "quit: [u]\n", file: "keys.yaml")
        } catch {
            #expect(error.description.contains("u is bound to both"))
        }
        do {
            _ = try KeyMap.load(text: "qiut: [x]\n", file: "keys.yaml")
        } catch {
            #expect(error.description == "keys.yaml:1:1: qiut: unknown action 'qiut'; did you mean quit?")
        }
        do {
            _ = try KeyMap.load(text: "quit: [Hyper-Q]\n", file: "keys.yaml")
        } catch {
            #expect(error.description.contains("'Hyper-Q' is not a key name"))
        }
    }

    @Test func helpSearchFilters() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("?")))
        _ = update(&m, .key(.char("/")))
        type("undo", &m)
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(text.contains("Undo the last lever change"))
        #expect(!text.contains("Quit and give the terminal back"))
    }
}

/// Follow mode: the presenter's inputs apply; a follower's own lever keys are refused.
@Suite struct FollowTests {
    @Test func sharedStateRoundTripsAndFollowingAppliesIt() throws {
        var presenter = Model(paused: true)
        presenter.setLever("cw.utilization", to: 0.9)
        presenter.month = 7
        let line = SharedState(presenter).line()
        let state = try #require(SharedState.parse(line))
        var follower = Model(paused: false)
        follower.isFollower = true
        follower.following = true
        _ = update(&follower, .shared(state))
        #expect(follower.month == 7 && follower.paused)
        #expect(follower.projection == presenter.projection)
        _ = update(&follower, .key(.right))
        #expect(follower.value("cw.utilization") == 0.9)
        #expect(follower.notice == "following the presenter: f to explore alone")
        _ = update(&follower, .key(.char("f")))
        _ = update(&follower, .key(.right))
        #expect(abs(follower.value("cw.utilization") - 0.91) < 1e-9)
    }

    @Test func garbageIsNotAState() {
        #expect(SharedState.parse("not json") == nil)
        #expect(SharedState.parse("{\"month\": 3}") == nil)
    }
}

/// `:record FILE` saves the session as a demo script that replays to the same state.
@Suite struct RecordCommandTests {
    @Test func recordWritesAScriptThatReplaysToTheSameState() throws {
        var m = Model(paused: true)
        m.setLever("cw.utilization", to: 0.9)
        m.month = 12
        m.setLever("demand.delayMonths", to: 6)
        let effects = run(try CommandParser.parse("record session.yaml"), &m)
        guard case let .write(path, contents)? = effects.first else { Issue.record("no write"); return }
        #expect(path == "session.yaml")
        let script = try DemoScriptFile.load(YAMLDocument(text: contents, file: path), baseDirectory: ".")
        let last = script.state(at: script.steps.count - 1)
        #expect(Engine.project(script.scenario, schedule: last.schedule) == m.projection)
        #expect(throws: CommandParser.Failure(message: "usage: :record FILE.yaml (a demo script of this session)")) {
            try CommandParser.parse("record")
        }
    }
}
