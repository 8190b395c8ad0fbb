import Foundation
import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// Demo scripts played headless: each step shows what the engine computes for it, going
/// back or jumping reproduces a step exactly, Esc keeps the state.
@Suite struct ScriptPlayerTests {
    static let width = 120, height = 40

    static let script = """
        title: test
        speed: 4
        steps:
          - caption: As it stands
          - caption: Utilization to 90%, a year on
            set: {cw.utilization: 0.9}
            month: 12
          - caption: Demand late from here
            set: {demand.delayMonths: 12}
          - caption: Start over with a price war
            reset: true
            at: 0
            set: {price.declinePerYear: 0.35}
            month: 24
            focus: runway
            maximize: true
        """

    static func load(_ text: String = script) throws -> DemoScript {
        try DemoScriptFile.load(YAMLDocument(text: text, file: "test.yaml"), baseDirectory: "/",
                                locator: ScenarioLocator(searchDirectories: []))
    }

    static func started(_ script: DemoScript) -> Model {
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        return m
    }

    /// Presses `key`, then feeds clock ticks until a running step reaches its month.
    static func press(_ key: Key, _ m: inout Model) {
        _ = update(&m, .key(key))
        var guardTicks = 0
        while m.presentation.player?.targetMonth != nil, guardTicks < 200 {
            _ = update(&m, .tick)
            guardTicks += 1
        }
    }

    static func frame(_ m: Model, caps: Capabilities = .plain) -> Frame {
        view(m, width: width, height: height, caps: caps)
    }

    /// True when the big-digit rendering of `text` (any size) appears in the frame.
    static func shows(_ f: Frame, big text: String, tier: GlyphTier = .braille) -> Bool {
        let rows = (0..<f.height).map { Array(f.row($0).unicodeScalars) }
        return BigDigits.Size.allCases.contains { size in
            let lines = BigDigits(text, size: size, tier: tier).lines.map { Array($0.unicodeScalars) }
            guard let w = lines.first?.count, w <= f.width, lines.count <= f.height else { return false }
            return (0...(f.height - lines.count)).contains { y in
                (0...(f.width - w)).contains { x in
                    lines.indices.allSatisfy { i in Array(rows[y + i][x..<x + w]) == lines[i] }
                }
            }
        }
    }

    /// The big values the headline shows for `h` (the same words `HeadlinePanel` draws).
    static func bigValues(_ h: Headline) -> [String] {
        let months = { (m: Int?) in m.map(String.init) ?? ">\(h.horizon)" }
        return [months(h.coreweaveNeed.firstMonth), months(h.coreweaveRunwayIfClosed), months(h.vastNeed.firstMonth),
                Headline.shortName(h.firstToNeedMoney), Format.percent(h.vastShareFromCoreWeave),
                Format.percent(h.utilization)]
    }

    @Test func scriptRunsStepByStepWithTheEnginesNumbers() throws {
        let script = try Self.load()
        var m = Self.started(script)
        let base = Scenario.article2025.parameters
        let util = LeverChange(month: 0, id: "cw.utilization", value: 0.9)
        let demand = LeverChange(month: 12, id: "demand.delayMonths", value: 12)
        let price = LeverChange(month: 0, id: "price.declinePerYear", value: 0.35)
        // What each step must show: the schedule and month written out by hand.
        let expected: [(LeverSchedule, Int)] = [
            (LeverSchedule(base: base), 0),
            (LeverSchedule(base: base, changes: [util]), 12),
            (LeverSchedule(base: base, changes: [util, demand]), 12),
            (LeverSchedule(base: base, changes: [price]), 24),
        ]
        for (i, (schedule, month)) in expected.enumerated() {
            if i > 0 { Self.press(.char(" "), &m) }
            #expect(m.presentation.player?.index == i)
            #expect(m.month == month && m.paused)
            let engine = Headline(Engine.project(.article2025, schedule: schedule), month: month)
            let shown = HeadlinePanel(model: m, caps: .plain).headline
            #expect(shown == engine, "step \(i + 1)")
            let f = Self.frame(m)
            for value in Self.bigValues(engine) {
                let shown = Self.shows(f, big: value)
                #expect(shown, "step \(i + 1) does not show \(value):\n\(f.text)")
            }
            #expect(f.text.contains("Step \(i + 1)/4"))
        }
        #expect(m.maximized && m.focus == .runway)
    }

    @Test func aStepRunsTheClockAtTheChosenSpeedAndPausesAtItsMonth() throws {
        var m = Self.started(try Self.load())
        #expect(m.speed == 4)
        let effects = update(&m, .key(.right))
        #expect(effects == [.clockChanged] && !m.paused && m.month == 0)
        #expect(m.presentation.player?.targetMonth == 12)
        for _ in 0..<11 { #expect(update(&m, .tick).isEmpty) }
        #expect(m.month == 11 && !m.paused)
        #expect(update(&m, .tick) == [.clockChanged])
        #expect(m.month == 12 && m.paused && m.presentation.player?.targetMonth == nil)
    }

    @Test func goingBackReproducesAStepExactly() throws {
        let script = try Self.load()
        var m = Self.started(script)
        Self.press(.char(" "), &m)
        Self.press(.char(" "), &m)
        let third = (m.schedule, m.month, m.projection, Self.frame(m))
        Self.press(.char(" "), &m)
        // Tweak in between: focus the levers, move some, step the clock, undo one.
        _ = update(&m, .key(.tab))
        _ = update(&m, .key(.tab))
        for key: Key in [.char("l"), .char("l"), .down, .char("l"), .char("."), .char("."), .char("u")] {
            _ = update(&m, .key(key))
        }
        #expect(m.schedule != third.0)
        Self.press(.left, &m)
        #expect(m.presentation.player?.index == 2)
        #expect(m.schedule == third.0 && m.month == third.1 && m.projection == third.2)
        let back = Self.frame(m) == third.3
        #expect(back)
        // Jumping with a digit gives the same, from anywhere.
        Self.press(.char("4"), &m)
        Self.press(.char("3"), &m)
        let jumped = Self.frame(m) == third.3
        #expect(jumped)
        #expect(m.undoStack.isEmpty)
    }

    @Test func escapeLeavesTheScriptAndKeepsTheState() throws {
        var m = Self.started(try Self.load())
        Self.press(.char("4"), &m)
        #expect(m.maximized)
        _ = update(&m, .key(.escape))  // first Esc restores the maximised panel
        #expect(!m.maximized && m.presentation.player != nil)
        let schedule = m.schedule, month = m.month
        _ = update(&m, .key(.escape))
        #expect(m.presentation.player == nil && m.schedule == schedule && m.month == month)
        #expect(!Self.frame(m).text.contains("Step 4/4"))
        // Space is the clock again, ← a lever key.
        _ = update(&m, .key(.char(" ")))
        #expect(!m.paused)
    }

    @Test func digitsBeyondTheScriptAndEndsGiveNotices() throws {
        var m = Self.started(try Self.load())
        _ = update(&m, .key(.left))
        #expect(m.notice == "first step")
        _ = update(&m, .key(.char("9")))
        #expect(m.notice == "the script has 4 steps" && m.presentation.player?.index == 0)
        Self.press(.char("4"), &m)
        _ = update(&m, .key(.char(" ")))
        #expect(m.notice == "last step: Esc leaves the script, ← goes back")
    }

    @Test func readOnlyLocksLeversAndFilesButNotTheScript() throws {
        var m = Model(paused: true)
        m.presentation.readOnly = true
        for key: Key in [.right, .char("l"), .char("]"), .char("0"), .char("r"), .char("u"), .ctrl("r")] {
            _ = update(&m, .key(key))
            #expect(m.notice == ActionReach.readOnlyNotice, "\(key) was not refused")
        }
        #expect(m.schedule.isEmpty)
        #expect(Self.frame(m).row(0).contains("read-only"))
        _ = update(&m, .key(.char(".")))
        #expect(m.month == 1 && m.notice == nil)

        var s = Self.started(try Self.load())
        s.presentation.readOnly = true
        Self.press(.char(" "), &s)
        #expect(s.presentation.player?.index == 1 && s.value("cw.utilization") == 0.9)
        _ = update(&s, .key(.char("r")))
        #expect(s.notice == ActionReach.readOnlyNotice && s.value("cw.utilization") == 0.9)
    }

    @Test func presenterHintBarIsTheKeyTablesPresenterKeys() throws {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("p")))
        #expect(m.presentation.presenting)
        let hints = m.keys.hints(focus: m.focus, presentation: m.presentation)
        #expect(!hints.isEmpty && hints.allSatisfy { $0.presenter })
        let flagged = KeyTable.bindings.filter { $0.presenter && $0.context != .script }
        #expect(Set(hints.map { $0.action }) == Set(flagged.map { $0.action }))
        let bar = Self.frame(m).row(Self.height - 1)
        #expect(bar.contains("p present") && bar.contains("Space pause") && !bar.contains("reset"))
        #expect(!bar.contains("← −"), "lever hints in presenter mode:\n\(bar)")

        let s = Self.started(try Self.load())
        let scripted = Self.frame(s).row(Self.height - 1)
        #expect(scripted.hasPrefix("Space/→ next  ← back  1–9 step  Esc leave"), "\(scripted)")
        #expect(!scripted.contains("Space pause"))
    }

    @Test func pTogglesPresenterModeAndSuggestsTheLightThemeOnALightBackground() {
        var m = Model(paused: true)
        let normal = Self.frame(m)
        _ = update(&m, .key(.char("p")))
        #expect(m.notice == "presenter mode: p for the full dashboard")
        let presenting = Self.frame(m)
        let tile = { (t: String) in t.contains("First to need money") || t.contains("First need") }
        #expect(tile(presenting.text) && !tile(normal.text))
        #expect(Layout.make(width: 120, height: 40, model: m).kind == .presenter)
        _ = update(&m, .key(.char("p")))
        let differs = Self.frame(m) != presenting
        #expect(differs && !m.presentation.presenting)
        m.presentation.lightBackground = true
        _ = update(&m, .key(.char("p")))
        #expect(m.notice == "light background? t or --theme light")
        #expect(ProjectorHint.notice(lightBackground: true, theme: Theme(name: "paper", kind: .light, roles: [:])) == nil)
        #expect(ProjectorHint.notice(lightBackground: false, theme: .builtInDefault) == nil)
    }

    @Test func colorfgbgTellsALightBackground() {
        #expect(ProjectorHint.lightBackground(environment: ["COLORFGBG": "0;15"]))
        #expect(ProjectorHint.lightBackground(environment: ["COLORFGBG": "0;default;7"]))
        #expect(!ProjectorHint.lightBackground(environment: ["COLORFGBG": "15;0"]))
        #expect(!ProjectorHint.lightBackground(environment: ["COLORFGBG": "7;8"]))
        #expect(!ProjectorHint.lightBackground(environment: ["COLORFGBG": "default;default"]))
        #expect(!ProjectorHint.lightBackground(environment: [:]))
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (160, 48), (240, 70), (79, 24)])
    func presenterLayoutFitsEverySize(width: Int, height: Int) throws {
        var m = Self.started(try Self.load())
        Self.press(.char("3"), &m)
        let layout = Layout.make(width: width, height: height, model: m)
        guard width >= Layout.minimumWidth else {
            #expect(layout.kind == .tooSmall)
            return
        }
        let optional: [Rect] = [layout.banner, layout.headline].compactMap { $0 }
        let rects: [Rect] = [layout.status, layout.hints] + optional + layout.panels.map { $0.rect }
        for r in rects { #expect(r.x >= 0 && r.y >= 0 && r.maxX <= width && r.maxY <= height, "\(r)") }
        for (i, a) in rects.enumerated() {
            for b in rects[(i + 1)...] where !a.isEmpty && !b.isEmpty {
                #expect(a.maxY <= b.y || b.maxY <= a.y || a.maxX <= b.x || b.maxX <= a.x, "\(a) overlaps \(b)")
            }
        }
        for caps in [Capabilities.plain, Capabilities(color: .c16, glyphs: .ascii)] {
            let f = view(m, width: width, height: height, caps: caps)
            #expect(f.text.contains("Utilization") && f.text.contains("Step 3/4"))
            let h = HeadlinePanel(model: m, caps: caps).headline
            for v in Self.bigValues(h) {
                let shown = Self.shows(f, big: v, tier: caps.glyphs)
                #expect(shown, "\(v) at \(width)×\(height):\n\(f.text)")
            }
        }
    }

    @Test func captionBannerShowsOutsidePresenterModeWhenThereIsRoom() throws {
        var m = Self.started(try Self.load())
        _ = update(&m, .key(.char("p")))
        #expect(!m.presentation.presenting)
        let tall = Layout.make(width: 120, height: 40, model: m)
        #expect(tall.banner == Rect(x: 0, y: 1, width: 120, height: 1) && tall.kind == .standard)
        #expect(Self.frame(m).row(1).contains("Step 1/4  As it stands"))
        #expect(Layout.make(width: 80, height: 24, model: m).banner == nil)
    }

    @Test func aStepCountsAsSavedSoQuittingDoesNotAsk() throws {
        var m = Self.started(try Self.load())
        Self.press(.char("3"), &m)
        #expect(!m.hasUnsavedChanges)
        #expect(update(&m, .key(.char("q"))) == [.quit])
        var tweaked = Self.started(try Self.load())
        tweaked.setLever("cw.utilization", to: 0.8)
        #expect(tweaked.hasUnsavedChanges && update(&tweaked, .key(.char("q"))).isEmpty && tweaked.confirm == .quit)
    }

    @Test func stepsStartFromTheScenariosOwnDatedChanges() {
        var s = Scenario.article2025
        s.changes = [LeverChange(month: 6, id: "demand.delayMonths", value: 6)]
        let script = DemoScript(title: "t", scenarioReference: "x.yaml", scenario: s, steps: [
            DemoStep(caption: "As saved"),
            DemoStep(caption: "More", levers: [SceneLever(id: "cw.utilization", value: 0.9)]),
            DemoStep(caption: "Back to the file", reset: true),
        ])
        let own = LeverSchedule(base: s.parameters, changes: s.changes)
        #expect(script.state(at: 0).schedule == own)
        #expect(script.state(at: 1).schedule.changes.count == 2)
        #expect(script.state(at: 2).schedule == own)
        var m = Model(paused: true)
        _ = ScriptPlayer.start(script, on: &m)
        #expect(m.schedule == own && m.projection == Engine.project(s, schedule: own))
    }

    @Test func headlineSaysNoneWhenNobodyRunsOut() {
        var rich = Scenario.article2025
        rich.coreweaveCash = 100e9
        let h = Headline(Engine.project(rich), month: 0)
        #expect(h.firstOut == nil && h.firstOutShortName == "NONE" && h.coreweaveRunway == nil)
        #expect(h.firstToNeedMoney == nil && h.coreweaveRunwayIfClosed == nil)
        var m = Model(scenario: rich, paused: true)
        _ = update(&m, .key(.char("p")))
        let f = Self.frame(m)
        let shown = Self.shows(f, big: "NONE") && Self.shows(f, big: ">60")
        #expect(shown, "\(f.text)")
        #expect(h.line.contains("neither needs new money; nobody runs out if markets close"))
    }
}
