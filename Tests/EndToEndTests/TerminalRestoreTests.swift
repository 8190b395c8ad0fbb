import Foundation
import TestSupport
import Testing

/// The terminal is given back after `q`, every terminating signal and every kind of crash,
/// mouse reporting turned off too; Ctrl-Z gives it back (and the mouse) and `fg` takes both
/// again and redraws the whole screen. Each case runs the real
/// binary in a pseudo-terminal (`tools/reliability_probe.py`).
@Suite(.enabled(if: ReliabilityProbe.available, "python3 with pyte is not installed"), .timeLimit(.minutes(1)))
struct TerminalRestoreTests {
    static let exits: [(String, Int)] = [("q", 0), ("INT", 128 + 2), ("TERM", 128 + 15), ("HUP", 128 + 1), ("QUIT", 128 + 3)]

    @Test(arguments: exits.map(\.0))
    func givenBackAfterQuitAndSignals(_ how: String) throws {
        let r = try ReliabilityProbe.run("restore", ["--how", how], [moneyloopBinary, "--paused"])
        #expect(r.bool("first_frame") == true, "\(r)")
        #expect(r.bool("ended") == true, "did not exit after \(how): \(r)")
        #expect(r.int("exit_code") == Self.exits.first { $0.0 == how }!.1, "\(r)")
        #expect(r["during"].bool("ICANON") == false, "was never in character mode: \(r)")
        #expect(r.values["mouse_entered"] as? [Int] == [1000, 1002, 1006], "mouse reporting never turned on: \(r)")
        #expect(r.terminalProblems.isEmpty, "\(how): \(r.terminalProblems) \(r)")
    }

    /// `MONEYLOOP_TEST_CRASH` crashes the dashboard once its first frame is on screen.
    @Test(arguments: ["fatal", "unwrap", "segv", "abort", "exit"])
    func givenBackAfterACrash(_ kind: String) throws {
        let r = try ReliabilityProbe.run("restore", ["--how", "crash", "--env", "MONEYLOOP_TEST_CRASH=\(kind)",
                                                     "--exit-within", "20"], [moneyloopBinary, "--paused"])
        #expect(r.bool("first_frame") == true, "\(r)")
        #expect(r.bool("ended") == true, "did not crash: \(r)")
        if kind == "exit" {
            #expect(r.int("exit_code") == 3, "\(r)")
        } else {
            #expect(r.string("exit_signal") != nil, "a crash should end by a signal: \(r)")
        }
        #expect(r.values["mouse_entered"] as? [Int] == [1000, 1002, 1006], "mouse reporting never turned on: \(r)")
        #expect(r.terminalProblems.isEmpty, "\(kind): \(r.terminalProblems) \(r)")
    }

    @Test func ctrlZGivesTheTerminalBackAndFgRedrawsEverything() throws {
        let r = try ReliabilityProbe.run("suspend", [], [moneyloopBinary, "--paused"])
        #expect(r.bool("started") == true, "\(r)")
        #expect(r.bool("stopped_prompt") == true, "no shell prompt after Ctrl-Z: \(r["while_stopped"].rows("rows"))")
        let stopped = r["while_stopped"]
        #expect(stopped.bool("alt_active") == false && stopped.bool("cursor_visible") == true, "\(stopped)")
        #expect(stopped.pair("icanon") == [true, true] && stopped.pair("echo") == [true, true], "\(stopped)")
        #expect(stopped.values["mouse_left_on"] as? [Int] == [], "mouse reporting on while stopped: \(stopped)")
        #expect(r.values["mouse_after_fg"] as? [Int] == [1000, 1002, 1006], "mouse reporting not back after fg: \(r)")
        #expect(stopped.rows("rows").contains { $0.contains("Stopped") }, "\(stopped.rows("rows"))")
        #expect(r.bool("same_after_fg") == true,
                "after fg:\n\(r.rows("rows_after_fg").joined(separator: "\n"))\nbefore:\n\(r.rows("rows_before").joined(separator: "\n"))")
        #expect(r.string("status") == "status=0", "\(r)")
        #expect(r["after_quit"].bool("alt_active") == false && r["after_quit"].bool("cursor_visible") == true)
    }

    /// The SSH link drops: the pty's master side closes. The dashboard must end, not spin.
    @Test func aHangupEndsTheDashboard() throws {
        let r = try ReliabilityProbe.run("hangup", ["--exit-within", "5"], [moneyloopBinary])
        #expect(r.int("output_before") ?? 0 > 1000, "\(r)")
        #expect(r.bool("ended") == true, "still running after the hangup: \(r)")
        #expect(r.int("exit_code") == 128 + 1, "\(r)")
    }
}
