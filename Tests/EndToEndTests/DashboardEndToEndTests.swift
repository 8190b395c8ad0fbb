import Foundation
import TestSupport
import Testing

/// The real binary in a real terminal (tmux): panels appear, keys work, the terminal is
/// given back.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct DashboardEndToEndTests {
    @Test func panelsAppearRightKeyChangesUtilizationAndQuitRestores() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        let first = try await t.waitFor { $0.contains("GPU utilization") && $0.contains("Revenue runway") }
        for title in ["Funding graph", "Utilization & levers", "Revenue runway", "75%"] {
            #expect(first.contains(title), "missing \(title):\n\(first)")
        }
        #expect(try t.format("#{alternate_on}") == "1")
        try t.send("Right")
        let after = try await t.waitFor { $0.contains("76%") }
        #expect(after.contains("76%"), "utilization did not change:\n\(after)")
        try t.send("q")
        let asked = try await t.waitFor { $0.contains("Quit anyway?") }
        #expect(asked.contains("Unsaved what-if changes"), "q with unsaved changes did not ask:\n\(asked)")
        try t.send("q")
        #expect(await t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    @Test func sigtermGivesTheTerminalBack() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary])
        try await t.waitFor { $0.contains("Funding graph") }
        let pid = try #require(t.pid)
        kill(pid, SIGTERM)
        #expect(await t.waitForExit())
        #expect(t.exitStatus == 128 + Int(SIGTERM))
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    @Test func theClockAdvancesWhileRunning() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--speed", "8"])
        let s = try await t.waitFor { $0.contains("month 3/") || $0.contains("month 4/") }
        #expect(s.contains("running"), "clock did not run:\n\(s)")
        try t.send("q")
        #expect(await t.waitForExit())
    }
}

/// The command line without a terminal.
@Suite struct CommandLineTests {
    @Test func noTerminalExitsTwoWithAHint() async throws {
        let r = try await runProcess(moneyloopBinary, [])
        #expect(r.status == 2)
        #expect(r.err.contains("needs a terminal") && r.err.contains("snapshot"))
        #expect(r.out.isEmpty)
    }

    @Test func snapshotWorksWithoutATerminal() async throws {
        let r = try await runProcess(moneyloopBinary, ["snapshot", "--size", "120x40"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 40)
        #expect(r.out.contains("Funding graph") && r.out.contains("Revenue runway"))
        #expect(!r.out.contains("\u{1B}"), "escape sequence in plain output")
    }

    @Test func snapshotRejectsABadSize() async throws {
        let r = try await runProcess(moneyloopBinary, ["snapshot", "--size", "big"])
        #expect(r.status != 0)
        #expect(r.err.contains("size"))
    }
}

/// Every panel's title in a real terminal: all at once at 160×48; by Tab at 80×24.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct LayoutEndToEndTests {
    static let titles = ["Funding graph", "Utilization & levers", "Revenue runway", "Concentration", "Stall cost",
                         "Fact check"]

    @Test func wideShowsEveryPanel() async throws {
        let t = try TmuxSession(width: 160, height: 48, command: [moneyloopBinary, "--paused"])
        let s = try await t.waitFor { screen in Self.titles.allSatisfy { screen.contains($0) } }
        for title in Self.titles { #expect(s.contains(title), "missing \(title) at 160x48:\n\(s)") }
        try t.send("q")
        #expect(await t.waitForExit())
    }

    @Test func compactTabsThroughEveryPanel() async throws {
        let t = try TmuxSession(width: 80, height: 24, command: [moneyloopBinary, "--paused"])
        var seen = Set<String>()
        try await t.waitFor { $0.contains("Funding graph") }
        for _ in 0..<6 {
            let s = try t.screen()
            for title in Self.titles where s.contains(title) || (title == "Utilization & levers" && s.contains("Lever")) {
                seen.insert(title)
            }
            try t.send("Tab")
            try await Task.sleep(for: .milliseconds(150))
        }
        #expect(seen == Set(Self.titles), "not seen at 80x24: \(Set(Self.titles).subtracting(seen))")
        try t.send("q")
        #expect(await t.waitForExit())
    }

    @Test func resizeRelaysOutAtOnce() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        try await t.waitFor { $0.contains("Revenue runway") }
        try t.tmux(["resize-window", "-t", t.name, "-x", "60", "-y", "20"])
        let small = try await t.waitFor { $0.contains("terminal too small") }
        #expect(small.contains("need 80×24, have 60×20"))
        try t.tmux(["resize-window", "-t", t.name, "-x", "200", "-y", "60"])
        let big = try await t.waitFor { $0.contains("Fact check") && $0.contains("Stall cost") }
        #expect(big.contains("Fact check"))
        try t.send("q")
        #expect(await t.waitForExit())
    }
}
