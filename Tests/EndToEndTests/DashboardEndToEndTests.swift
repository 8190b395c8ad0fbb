import Foundation
import Testing

/// The real binary in a real terminal (tmux): panels appear, keys work, the terminal is
/// given back.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct DashboardEndToEndTests {
    @Test func panelsAppearRightKeyChangesUtilizationAndQuitRestores() throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        let first = try t.waitFor { $0.contains("GPU utilization") }
        for title in ["Funding graph", "Utilization & levers", "Revenue runway", "75%"] {
            #expect(first.contains(title), "missing \(title):\n\(first)")
        }
        #expect(try t.format("#{alternate_on}") == "1")
        try t.send("Right")
        let after = try t.waitFor { $0.contains("76%") }
        #expect(after.contains("76%"), "utilization did not change:\n\(after)")
        try t.send("q")
        #expect(t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    @Test func sigtermGivesTheTerminalBack() throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary])
        try t.waitFor { $0.contains("Funding graph") }
        let pid = try #require(t.pid)
        kill(pid, SIGTERM)
        #expect(t.waitForExit())
        #expect(t.exitStatus == 128 + Int(SIGTERM))
        #expect(try t.format("#{alternate_on}") == "0")
        #expect(try t.format("#{cursor_flag}") == "1")
    }

    @Test func theClockAdvancesWhileRunning() throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--speed", "8"])
        let s = try t.waitFor { $0.contains("month 3/") || $0.contains("month 4/") }
        #expect(s.contains("running"), "clock did not run:\n\(s)")
        try t.send("q")
        #expect(t.waitForExit())
    }
}

/// The command line without a terminal.
@Suite struct CommandLineTests {
    @Test func noTerminalExitsTwoWithAHint() throws {
        let r = try runProcess(moneyloopBinary, [])
        #expect(r.status == 2)
        #expect(r.err.contains("needs a terminal") && r.err.contains("snapshot"))
        #expect(r.out.isEmpty)
    }

    @Test func snapshotWorksWithoutATerminal() throws {
        let r = try runProcess(moneyloopBinary, ["snapshot", "--size", "120x40"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 40)
        #expect(r.out.contains("Funding graph") && r.out.contains("Revenue runway"))
        #expect(!r.out.contains("\u{1B}"), "escape sequence in plain output")
    }

    @Test func snapshotRejectsABadSize() throws {
        let r = try runProcess(moneyloopBinary, ["snapshot", "--size", "big"])
        #expect(r.status != 0)
        #expect(r.err.contains("size"))
    }
}
