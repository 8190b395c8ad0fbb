import LoopSim
import Testing
@testable import LoopDashboard

/// A served dashboard (an attendee's, run by `moneyloop serve`): no key or command asks
/// the outside world to touch a file it was not allowed, and each refusal says why.
@Suite struct ServedSessionTests {
    static let policy = ServedSession(access: .key, scenarios: ["article-2025", "bear"], themes: ["default", "light"])

    func served(_ access: ServedSession.Access = .key, following: Bool = false) -> Model {
        var m = Model(paused: true)
        m.served = Self.policy
        m.served?.access = access
        m.isFollower = following
        m.following = following
        return m
    }

    /// Types `:line` Enter and returns every effect asked for on the way.
    func command(_ line: String, _ m: inout Model) -> [Effect] {
        var effects = update(&m, .key(.char(":")))
        for c in line { effects += update(&m, .key(.char(c))) }
        return effects + update(&m, .key(.enter))
    }

    static func touchesFiles(_ effects: [Effect]) -> Bool {
        effects.contains { effect in
            switch effect {
            case .write, .loadScenario, .setTheme: true
            default: false
            }
        }
    }

    @Test(arguments: [
        (":save", ServedSession.saveRefused), (":save /tmp/x.yaml", ServedSession.saveRefused),
        (":record /tmp/demo.yaml", ServedSession.recordRefused),
        (":scenario /etc/passwd", "scenario '/etc/passwd' is not available here; viewers can pick: article-2025, bear"),
        (":scenario secret", "scenario 'secret' is not available here"),
        (":theme ../../etc/shadow", "theme '../../etc/shadow' is not available here; viewers can pick: default, light"),
    ])
    func fileCommandsAreRefusedWithAReason(line: String, reason: String) {
        for following in [false, true] {
            var m = served(following: following)
            let effects = command(String(line.dropFirst()), &m)
            #expect(!Self.touchesFiles(effects), "\(line) asked for \(effects)")
            #expect(m.notice?.hasPrefix(reason) == true, "\(line): \(m.notice ?? "no notice")")
            let screen = view(m, width: 120, height: 40, caps: .plain).text
            #expect(screen.contains(String(reason.prefix(40))), "\(line): the refusal is not on screen")
        }
    }

    @Test func exportShowsTheNumbersAsTextInsteadOfAFile() {
        for access in ServedSession.Access.allCases {
            var m = served(access)
            m.setLever("cw.utilization", to: 0.9)
            let effects = command("export /tmp/x.csv", &m)
            #expect(!Self.touchesFiles(effects), "\(effects)")
            let screen = view(m, width: 120, height: 40, caps: .plain).text
            #expect(screen.contains(ServedSession.numbersTitle.prefix(40)))
            // The engine's numbers for this what-if, as `moneyloop simulate` prints them.
            let first = Format.dollars(m.projection.month(12).coreweave.debt)
            #expect(screen.contains("CW cash") && screen.contains(first), "\(first)\n\(screen)")
            // Any key closes them and does nothing else.
            #expect(update(&m, .key(.right)).isEmpty)
            #expect(m.served?.numbers == nil && abs(m.value("cw.utilization") - 0.9) < 1e-9)
            #expect(!view(m, width: 120, height: 40, caps: .plain).text.contains("CW cash"))
        }
    }

    @Test func allowedNamesStillLoad() {
        var m = served()
        #expect(command("scenario bear", &m) == [.loadScenario("bear")])
        #expect(command("theme light", &m) == [.setTheme("light")])
    }

    @Test func theSaveKeyIsRefusedAndQuitNeverAsksToSave() {
        var m = served()
        m.setLever("cw.utilization", to: 0.9)
        #expect(m.hasUnsavedChanges)
        #expect(update(&m, .key(.char("s"))).isEmpty)
        #expect(m.notice == ServedSession.saveRefused)
        #expect(update(&m, .key(.char("q"))) == [.quit])
        #expect(m.confirm == nil)
    }

    @Test func aLoadedScenarioKeepsTheSessionServed() {
        var m = served()
        m.load(.article2025, path: nil)
        #expect(m.served == Self.policy)
        #expect(update(&m, .key(.char("s"))).isEmpty && m.notice == ServedSession.saveRefused)
    }

    @Test func aPasscodeViewerOnlyWatches() {
        var m = served(.passcode, following: true)
        for key: Key in [.char("f"), .right, .char("u"), .char(" "), .char("1"), .char("r")] {
            #expect(update(&m, .key(key)).isEmpty, "\(key)")
            #expect(m.notice == ServedSession.viewOnly, "\(key): \(m.notice ?? "")")
        }
        #expect(m.following && m.value("cw.utilization") == 0.75)
        for line in ["set cw.utilization 90%", "scene 1", "scenario bear", "reset"] {
            #expect(command(line, &m).isEmpty)
            #expect(m.notice == ServedSession.viewOnly, "\(line)")
        }
        // Looking around and themes are still theirs.
        _ = update(&m, .key(.tab))
        #expect(m.focus != .levers)
        #expect(command("theme light", &m) == [.setTheme("light")])
    }

    @Test func aKeyViewerKeepsLeversAndExploring() {
        var m = served(following: true)
        _ = update(&m, .key(.char("f")))
        #expect(!m.following)
        _ = update(&m, .key(.right))
        #expect(abs(m.value("cw.utilization") - 0.76) < 1e-9)
    }

    @Test func anUnservedDashboardIsUnchanged() {
        var m = Model(paused: true)
        #expect(command("save /tmp/x.yaml", &m).contains { if case .write = $0 { true } else { false } })
    }
}
