import Foundation
import TestSupport
import Testing

/// `moneyloop present` in a real terminal (tmux), and its headless forms.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct PresentEndToEndTests {
    static let packageRoot = Support.root.path
    static let demo = packageRoot + "/demos/money-loop.yaml"

    @Test func presentStepsThroughTheShippedDemo() throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "present", Self.demo])
        // Wait for whole screens: under load a capture can land between two parts of a redraw.
        let first = try t.waitFor { $0.contains("Step 1/8") && $0.contains("Space/→ next") && $0.contains("First") && $0.contains("need") }
        #expect(first.contains("The loop as filed") && first.contains("needs"), "\(first)")
        #expect(first.contains("script 1/8") && first.contains("Space/→ next"))
        try t.send("Space")
        let second = try t.waitFor { $0.contains("Step 2/8") && $0.contains("Utilization 75% → 90%") }
        #expect(second.contains("Utilization 75% → 90%"), "\(second)")
        try t.send("Right")
        let third = try t.waitFor { $0.contains("Step 3/8") && $0.contains("The deal's weight on Vast") }
        #expect(third.contains("The deal's weight on Vast"), "\(third)")
        try t.send("Left")
        let back = try t.waitFor { $0.contains("Step 2/8") && $0.contains("script 2/8") }
        #expect(back.contains("script 2/8"))
        try t.send("q")
        #expect(t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
    }

    /// `present --scenario ai-web-2025` plays the second loop's demo to its last step, each
    /// step's caption as `--rehearse` prints it (filled from the engine), then quits cleanly.
    @Test func presentPlaysTheLoopDemoToTheEnd() throws {
        let rehearsal = try runProcess(moneyloopBinary, ["present", "--rehearse", "--scenario", "ai-web-2025"])
        #expect(rehearsal.status == 0)
        let captions = PresentCommandLineTests.firstCaptionLines(rehearsal.out)
        #expect(captions.count == 8, "\(rehearsal.out)")
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "present", "--scenario", "ai-web-2025"])
        for (i, caption) in captions.enumerated() {
            if i > 0 { try t.send("Space") }
            // The clock runs to the step's month first; wait for the step's whole screen.
            let start = String(caption.prefix(60))
            let screen = try t.waitFor(timeout: 30) { $0.contains("Step \(i + 1)/8") && $0.contains(start) && $0.contains("script \(i + 1)/8") }
            #expect(screen.contains("ai-web-2025") && screen.contains(start), "\(screen)")
        }
        try t.send("Space")
        let end = try t.waitFor { $0.contains("last step") }
        #expect(end.contains("Step 8/8"), "\(end)")
        try t.send("q")
        #expect(t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
    }

    @Test func readOnlyDashboardSaysSoAndRefusesLevers() throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused", "--read-only", "--present"])
        let first = try t.waitFor { $0.contains("read-only") && $0.contains("Utilization") }
        #expect(first.contains("read-only"), "\(first)")
        try t.send("r")
        let refused = try t.waitFor { $0.contains("locked: read-only") }
        #expect(refused.contains("locked"), "\(refused)")
        try t.send("q")
        #expect(t.waitForExit())
    }
}

/// `present --check` and `--rehearse`: no terminal needed.
@Suite struct PresentCommandLineTests {
    @Test func checkAcceptsTheShippedDemo() throws {
        let r = try runProcess(moneyloopBinary, ["present", "--check", PresentEndToEndTests.demo])
        #expect(r.status == 0)
        #expect(r.out.hasSuffix(": ok: \"The money loop, step by step\", 8 steps, scenario article-2025\n"))
    }

    @Test func checkRejectsABadScriptWithFileLineAndKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ml-bad-\(getpid()).yaml").path
        try "steps:\n  - caption: hi\n    set: {cw.utilization: 2}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runProcess(moneyloopBinary, ["present", "--check", path])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == "moneyloop: \(path):3:27: steps[0].set.cw.utilization: 2 is out of range; "
            + "allowed 0.4 (40%) … 1 (100%)\n")
        let play = try runProcess(moneyloopBinary, ["present", path])
        #expect(play.status == 2 && play.err.contains("steps[0].set.cw.utilization"))
    }

    /// Each step's first caption line in `--rehearse` output.
    static func firstCaptionLines(_ rehearsal: String) -> [String] {
        let lines = rehearsal.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.filter { lines[$0].hasPrefix("Step ") && $0 + 1 < lines.count }
            .map { String(lines[$0 + 1].dropFirst(2)) }
    }

    /// `--scenario NAME` picks the demo written for that scenario; one with none, or a script
    /// and --scenario together, are refused (status 2).
    @Test func scenarioPicksItsDemo() throws {
        let loop = try runProcess(moneyloopBinary, ["present", "--check", "--scenario", "ai-web-2025"])
        #expect(loop.status == 0 && loop.out.contains("8 steps, scenario ai-web-2025"), "\(loop.err)")
        let article = try runProcess(moneyloopBinary, ["present", "--check", "--scenario", "article-2025"])
        #expect(article.status == 0 && article.out.contains("money-loop.yaml: ok"))
        let none = try runProcess(moneyloopBinary, ["present", "--check", "--scenario", "price-war"])
        #expect(none.status == 2 && none.err.contains("no demo script is written for this scenario"))
        let both = try runProcess(moneyloopBinary, ["present", "--check", "money-loop", "--scenario", "ai-web-2025"])
        #expect(both.status == 2 && both.err.contains("not both"))
    }

    @Test func rehearsePrintsEachStepsHeadline() throws {
        let r = try runProcess(moneyloopBinary, ["present", "--rehearse", PresentEndToEndTests.demo])
        #expect(r.status == 0)
        for n in 1...8 { #expect(r.out.contains("Step \(n)/8 · month")) }
        #expect(r.out.contains("CoreWeave rolls over debt from Jan 26 (month 2), needs money from Mar 26 (month 4), peak $7.4B, out of cash Mar 26 (month 4) if markets close"))
        #expect(r.out.components(separatedBy: " · utilization ").count == 9)
    }
}
