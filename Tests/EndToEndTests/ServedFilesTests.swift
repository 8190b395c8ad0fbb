import Foundation
import LoopConfig
import LoopDashboard
import LoopSim
import Testing
import TestSupport
@testable import moneyloop

/// The second layer of a served dashboard: its file-effect runner writes nothing and reads
/// only bundled and allowed files by name, even when asked directly (as if the first
/// layer, the dashboard's own refusals, had let something through).
@Suite struct ServedFilesTests {
    static let secret = "SECRET-VALUE-9c1d"

    /// Keeps what the runner sends back.
    final class AnswerHost: EffectHost, @unchecked Sendable {
        var messages: [Message] = []
        func send(_ message: Message) { messages.append(message) }
        func post(_ message: Message) { messages.append(message) }
        func restartClock() {}
        func repaint() {}
        func picture() -> String { "" }
        func finish(status: Int32) {}
    }

    /// The answer of the dashboard's one effect runner, with a served file side, to `effect`.
    static func answer(_ effect: Effect, _ files: ServedFiles) -> Message? {
        let host = AnswerHost()
        DashboardEffects(files: files, sharing: nil).run(effect, for: host)
        return host.messages.last
    }

    func fixture() throws -> (dir: String, files: ServedFiles) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-served-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "title: x\npassword: \(Self.secret)\n".write(toFile: dir + "/secret.yaml", atomically: true, encoding: .utf8)
        let allowed = dir + "/q3.yaml"
        try ScenarioWriter.yaml(.article2025).write(toFile: allowed, atomically: true, encoding: .utf8)
        return (dir, ServedFiles(access: .key, allowedScenarios: [allowed], allowedThemes: []))
    }

    static func text(_ message: Message?) -> String {
        switch message {
        case let .written(_, error)?: return error ?? "written"
        case let .loadFailed(text)?: return text
        case .scenarioLoaded?: return "loaded"
        case .loopLoaded?: return "loop loaded"
        case .themeLoaded?: return "theme loaded"
        default: return "\(String(describing: message))"
        }
    }

    @Test func writesAreRefusedAndNoFileAppears() throws {
        let (dir, files) = try fixture()
        for path in [dir + "/out.csv", dir + "/secret.yaml", "relative-out.yaml"] {
            let answer = Self.answer(.write(path: path, contents: "x"), files)
            #expect(Self.text(answer) == ServedSession.saveRefused)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["q3.yaml", "secret.yaml"])
        #expect(try String(contentsOfFile: dir + "/secret.yaml", encoding: .utf8).contains(Self.secret))
        #expect(!FileManager.default.fileExists(atPath: "relative-out.yaml"))
    }

    @Test func pathsAndUnlistedNamesAreRefusedAlikeWithoutContent() throws {
        let (dir, files) = try fixture()
        let answers = [dir + "/secret.yaml", dir + "/missing.yaml", "/etc/passwd", "secret"].map { name in
            (name, Self.text(Self.answer(.loadScenario(name), files)),
             Self.text(Self.answer(.setTheme(name), files)),
             Self.text(Self.answer(.analytics(.loadComparison(name)), files)))
        }
        for (name, scenario, theme, comparison) in answers {
            #expect(scenario.hasPrefix("scenario '\(name.prefix(40))' is not available here"), "\(scenario)")
            #expect(comparison == scenario)
            #expect(theme.hasPrefix("theme '\(name.prefix(40))' is not available here"), "\(theme)")
            #expect(![scenario, theme].contains { $0.contains(Self.secret) || $0.contains("root:") })
        }
    }

    @Test func bundledAndAllowedNamesLoad() throws {
        let (_, files) = try fixture()
        #expect(files.policy.scenarios.contains("q3") && files.policy.scenarios.contains("article-2025"))
        #expect(files.policy.scenarios.contains("ai-web-2025"), "a bundled loop file opens too")
        #expect(Self.text(Self.answer(.loadScenario("ai-web-2025"), files)) == "loop loaded")
        #expect(Self.text(Self.answer(.loadScenario("q3"), files)) == "loaded")
        #expect(Self.text(Self.answer(.loadScenario("price-war"), files)) == "loaded")
        #expect(Self.text(Self.answer(.setTheme("default"), files)) == "theme loaded")
        if case let .analytics(.scenarioList(list))? = Self.answer(.analytics(.listScenarios), files) {
            #expect(list.map(\.name) == files.policy.scenarios)
            #expect(list.allSatisfy { $0.path == nil }, "the picker asks again by name")
        } else {
            Issue.record("no scenario list")
        }
    }

    /// `c` and `t`, pasted by the dozen, must not read and parse every file each time: the
    /// files are read once (a paste flood ended seconds late while each `c` re-read them).
    @Test func eachFileIsReadOnce() throws {
        let (dir, _) = try fixture()
        let theme = dir + "/brand.yaml"
        let light = try String(contentsOfFile: Support.root.appendingPathComponent("themes/light.yaml").path, encoding: .utf8)
        try light.replacingOccurrences(of: "name: light", with: "name: brand").write(toFile: theme, atomically: true, encoding: .utf8)
        let served = ServedFiles(access: .key, allowedScenarios: [dir + "/q3.yaml"], allowedThemes: [theme])
        #expect(Self.text(Self.answer(.loadScenario("q3"), served)) == "loaded")
        #expect(Self.text(Self.answer(.setTheme("brand"), served)) == "theme loaded")
        guard case let .analytics(.scenarioList(first))? = Self.answer(.analytics(.listScenarios), served) else {
            Issue.record("no scenario list")
            return
        }
        // Gone from the disk: the answers are the ones read before.
        try FileManager.default.removeItem(atPath: dir + "/q3.yaml")
        try FileManager.default.removeItem(atPath: theme)
        #expect(Self.text(Self.answer(.loadScenario("q3"), served)) == "loaded")
        #expect(Self.text(Self.answer(.setTheme("brand"), served)) == "theme loaded")
        guard case let .analytics(.scenarioList(again))? = Self.answer(.analytics(.listScenarios), served) else {
            Issue.record("no scenario list")
            return
        }
        #expect(again.map(\.title) == first.map(\.title) && first.contains { $0.name == "q3" && $0.title != "(does not load)" })
    }

    @Test func theServedFlagFailsClosed() throws {
        #expect(try ServedFiles.access(option: nil, environment: [:]) == nil)
        #expect(try ServedFiles.access(option: nil, environment: ["MONEYLOOP_SERVED": "1"]) == .passcode)
        #expect(try ServedFiles.access(option: "key", environment: [:]) == .key)
        #expect(throws: ConfigError.self) { try ServedFiles.access(option: "admin", environment: [:]) }
    }
}
