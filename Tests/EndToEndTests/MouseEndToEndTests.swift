import Foundation
import LoopDashboard
import LoopSim
import TestSupport
import Testing

/// The mouse in a real terminal (tmux, which passes SGR reports to a pane that asked for
/// them): raw reports click and drag the utilization slider and turn the wheel, the values on
/// screen are the registry's; `--no-mouse` asks for no mouse mode and ignores reports.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct MouseEndToEndTests {
    let utilization = ParameterRegistry.parameter("cw.utilization")!

    func shown(_ v: Double) -> String { Format.parameterValue(v, unit: utilization.unit) }

    /// The SGR report of `button` at the 0-based cell, as a terminal sends it.
    func report(_ button: Int, _ x: Int, _ y: Int, release: Bool = false) -> String {
        "\u{1B}[<\(button);\(x + 1);\(y + 1)\(release ? "m" : "M")"
    }

    /// Sends raw bytes (`-H`: as hex, since tmux takes an argument's trailing `;` for its own).
    func send(_ t: TmuxSession, _ bytes: String) throws {
        try t.tmux(["send-keys", "-t", t.name, "-H"] + bytes.utf8.map { String(format: "%02x", $0) })
    }

    /// The utilization lever's row on screen, and the columns of its bar: first, last, target mark.
    func bar(_ screen: String) throws -> (label: Int, y: Int, first: Int, last: Int, target: Int) {
        let rows = screen.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
        let label = try #require(rows.firstIndex { String(String.UnicodeScalarView($0)).contains("GPU utilization") })
        let row = rows[label + 1]
        let lo = Array((shown(utilization.min) + " ").unicodeScalars), hi = Array(("  " + shown(utilization.max)).unicodeScalars)
        func index(_ t: [Unicode.Scalar], from: Int = 0) -> Int? {
            (from...max(from, row.count - t.count)).first { Array(row[$0..<min(row.count, $0 + t.count)]) == t }
        }
        let start = try #require(index(lo, from: row.count / 2))
        let end = try #require(index(hi, from: start))
        let target = try #require(index([Glyphs.of(.braille).target], from: start))
        return (label, label + 1, start + lo.count, end - 1, target)
    }

    func lever(_ screen: String, row: Int) -> String { screen.components(separatedBy: "\n")[row] }

    @Test func clicksDragsAndTheWheelSetTheLever() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        let first = try await t.waitFor { $0.contains("GPU utilization") && $0.contains("Click select") }
        #expect(try t.format("#{mouse_sgr_flag} #{mouse_button_flag}") == "1 1", "SGR reports with drags not asked for")
        #expect(try t.format("#{mouse_all_flag}") == "0", "every motion asked for")
        let b = try bar(first)
        let label = b.label
        // A click on the target's mark: the article's target.
        try send(t, report(0, b.target, b.y) + report(0, b.target, b.y, release: true))
        let target = shown(utilization.target!)
        var s = try await t.waitFor { self.lever($0, row: label).contains(" \(target) ") }
        #expect(lever(s, row: label).contains(" \(target) "), "\(s)")
        // A drag past the bar's end: the range's top; the wheel steps it down one step.
        try send(t, report(0, b.first + 3, b.y) + report(32, b.last + 20, b.y + 3) + report(0, b.last + 20, b.y + 3, release: true))
        s = try await t.waitFor { self.lever($0, row: label).contains(" \(self.shown(self.utilization.max)) ") }
        #expect(lever(s, row: label).contains(" \(shown(utilization.max)) "), "\(s)")
        try send(t, report(65, b.first, b.y))
        let stepped = shown(utilization.stepped(utilization.max, by: -1))
        s = try await t.waitFor { self.lever($0, row: label).contains(" \(stepped) ") }
        #expect(lever(s, row: label).contains(" \(stepped) "), "\(s)")
        // A report split between two reads, the second long after ESCDELAY: one click on the
        // bar's first cell, no stray keys ('0' would reset the lever, '[' step it).
        let split = report(0, b.first, b.y)
        try send(t, String(split.prefix(5)))
        try await Task.sleep(for: .milliseconds(400))
        try send(t, String(split.dropFirst(5)) + report(0, b.first, b.y, release: true))
        s = try await t.waitFor { self.lever($0, row: label).contains(" \(self.shown(self.utilization.min)) ") }
        #expect(lever(s, row: label).contains(" \(shown(utilization.min)) "), "\(s)")
        // A click on a graph node selects it and shows its details; on the status line, nothing.
        let nvidia = try #require(s.components(separatedBy: "\n").enumerated().first { $0.element.contains("NVIDIA ─") })
        let x = nvidia.element[..<nvidia.element.range(of: "NVIDIA")!.lowerBound].unicodeScalars.count
        try send(t, report(0, x, nvidia.offset) + report(0, x, nvidia.offset, release: true))
        s = try await t.waitFor { $0.contains("[NVIDIA]") && $0.contains("[Funding graph]") }
        #expect(s.contains("[NVIDIA]"), "\(s)")
        try send(t, report(0, 3, 0) + report(0, 3, 0, release: true))
        try await Task.sleep(for: .milliseconds(500))
        #expect(try t.screen() == s, "a click on the status line changed the screen")
        try t.send("u")  // undo the last change: the split click
        s = try await t.waitFor { self.lever($0, row: label).contains(" \(stepped) ") }
        try t.send("q")
        try await t.waitFor { $0.contains("Quit anyway?") }
        try t.send("y")
        #expect(await t.waitForExit())
        #expect(try t.format("#{mouse_any_flag} #{mouse_sgr_flag} #{mouse_button_flag}") == "0 0 0",
                "mouse reporting left on after quit")
    }

    @Test func noMouseAsksForNoMouseModeAndIgnoresReports() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused", "--no-mouse"])
        let first = try await t.waitFor { $0.contains("GPU utilization") && $0.contains("t theme") }
        #expect(try t.format("#{mouse_any_flag} #{mouse_sgr_flag} #{mouse_button_flag}") == "0 0 0")
        #expect(!first.contains("Click"), "the hint bar offers the mouse:\n\(first)")
        let b = try bar(first)
        try send(t, report(0, b.target, b.y) + report(32, b.last, b.y) + report(0, b.last, b.y, release: true)
            + report(64, b.first, b.y))
        try t.send("?")  // then a key: the reports were read before it
        try await t.waitFor { $0.contains("Keys") && $0.contains("Esc closes") }
        try t.send("Escape")
        let after = try await t.waitFor { !$0.contains("Esc closes") }
        #expect(lever(after, row: b.label) == lever(first, row: b.label), "a report moved the lever:\n\(after)")
        #expect(!after.contains("*GPU"), "\(after)")
        try t.send("q")
        #expect(await t.waitForExit())
        #expect(t.exitStatus == 0)
    }
}
