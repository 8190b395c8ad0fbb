@testable import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// Every action of the key table, pressed through its first key: the model and the frame change as promised.
@Suite struct KeyActionTests {
    /// A model to press keys on, and a check of what the press did.
    struct Case: Sendable, CustomStringConvertible {
        var action: Action
        var setUp: @Sendable (inout Model) -> Void = { _ in }
        var check: @Sendable (Model, [Effect], String) -> Bool
        var description: String { action.rawValue }
    }

    static let cases: [Case] = [
        Case(action: .help) { m, _, text in m.showHelp && text.contains("Keys") },
        Case(action: .quit) { m, e, _ in e == [.quit] },
        Case(action: .focusNext) { m, _, text in m.focus == .runway && text.contains("[Revenue runway]") },
        Case(action: .focusPrevious) { m, _, text in m.focus == .graph && text.contains("[Funding graph]") },
        Case(action: .moveUp, setUp: { $0.selectedLever = 2 }) { m, _, _ in m.selectedLever == 1 },
        Case(action: .moveDown) { m, _, _ in m.selectedLever == 1 },
        Case(action: .leverDown) { m, _, text in abs(m.value("cw.utilization") - 0.74) < 1e-9 && text.contains("74%") },
        Case(action: .leverUp) { m, _, text in abs(m.value("cw.utilization") - 0.76) < 1e-9 && text.contains("76%") },
        Case(action: .leverDownCoarse) { m, _, _ in abs(m.value("cw.utilization") - 0.65) < 1e-9 },
        Case(action: .leverUpCoarse) { m, _, text in abs(m.value("cw.utilization") - 0.85) < 1e-9 && text.contains("85%") },
        Case(action: .resetLever, setUp: { $0.setLever("cw.utilization", to: 0.9) }) { m, _, _ in
            m.value("cw.utilization") == 0.75
        },
        Case(action: .resetAll, setUp: { $0.setLever("cw.utilization", to: 0.9) }) { m, _, text in
            m.confirm == .resetAll && text.contains("Reset every lever")
        },
        Case(action: .undo, setUp: { $0.setLever("cw.utilization", to: 0.9) }) { m, _, _ in m.value("cw.utilization") == 0.75 },
        Case(action: .redo, setUp: { $0.setLever("cw.utilization", to: 0.9); $0.undo() }) { m, _, _ in
            m.value("cw.utilization") == 0.9
        },
        Case(action: .pause) { m, e, text in !m.paused && e == [.clockChanged] && text.contains("running") },
        Case(action: .stepForward) { m, _, text in m.month == 1 && text.contains("month 1/60") },
        Case(action: .stepBack, setUp: { $0.month = 5 }) { m, _, _ in m.month == 4 },
        Case(action: .faster) { m, e, _ in m.speed == 4 && e == [.clockChanged] },
        Case(action: .slower) { m, e, _ in m.speed == 1 && e == [.clockChanged] },
        Case(action: .toStart, setUp: { $0.month = 9 }) { m, _, _ in m.month == 0 },
        Case(action: .toEnd) { m, _, text in m.month == 60 && text.contains("month 60/60") },
        Case(action: .maximize) { m, _, text in m.maximized && text.contains("e restore") },
        Case(action: .enterValue) { m, _, text in
            m.input?.purpose == .leverValue("cw.utilization") && text.contains("GPU utilization = 75%")
        },
        Case(action: .commandLine) { m, _, text in m.input?.purpose == .command && text.contains("Tab completes") },
        Case(action: .save) { m, e, _ in
            if case .write(let path, let contents)? = e.first {
                return path == "article-2025-whatif.yaml" && contents.contains("name: \"article-2025\"") && m.pendingSave != nil
            }
            return false
        },
        Case(action: .scene) { m, _, text in m.caption?.hasPrefix("As announced") == true && text.contains("As announced") },
        Case(action: .follow) { m, e, text in
            // Not started with --follow: nothing to follow, and it says so.
            !m.following && e.isEmpty && text.contains("not following anyone")
        },
        Case(action: .nextTheme, setUp: {
            $0.themes = ThemeCycle(themes: [.builtInDefault, Theme(name: "paper", kind: .light, roles: [:])])
        }) { m, e, text in e == [.themeChanged] && m.themes.current.name == "paper" && text.contains("theme paper") },
        Case(action: .monteCarlo) { m, e, _ in
            m.analytics.enabled && e.contains { if case .analytics(.startMonteCarlo) = $0 { true } else { false } }
        },
        Case(action: .tornado) { m, _, text in m.analytics.overlay == .tornado && text.contains("Sensitivity:") },
        Case(action: .compare) { m, e, text in e == [.analytics(.listScenarios)] && text.contains("reading scenarios") },
        Case(action: .present) { m, _, text in m.presentation.presenting && (text.contains("First to need money") || text.contains("First need")) },
        Case(action: .nextStep, setUp: { _ = ScriptPlayer.start(twoSteps, on: &$0) }) { m, e, text in
            m.presentation.player?.index == 1 && m.presentation.player?.targetMonth == 3 && !m.paused
                && e == [.clockChanged] && text.contains("Step 2/2  Later")
        },
        Case(action: .previousStep, setUp: { _ = ScriptPlayer.start(twoSteps, on: &$0, at: 1) }) { m, _, text in
            m.presentation.player?.index == 0 && m.month == 0 && text.contains("Step 1/2  Now")
        },
        Case(action: .jumpToStep, setUp: { _ = ScriptPlayer.start(twoSteps, on: &$0, at: 1) }) { m, _, text in
            m.presentation.player?.index == 0 && text.contains("Step 1/2  Now")
        },
        Case(action: .leaveScript, setUp: { _ = ScriptPlayer.start(twoSteps, on: &$0, at: 1) }) { m, _, text in
            m.presentation.player == nil && m.month == 3 && !text.contains("Step 2/2")
        },
        Case(action: .dismiss, setUp: { $0.maximized = true }) { m, _, _ in !m.maximized },
        Case(action: .closeHelp, setUp: { $0.showHelp = true; $0.helpQuery = "x" }) { m, _, text in
            !m.showHelp && m.helpQuery.isEmpty && !text.contains("Esc closes")
        },
        Case(action: .searchHelp, setUp: { $0.showHelp = true }) { m, _, _ in m.input?.purpose == .helpSearch },
        Case(action: .answerYes, setUp: { $0.setLever("cw.utilization", to: 0.9); $0.confirm = .resetAll }) { m, _, text in
            m.value("cw.utilization") == 0.75 && m.confirm == nil && text.contains("all levers reset")
        },
        Case(action: .saveAndQuit, setUp: { $0.setLever("cw.utilization", to: 0.9); $0.confirm = .quit }) { m, e, _ in
            if case .write(let path, _)? = e.first { return path == "article-2025-whatif.yaml" && m.pendingSave?.thenQuit == true }
            return false
        },
        Case(action: .nextMetric, setUp: { AnalyticsUpdate.openTornado(&$0) }) { m, _, _ in
            m.analytics.tornadoMetric == 1 && m.analytics.overlay == .tornado
        },
        Case(action: .previousMetric, setUp: { AnalyticsUpdate.openTornado(&$0) }) { m, _, _ in
            m.analytics.tornadoMetric == Metric.standard(horizon: m.horizon).count - 1
        },
        Case(action: .closeOverlay, setUp: { AnalyticsUpdate.openTornado(&$0) }) { m, _, text in
            m.analytics.overlay == nil && !text.contains("Sensitivity:")
        },
        Case(action: .choose, setUp: {
            $0.analytics.overlay = .picker
            $0.analytics.scenarios = [ScenarioEntry(name: "bear", title: "Bear", path: "scenarios/bear.yaml")]
        }) { _, e, _ in e == [.analytics(.loadComparison("scenarios/bear.yaml"))] },
        Case(action: .submitInput, setUp: { $0.input = TextInput(purpose: .command, text: "help") }) { m, _, _ in
            m.input == nil && m.showHelp
        },
        Case(action: .cancelInput, setUp: { $0.input = TextInput(purpose: .command, text: "help") }) { m, _, _ in
            m.input == nil && !m.showHelp
        },
        Case(action: .complete, setUp: { $0.input = TextInput(purpose: .command, text: "reco") }) { m, _, _ in
            m.input?.text == "record "
        },
        Case(action: .cursorLeft, setUp: { $0.input = TextInput(purpose: .command, text: "ab") }) { m, _, _ in
            m.input?.cursor == 1
        },
        Case(action: .cursorRight, setUp: { $0.input = TextInput(purpose: .command, text: "ab"); $0.input?.cursor = 0 }) {
            m, _, _ in m.input?.cursor == 1
        },
        Case(action: .lineStart, setUp: { $0.input = TextInput(purpose: .command, text: "ab") }) { m, _, _ in
            m.input?.cursor == 0
        },
        Case(action: .lineEnd, setUp: { $0.input = TextInput(purpose: .command, text: "ab"); $0.input?.cursor = 0 }) {
            m, _, _ in m.input?.cursor == 2
        },
        Case(action: .deleteBackward, setUp: { $0.input = TextInput(purpose: .command, text: "ab") }) { m, _, _ in
            m.input?.text == "a"
        },
        Case(action: .deleteForward, setUp: { $0.input = TextInput(purpose: .command, text: "ab"); $0.input?.cursor = 0 }) {
            m, _, _ in m.input?.text == "b"
        },
        Case(action: .clearLine, setUp: { $0.input = TextInput(purpose: .command, text: "ab") }) { m, _, _ in
            m.input?.text == ""
        },
        Case(action: .historyPrevious, setUp: { $0.history = ["save"]; $0.input = TextInput(purpose: .command) }) {
            m, _, _ in m.input?.text == "save"
        },
        Case(action: .point, setUp: { $0.setFocus(.graph); $0.ui.pointer = .node(.vast) }) { m, _, _ in
            m.selectedNode == .vast
        },
        Case(action: .setLever, setUp: { $0.ui.pointer = .lever(index: 0, value: 0.9) }) { m, _, text in
            m.value("cw.utilization") == 0.9 && text.contains("90%") && m.ui.dragLever == 0
        },
        Case(action: .historyNext, setUp: {
            $0.history = ["a", "b"]
            $0.input = TextInput(purpose: .command)
            $0.input?.historyIndex = 0
        }) { m, _, _ in m.input?.text == "b" },
    ]

    /// A two-step demo script for the script keys.
    static let twoSteps = DemoScript(title: "t", scenarioReference: "article-2025", scenario: .article2025, steps: [
        DemoStep(caption: "Now"), DemoStep(caption: "Later", levers: [SceneLever(id: "cw.utilization", value: 0.9)], month: 3),
    ])

    @Test func everyActionHasACase() {
        #expect(Set(Self.cases.map(\.action)) == Set(Action.allCases))
        for a in Action.allCases { #expect(KeyTable.bindings.contains { $0.action == a }, "\(a) has no key") }
    }

    @Test(arguments: cases)
    func pressingTheKeyDoesTheAction(c: Case) throws {
        let binding = try #require(KeyTable.bindings.first { $0.action == c.action })
        var m = Model(paused: true)
        m.setFocus(binding.context == .graph ? .graph : .levers)
        if c.action == .focusPrevious { m.setFocus(.levers) }
        c.setUp(&m)
        let effects = update(&m, .key(binding.keys[0]))
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(c.check(m, effects, text), "\(binding.keyLabel) → \(c.action)")
    }

    @Test func everyFunctionKeyHasALetterTwin() {
        for b in KeyTable.bindings where b.keys.contains(where: { if case .function = $0 { true } else { false } }) {
            #expect(b.keys.contains { if case .char = $0 { true } else { false } }, "\(b.action) has only an F-key")
        }
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        #expect(KeyMap.standard.firstConflict() == nil)
    }

    @Test func everyContextBindsSomething() {
        for c in KeyContext.allCases { #expect(KeyTable.bindings.contains { $0.context == c }, "\(c) binds nothing") }
    }

    /// Each mode's keys can be remapped: here the picker's choice, the quit question's yes and
    /// the text field's submit, by context; the question then asks with the new keys.
    @Test func keysOfEveryContextCanBeRemapped() throws {
        let map = try KeyMap.load(text: "picker.choose: [Space]\nquitQuestion.answerYes: [x]\nsubmitInput: [Ctrl-J]\n",
                                  file: "keys.yaml")
        var m = Model(paused: true)
        m.keys = map
        m.analytics.overlay = .picker
        m.analytics.scenarios = [ScenarioEntry(name: "bear", title: "Bear", path: nil)]
        #expect(update(&m, .key(.enter)).isEmpty)
        #expect(update(&m, .key(.char(" "))) == [.analytics(.loadComparison("bear"))])
        m.analytics.overlay = nil
        #expect(map.action(for: .char("y"), in: [.resetQuestion]) == .answerYes)  // only the quit question's changed
        #expect(Confirmation.quit.question(keys: map).contains("x yes · s save"))
        m.input = TextInput(purpose: .command, text: "help")
        _ = update(&m, .key(.ctrl("j")))
        #expect(m.input == nil && m.showHelp)
        #expect(throws: ConfigError.self) { try KeyMap.load(text: "pickr.choose: [x]\n", file: "keys.yaml") }
        #expect(throws: ConfigError.self) { try KeyMap.load(text: "picker.pause: [x]\n", file: "keys.yaml") }
    }

    /// One place decides what an action may do: following refuses the clock and the
    /// what-if, read-only the what-if and files, each with its one notice, for keys and
    /// `:` commands alike.
    @Test func followingAndReadOnlyRefuseThroughOneCheck() {
        for b in KeyTable.bindings where b.context == .global || b.context == .levers {
            var follower = Model(paused: true)
            follower.following = true
            follower.isFollower = true
            let reason = b.disabledReason(in: follower)
            #expect((reason == ActionReach.followingNotice(keys: .standard)) == (b.action.reach == .clock || b.action.reach == .whatIf))
            var locked = Model(paused: true)
            locked.presentation.readOnly = true
            #expect((b.disabledReason(in: locked) == ActionReach.readOnlyNotice) == (b.action.reach == .whatIf || b.action.reach == .files))
        }
        var m = Model(paused: true)
        m.following = true
        m.input = TextInput(purpose: .command, text: "set cw.utilization 90%")
        _ = update(&m, .key(.enter))
        #expect(m.notice == ActionReach.followingNotice(keys: .standard) && m.schedule.isEmpty)
    }
}
