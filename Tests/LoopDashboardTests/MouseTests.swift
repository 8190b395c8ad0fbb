import LoopConfig
import LoopSim
import Testing
@testable import LoopDashboard

/// The mouse: the hit test, compared for cells found on the drawn screen, and what a click,
/// a drag and the wheel do to the model, through the key table's contexts and refusals.
@Suite struct MouseTests {
    static let (w, h) = (120, 40)

    /// The cell where `text` is drawn (its first scalar), searched from the top.
    func find(_ text: String, _ m: Model, width: Int = w, height: Int = h, after: Int = 0) -> (x: Int, y: Int)? {
        let f = view(m, width: width, height: height, caps: .plain)
        for y in 0..<height {
            let row = Array(f.row(y).unicodeScalars)
            let t = Array(text.unicodeScalars)
            for x in after..<max(after, row.count - t.count + 1) where Array(row[x..<x + t.count]) == t { return (x, y) }
        }
        return nil
    }

    func hit(_ m: Model, _ p: (x: Int, y: Int)?, width: Int = w, height: Int = h) -> MouseTarget? {
        guard let p else { return nil }
        return MouseHit.target(m, width: width, height: height, x: p.x, y: p.y)
    }

    func press(_ m: inout Model, _ p: (x: Int, y: Int), kind: MouseEvent.Kind = .press, width: Int = w, height: Int = h) {
        _ = update(&m, .mouse(MouseEvent(kind, x: p.x, y: p.y), width: width, height: height))
    }

    var utilization: Parameter { ParameterRegistry.parameter("cw.utilization")! }

    /// The utilization bar's cells: the first, the last, the target's mark.
    func bar(_ m: Model) throws -> (first: (x: Int, y: Int), last: (x: Int, y: Int), target: (x: Int, y: Int)) {
        let label = try #require(find("GPU utilization", m))
        let lo = Format.parameterValue(utilization.min, unit: utilization.unit)
        let hi = Format.parameterValue(utilization.max, unit: utilization.unit)
        let start = try #require(find(lo + " ", m, after: label.x - 2))
        let end = try #require(find("  " + hi, m, after: start.x))
        let mark = try #require(find(String(Glyphs.of(.braille).target), m, after: start.x))
        #expect(start.y == label.y + 1 && end.y == start.y && mark.y == start.y)
        return ((start.x + lo.count + 1, start.y), (end.x - 1, start.y), mark)
    }

    @Test func theHitTestFindsWhatIsDrawnThere() throws {
        let m = Model(paused: true)
        let b = try bar(m)
        #expect(hit(m, b.first) == .lever(index: 0, value: utilization.min))
        #expect(hit(m, b.last) == .lever(index: 0, value: utilization.max))
        #expect(hit(m, b.target) == .lever(index: 0, value: utilization.target))
        #expect(hit(m, (b.first.x - 2, b.first.y)) == .lever(index: 0, value: nil))  // the range's low end
        #expect(hit(m, find("GPU utilization", m)) == .lever(index: 0, value: nil))
        #expect(hit(m, find("CoreWeave", m)) == .node(.coreweave))
        #expect(hit(m, find("NVIDIA", m)) == .node(.nvidia))
        #expect(hit(m, find("Revenue runway", m)) == .panel(.runway))
        #expect(hit(m, find("Funding graph", m)) == .panel(.graph))
        #expect(hit(m, (0, 0)) == nil)  // the status line
        #expect(hit(m, (5, Self.h - 1)) == nil)  // the hint bar
        #expect(hit(m, (Self.w + 3, 5)) == nil)  // off the screen
        // Every cell between the ends gives a value inside the range, rising to the right.
        var last = -Double.infinity
        for x in b.first.x...b.last.x {
            guard case let .lever(0, v?)? = hit(m, (x, b.first.y)) else { Issue.record("no value at \(x)"); continue }
            #expect(v >= last && v >= utilization.min && v <= utilization.max)
            last = v
        }
    }

    @Test func compactTabsAreTargets() throws {
        let m = Model(paused: true)
        for p in Panel.allCases where p != .levers && p != m.compactTab {
            let at = try #require(find(" \(p.tabTitle) ", m, width: 80, height: 24))
            #expect(hit(m, (at.x + 1, at.y), width: 80, height: 24) == .tab(p), "\(p)")
            var next = m
            press(&next, (at.x + 1, at.y), width: 80, height: 24)
            #expect(next.compactTab == p && next.focus == p)
            #expect(find("[\(p.tabTitle)]", next, width: 80, height: 24) != nil)
        }
        // The strip's bar is the selected lever's.
        let strip = try #require(find("GPU utilization", m, width: 80, height: 24))
        #expect(hit(m, (Self.w - 1, 23), width: 80, height: 24) == nil)
        #expect(hit(m, strip, width: 80, height: 24) == .lever(index: 0, value: nil))
    }

    @Test func aClickFocusesAndSelects() throws {
        var m = Model(paused: true)
        press(&m, try #require(find("Revenue runway", m)))
        #expect(m.focus == .runway)
        let vast = try #require(find("Vast Data", m))
        press(&m, vast)
        #expect(m.focus == .graph && m.selectedNode == .vast)
        #expect(view(m, width: Self.w, height: Self.h, caps: .plain).text.contains("[Vast Data]"))
        let before = m.schedule
        press(&m, try #require(find("Usage-billed share", m)))
        #expect(m.focus == .levers && m.selectedLever == 1 && m.schedule == before)
    }

    /// A click on the bar sets the lever there; a drag follows the pointer (beyond the ends
    /// it stops at them); the release ends it; one undo takes the whole gesture back.
    @Test func clickAndDragSetTheLever() throws {
        var m = Model(paused: true)
        let b = try bar(m)
        press(&m, b.target)
        #expect(m.value("cw.utilization") == utilization.target)
        #expect(view(m, width: Self.w, height: Self.h, caps: .plain).text
            .contains(Format.parameterValue(utilization.target!, unit: utilization.unit)))
        press(&m, (b.last.x + 30, b.last.y + 5), kind: .drag)
        #expect(m.value("cw.utilization") == utilization.max)
        press(&m, (b.first.x - 10, b.first.y), kind: .drag)
        #expect(m.value("cw.utilization") == utilization.min)
        press(&m, (b.first.x - 10, b.first.y), kind: .release)
        press(&m, b.last, kind: .drag)  // released: a drag no longer moves it
        #expect(m.value("cw.utilization") == utilization.min)
        _ = update(&m, .key(.char("u")))
        #expect(m.value("cw.utilization") == utilization.defaultValue && m.undoStack.isEmpty)
    }

    /// The wheel steps the selected lever as the arrow keys do, over the levers panel (over a
    /// lever, that lever, which it selects); over the graph it walks the nodes.
    @Test func theWheelStepsLikeTheKeys() throws {
        var keys = Model(paused: true), wheel = Model(paused: true)
        let over = try #require(find("Utilization & levers", wheel))
        for _ in 0..<3 { _ = update(&keys, .key(.right)) }
        for _ in 0..<3 { press(&wheel, over, kind: .wheelUp) }
        _ = update(&keys, .key(.left))
        press(&wheel, over, kind: .wheelDown)
        #expect(wheel.schedule == keys.schedule && keys.value("cw.utilization") != utilization.defaultValue)
        _ = update(&keys, .key(.down))
        _ = update(&keys, .key(.right))
        press(&wheel, try #require(find("Usage-billed share", wheel)), kind: .wheelUp)
        #expect(wheel.selectedLever == 1 && wheel.schedule == keys.schedule)
        press(&wheel, try #require(find("NVIDIA", wheel)), kind: .wheelDown)
        var stepped = Model(paused: true)
        stepped.setFocus(.graph)
        _ = update(&stepped, .key(.right))
        #expect(wheel.focus == .graph && wheel.selectedNode == stepped.selectedNode)
    }

    /// Clicks where nothing is change nothing; a follower's and a locked screen's clicks
    /// focus but never change a lever; under the help a click only closes it; a question
    /// or a text field ignores the mouse.
    @Test func refusalsAndNothingTargets() throws {
        let plain = Model(paused: true)
        let b = try bar(plain)
        var m = plain
        for p in [(0, 0), (10, Self.h - 1), (500, 500)] { press(&m, p); press(&m, p, kind: .wheelUp) }
        #expect(m.schedule == plain.schedule && m.focus == plain.focus && m.notice == nil)

        var follower = plain
        follower.isFollower = true
        follower.following = true
        follower.setFocus(.graph)
        press(&follower, b.target)
        press(&follower, b.last, kind: .drag)
        press(&follower, b.target, kind: .wheelUp)
        #expect(follower.schedule.isEmpty && follower.focus == .levers && follower.notice == ActionReach.followingNotice(keys: follower.keys))

        var locked = plain
        locked.presentation.readOnly = true
        press(&locked, b.target)
        #expect(locked.schedule.isEmpty && locked.notice == ActionReach.readOnlyNotice)

        var help = plain
        help.showHelp = true
        press(&help, b.target, kind: .wheelUp)
        #expect(help.showHelp)
        press(&help, b.target)
        #expect(!help.showHelp && help.schedule.isEmpty)

        var asked = plain
        asked.setLever("cw.utilization", to: 0.8)
        asked.confirm = .resetAll
        press(&asked, b.first)
        #expect(asked.confirm == .resetAll && asked.value("cw.utilization") == 0.8)
        var typing = plain
        typing.input = TextInput(purpose: .command)
        press(&typing, b.first)
        #expect(typing.input != nil && typing.schedule.isEmpty)
    }

    /// With the mouse off the help and hints offer only keys; `mouse: off` in the keys file
    /// turns it off.
    @Test func withoutTheMouseTheKeysAloneAreOffered() throws {
        let off = KeyMap.standard.withoutMouse()
        #expect(!off.mouse && off.bindings.allSatisfy { !$0.keys.contains(where: \.isMouse) })
        #expect(!off.bindings.contains { $0.action == .point || $0.action == .setLever })
        #expect(KeyMap.standard.bindings.contains { $0.keys.contains(.click) })
        var m = Model(paused: true)
        #expect(view(m, width: Self.w, height: Self.h, caps: .plain).row(Self.h - 1).contains("Click"))
        m.keys = off
        #expect(!view(m, width: Self.w, height: Self.h, caps: .plain).row(Self.h - 1).contains("Click"))
        #expect(try !KeyMap.load(text: "mouse: off\n", file: "keys.yaml").mouse)
        #expect(try KeyMap.load(text: "mouse: on\nleverUp: [Right, WheelUp]\n", file: "keys.yaml").mouse)
        #expect(throws: ConfigError.self) { try KeyMap.load(text: "mouse: sometimes\n", file: "keys.yaml") }
    }
}
