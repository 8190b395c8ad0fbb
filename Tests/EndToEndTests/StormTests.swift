import Foundation
import TestSupport
import Testing

/// Resize and key storms against the real binary in a pseudo-terminal.
@Suite(.enabled(if: ReliabilityProbe.available, "python3 with pyte is not installed"), .timeLimit(.minutes(1)))
struct StormTests {
    /// 200 random sizes from 10×4 to 300×100; afterwards the screen at 120×40 and at 60×20
    /// is exactly what `snapshot` draws at that size ("too small" below 80×24).
    @Test func resizeStormLeavesTheRightScreen() throws {
        let r = try ReliabilityProbe.run("resize", ["--n", "200", "--final", "120x40", "--small", "60x20",
                                                    "--env", "NO_COLOR=1"], [moneyloopBinary, "--paused"])
        #expect(r.bool("first_frame") == true, "\(r)")
        #expect(r.int("resizes") == 200, "\(r)")
        #expect(r.values["crash"] is NSNull, "crashed: \(r)")
        let big = try snapshotRows(width: 120, height: 40), small = try snapshotRows(width: 60, height: 20)
        #expect(small.joined().contains("terminal too small"))
        #expect(trimmedRows(r.rows("final_rows")) == big, "at 120x40:\n\(r.rows("final_rows").joined(separator: "\n"))")
        #expect(trimmedRows(r.rows("small_rows")) == small, "at 60x20:\n\(r.rows("small_rows").joined(separator: "\n"))")
        #expect(trimmedRows(r.rows("back_rows")) == big, "back at 120x40:\n\(r.rows("back_rows").joined(separator: "\n"))")
        #expect(r.int("exit_code") == 0, "\(r)")
    }

    /// 10,000 random keys and byte sequences (broken escapes, invalid UTF-8, control
    /// characters, 4 KB pastes) without q, Ctrl-C, Ctrl-Z or Ctrl-\: the dashboard reads them
    /// all, still answers a key, and q quits.
    @Test func keyStormKeepsTheDashboardResponsive() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReliabilityProbe.run("keystorm", ["--n", "10000", "--pastes", "5", "--cwd", dir.path],
                                         [moneyloopBinary, "--paused"])
        #expect(r.int("items") == 10000, "\(r)")
        #expect(r.bool("alive_after_storm") == true, "died during the storm: \(r)")
        #expect(r.bool("drained") == true, "did not read all its input: \(r)")
        #expect(r.bool("help_responded") == true && r.bool("screen_changed") == true, "no answer to ?: \(r)")
        #expect(r.bool("quit_ended") == true && r.int("exit_code") == 0, "q did not quit: \(r)")
        #expect(r.terminalProblems.isEmpty, "\(r.terminalProblems) \(r)")
    }
}
