import Foundation
import TestSupport
import Testing

/// TERM unset, unknown or `dumb`, stdin or stdout not a terminal, no UTF-8 locale: a clear
/// message or a graceful fallback; never a crash, never an escape sequence in a pipe.
@Suite(.enabled(if: ReliabilityProbe.available, "python3 with pyte is not installed"), .timeLimit(.minutes(1)))
struct TerminalEnvironmentTests {
    func refused(_ r: ProbeResult, saying text: String) {
        #expect(r.int("exit_code") == 2, "\(r)")
        #expect(r.string("output")?.contains(text) == true, "\(r)")
        #expect(r.bool("escape_in_output") == false, "escape sequence written: \(r)")
    }

    @Test func termUnsetIsRefusedWithAMessage() throws {
        refused(try ReliabilityProbe.run("screen", [], ["env", "-u", "TERM", moneyloopBinary]), saying: "TERM is not set")
    }

    @Test func termDumbIsRefusedWithAMessage() throws {
        refused(try ReliabilityProbe.run("screen", ["--term", "dumb"], [moneyloopBinary]), saying: "TERM=dumb")
    }

    @Test func stdinNotATerminalIsRefused() throws {
        refused(try ReliabilityProbe.run("screen", [], ["sh", "-c", "exec \"$0\" </dev/null", moneyloopBinary]),
                saying: "needs a terminal")
    }

    /// stdout into a pipe (`moneyloop | cat`): the message on stderr, nothing through the pipe.
    @Test func stdoutNotATerminalIsRefused() throws {
        let r = try ReliabilityProbe.run("screen", [], ["sh", "-c", "(\"$0\"; echo \"status=$?\") | cat", moneyloopBinary])
        #expect(r.string("output")?.contains("needs a terminal") == true, "\(r)")
        #expect(r.string("output")?.contains("status=2") == true, "\(r)")
        #expect(r.bool("escape_in_output") == false, "escape sequence written: \(r)")
    }

    /// A TERM with no terminfo here: the dashboard runs as xterm-256color and says so.
    @Test func unknownTermFallsBackAndSaysSo() throws {
        let r = try ReliabilityProbe.run("screen", ["--term", "no-such-terminal", "--quit"], [moneyloopBinary, "--paused"])
        let screen = r.rows("rows").joined(separator: "\n")
        #expect(screen.contains("Funding graph"), "\(screen)")
        #expect(screen.contains("no terminfo for TERM=no-such-terminal: using xterm-256color"), "\(screen)")
        #expect(r.int("exit_code") == 0, "\(r)")
    }

    /// No UTF-8 locale (LANG=C, or a UTF-8 locale this machine lacks): ASCII drawing.
    @Test(arguments: ["C", "xx_XX.UTF-8"])
    func noUTF8LocaleDrawsASCII(_ locale: String) throws {
        let r = try ReliabilityProbe.run("screen", ["--env", "LANG=\(locale)", "--env", "LC_ALL=\(locale)", "--quit"],
                                         [moneyloopBinary, "--paused"])
        let screen = r.rows("rows").joined(separator: "\n")
        #expect(screen.contains("Funding graph") && screen.contains("Runway"), "\(screen)")
        #expect(r.bool("non_ascii") == false, "non-ASCII on screen:\n\(screen)")
        // The probe's terminal, like PuTTY or konsole, does not carry out REP (repeat the last
        // character): every box is still drawn whole, top to bottom and edge to edge.
        let rows = r.rows("rows"), width = rows.map(\.count).max() ?? 0
        let boxRows = rows.filter { $0.hasPrefix("+") || $0.hasPrefix("|") }
        #expect(boxRows.count > 10 && boxRows.allSatisfy { $0.count == width },
                "box rows short of the screen's width (\(width)):\n\(screen)")
        #expect(rows.contains { $0.contains("Funding graph -----") }, "\(screen)")
        #expect(r.int("exit_code") == 0, "\(r)")
    }

    /// The headless commands write plain text even when TERM says colour.
    @Test(arguments: [["simulate"], ["simulate", "--format", "json"], ["params"], ["factcheck"], ["snapshot"]])
    func headlessOutputHasNoEscapes(_ args: [String]) throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        let r = try runProcess(moneyloopBinary, args, environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.isEmpty && !r.out.contains("\u{1B}") && !r.err.contains("\u{1B}"))
    }
}
