import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// Notices and hints that name a key take it from the key map: remapping a key in
/// keys.yaml changes what the dashboard tells a person to press.
@Suite struct KeyNoticeTests {
    static let remap = """
        undo: [z]
        follow: [F]
        toStart: [g]
        pause: [Ctrl-P]
        present: [P]
        nextTheme: [T]
        focusNext: [n]
        script.leaveScript: [x]
        script.previousStep: [b]
        cancelInput: [Ctrl-G]
        picker.choose: [Space]
        levers.enterValue: [i]

        """

    static func model(remapped: Bool = true) throws -> Model {
        var m = Model(paused: true)
        if remapped { m.keys = try KeyMap.load(text: remap, file: "keys.yaml") }
        return m
    }

    @Test func resetNamesTheUndoKey() throws {
        for remapped in [false, true] {
            var m = try Self.model(remapped: remapped)
            m.setLever("cw.utilization", to: 0.9)
            _ = update(&m, .key(.char("r")))
            _ = update(&m, .key(.char("y")))
            #expect(m.notice == "all levers reset (\(remapped ? "z" : "u") undoes)")
            m.setLever("cw.utilization", to: 0.8)
            m.input = TextInput(purpose: .command, text: "reset")
            _ = update(&m, .key(.enter))
            #expect(m.notice == "all levers reset (\(remapped ? "z" : "u") undoes)", "the : command says the same")
        }
    }

    @Test func followingNamesTheFollowKey() throws {
        var m = try Self.model()
        m.isFollower = true
        m.following = true
        _ = update(&m, .key(.ctrl("p")))
        #expect(m.notice == "following the presenter: F to explore alone")
        _ = update(&m, .key(.char("F")))
        #expect(m.notice == "exploring alone: F follows again" && !m.following)
        #expect(ActionReach.followingNotice(keys: .standard) == "following the presenter: f to explore alone")
    }

    @Test func horizonNamesStartAndPause() throws {
        var m = try Self.model()
        m.paused = false
        m.month = m.horizon
        _ = update(&m, .tick)
        #expect(m.notice == "reached the horizon: g goes back to the start, Ctrl-P runs")
    }

    @Test func presenterAndProjectorNameTheirKeys() throws {
        var m = try Self.model()
        _ = update(&m, .key(.char("P")))
        #expect(m.presentation.presenting && m.notice == "presenter mode: P for the full dashboard")
        #expect(ProjectorHint.notice(lightBackground: true, theme: .builtInDefault, keys: m.keys)
            == "light background? T or --theme light")
    }

    @Test func lastStepNamesTheScriptKeys() throws {
        var m = try Self.model()
        let script = DemoScript(title: "t", scenarioReference: "x.yaml", scenario: .article2025,
                                steps: [DemoStep(caption: "Only step")])
        _ = ScriptPlayer.start(script, on: &m)
        _ = update(&m, .key(.char(" ")))
        #expect(m.notice == "last step: x leaves the script, b goes back")
    }

    @Test func hintsOnScreenNameTheKeys() throws {
        var m = try Self.model()
        m.input = TextInput(purpose: .command)
        let command = view(m, width: 120, height: 40, caps: .plain).text
        #expect(command.contains("Tab completes · ↑↓ history · Enter runs · Ctrl-G cancels"))
        m.input = nil
        let compact = view(m, width: 80, height: 24, caps: .plain).text
        #expect(compact.contains("n switches") && !compact.contains("Tab switches"))
        #expect(compact.contains("↑↓ choose · ←→ change · i type"))
        m.analytics.overlay = .picker
        m.analytics.scenarios = [ScenarioEntry(name: "bear", title: "Bear", path: nil)]
        #expect(view(m, width: 120, height: 40, caps: .plain).text.contains("↑↓ Space · Esc closes"))
    }
}
