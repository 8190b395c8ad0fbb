import Foundation
import TestSupport
import Testing

/// A loop file in the live dashboard, in a real terminal (tmux): `--scenario ai-web-2025`
/// opens on the generic engine, the firmness lever changes who runs out first, and a bad
/// loop file is refused with its position, exit status 2 and the terminal untouched.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct LoopDashboardEndToEndTests {
    /// Who needs money first and when, as `snapshot` prints it for the same loop and levers:
    /// the program's own answer to compare the live screen with.
    static func firstToNeedMoney(_ sets: [String]) async throws -> String {
        let r = try await runProcess(moneyloopBinary, ["snapshot", "--scenario", "ai-web-2025", "--size", "240x70"]
            + sets.flatMap { ["--set", $0] })
        #expect(r.status == 0, "\(r.err)")
        let line = try #require(r.out.split(separator: "\n").first { $0.contains("first to need money:") })
        let text = String(line[line.range(of: "first to need money:")!.lowerBound...])
        // "first to need money: OpenAI, Aug 26": who and when, short enough for any width.
        return String(text[..<(text.range(of: " (month")?.lowerBound ?? text.endIndex)])
    }

    @Test func aiWebOpensAndTheStatusLeverIsOneKey() async throws {
        let filed = try await Self.firstToNeedMoney([])
        let signed = try await Self.firstToNeedMoney(["loop.nonBinding=0"])
        #expect(filed != signed, "the lever should change who runs out first, or when")
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--scenario", "ai-web-2025", "--paused"])
        let first = try await t.waitFor(timeout: 20) { $0.contains("first to need money") }
        for title in ["Funding graph", "Levers", "Cash runway", "Round trip", "ai-web-2025", "Non-binding deals", filed] {
            #expect(first.contains(title), "missing \(title):\n\(first)")
        }
        #expect(!first.contains("GPU utilization"), "the article's levers on a loop:\n\(first)")
        try t.send("[")
        let after = try await t.waitFor(timeout: 20) { $0.contains(signed) }
        #expect(after.contains(signed) && after.contains("what-if: 1 changed"), "lever did not act:\n\(after)")
        try t.send("u")
        try await t.waitFor(timeout: 20) { $0.contains(filed) && !$0.contains("what-if:") }
        try t.send("q")
        #expect(await t.waitForExit(timeout: 20))
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    /// A deal naming an entity the loop does not have: one line at file:line:column, exit
    /// status 2, and the dashboard never took the screen.
    @Test func aBadLoopFileExitsTwoWithItsPosition() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-bad-loop-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try String(contentsOfFile: Support.scenarioPath("ai-web-2025"), encoding: .utf8)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0 == "    to: openai" })
        var bad = lines
        bad[index] = "    to: opnai"
        let path = dir.appendingPathComponent("bad-loop.yaml").path
        try bad.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let t = try TmuxSession(width: 200, height: 30, command: [moneyloopBinary, "--scenario", path])
        #expect(await t.waitForExit(timeout: 20))
        #expect(t.exitStatus == 2)
        let screen = try t.screen()
        #expect(screen.contains("bad-loop.yaml:\(index + 1):9: deals[0].to: unknown entity 'opnai'"), "\(screen)")
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    /// The same file through `:scenario` in a running dashboard: the notice names its
    /// position and the dashboard keeps running what it had.
    @Test func aBadLoopFileFromTheCommandLineKeepsTheDashboard() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-bad-loop-cmd-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.yaml").path
        try "name: l\nstart: 2025-11\nentities:\n  a: {name: A, kind: vendor}\n  b: {name: B, kind: ai-lab}\ndeals:\n"
            .appending("  - {id: x, kind: equity, from: a, to: c, status: binding, source: {text: s, date: 2025-01},")
            .appending(" tranches: [{amount: 1B, date: 2026-01}]}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let t = try TmuxSession(width: 160, height: 40, command: [moneyloopBinary, "--scenario", "ai-web-2025", "--paused"])
        try await t.waitFor(timeout: 20) { $0.contains("first to need money") }
        try t.send(":")
        try await t.waitFor(timeout: 20) { $0.contains("Enter runs") }
        // Typed as a person types: a whole line in one read counts as a paste flood under load.
        for ch in "scenario \(path)" {
            try t.send("-l", String(ch))
            try await Task.sleep(for: .milliseconds(30))
        }
        try await t.waitFor(timeout: 20) { $0.contains(":scenario \(path)") }
        try t.send("Enter")
        let s = try await t.waitFor(timeout: 20) { $0.contains("unknown entity") }
        #expect(s.contains("l.yaml:7:") && s.contains("first to need money"), "\(s)")
        try t.send("q")
        #expect(await t.waitForExit(timeout: 20))
        #expect(t.exitStatus == 0)
    }
}
