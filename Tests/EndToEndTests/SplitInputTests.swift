import Foundation
import LoopDashboard
@testable import LoopTerminal
import TestSupport
import Testing

/// Input that arrives in pieces, storms of bytes and paste floods, against the real binary in
/// a pseudo-terminal (`tools/input_probe.py`).
@Suite(.serialized, .enabled(if: ReliabilityProbe.available, "python3 with pyte is not installed"),
       .timeLimit(.minutes(6)))
struct SplitInputTests {
    /// Every key of the key table that a terminal sends as several bytes, sent split at each
    /// byte boundary and at all of them, with pauses shorter than ESCDELAY between the
    /// pieces; then `é`, `€` and `😀` typed into the `:` line split the same way, with pauses
    /// of 300 ms. The screen after every key, and the scenario saved at the end, are exactly
    /// those of the same keys sent whole.
    @Test func keysSplitAnywhereActAsWhole() async throws {
        let dir = try temporaryDirectory("split")
        defer { try? FileManager.default.removeItem(at: dir) }
        var steps: [[String: Any]] = []
        // Keys that quit anywhere stay out (F10 also answers the quit question).
        var seen = Set(KeyTable.bindings.filter { $0.action == .quit }.flatMap(\.keys))
        for b in KeyTable.bindings where b.action != .quit {
            for key in b.keys where seen.insert(key).inserted {
                guard let cap = KeyDecoder.terminfoName(key) else { continue }
                steps.append(["key": cap, "split": true, "pause": 0.02])
                steps.append(["key": "hex:1b"])  // Esc: back to the plain dashboard
            }
        }
        #expect(steps.count >= 20, "too few keys of several bytes in the key table: \(steps)")
        steps.append(["key": hex(":")])
        for c in ["é", "€", "😀"] { steps.append(["key": hex(c), "split": true, "pause": 0.3]) }
        steps.append(["key": hex("\r")])
        steps.append(["key": "hex:1b"])  // leaves the line if the command was refused
        steps.append(["key": hex(":save state.yaml\r")])
        let (whole, split, saved) = try await Self.wholeAndSplit(steps, settle: 0.3, in: dir)
        // The split bytes really were sent in pieces, and the line shows what was typed.
        #expect((split.values["writes"] as? [String] ?? []).count > (whole.values["writes"] as? [String] ?? []).count)
        let b = split.values["screens"] as? [[String]] ?? []
        #expect(b.joined().contains { $0.contains(":é€€€") }, "typed text not on any screen")
        #expect(saved != nil)
    }

    /// Runs the `split` probe on `steps` (whole, then split) with `--paused`; checks both runs
    /// stay alive and show the same screen after every step, and save the same `state.yaml`
    /// (returned).
    static func wholeAndSplit(_ steps: [[String: Any]], settle: Double, in dir: URL) async throws
        -> (whole: ProbeResult, split: ProbeResult, saved: String?)
    {
        let plan = try JSONSerialization.data(withJSONObject: ["steps": steps, "settle": settle])
        let r = try await probe("split", ["--plan", String(decoding: plan, as: UTF8.self), "--cwd", dir.path],
                                [moneyloopBinary, "--paused"], tool: ReliabilityProbe.inputScript)
        let whole = r["whole"], split = r["split"]
        for run in [whole, split] {
            #expect(run.bool("first_frame") == true, "\(run)")
            #expect(run.bool("alive_after_steps") == true && run.int("exit_code") == 0, "\(run)")
        }
        let a = whole.values["screens"] as? [[String]] ?? [], b = split.values["screens"] as? [[String]] ?? []
        #expect(a.count == b.count && a.count > steps.count, "\(a.count) screens whole, \(b.count) split")
        for (i, (x, y)) in zip(a, b).enumerated() where x != y {
            Issue.record("screen \(i) differs:\nwhole:\n\(x.joined(separator: "\n"))\nsplit:\n\(y.joined(separator: "\n"))")
            break
        }
        let saved = ["whole", "split"].map { try? String(contentsOf: dir.appendingPathComponent("\($0)/state.yaml"), encoding: .utf8) }
        #expect(saved[0] != nil && saved[0] == saved[1], "the saved models differ")
        return (whole, split, saved[0])
    }

    /// Mouse reports (a click on the utilization bar's target mark, the wheel over its first
    /// cell) sent split at every byte boundary and at all of them with pauses shorter than
    /// ESCDELAY, then cut once at each boundary with pauses of 300 ms: every screen, and the
    /// scenario saved at the end, are exactly those of the reports sent whole. None is taken
    /// for keys (its `0` would reset the lever, its `[` step it, its digits jump to scenes).
    @Test func mouseReportsSplitAnywhereActAsWhole() async throws {
        let dir = try temporaryDirectory("split-mouse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (w, h) = (120, 40)  // the probe's size
        let m = Model(paused: true)
        var cells: [(x: Int, y: Int, value: Double)] = []
        for y in 0..<h {
            for x in 0..<w {
                if case let .lever(0, v?)? = MouseHit.target(m, width: w, height: h, x: x, y: y) { cells.append((x, y, v)) }
            }
        }
        let target = try #require(cells.first { $0.value == m.levers[0].target })
        let low = try #require(cells.first)
        let reports = ["\u{1B}[<0;\(target.x + 1);\(target.y + 1)M\u{1B}[<0;\(target.x + 1);\(target.y + 1)m",
                       "\u{1B}[<65;\(low.x + 1);\(low.y + 1)M"]
        var steps: [[String: Any]] = []
        for r in reports {
            steps.append(["key": hex(r), "split": true, "pause": 0.02])
            for c in 1..<r.utf8.count { steps.append(["key": hex(r), "cuts": [c], "pause": 0.3]) }
        }
        steps.append(["key": hex(":save state.yaml\r")])
        let saved = try await Self.wholeAndSplit(steps, settle: 0.2, in: dir).saved
        #expect(saved?.contains("cw.utilization") == true, "the reports changed no lever: \(saved ?? "")")
    }

    /// A quit key split at any byte boundary still quits, with status 0.
    @Test func splitQuitKeysQuit() async throws {
        let dir = try temporaryDirectory("split-quit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let quitKeys = KeyTable.bindings.filter { $0.action == .quit }.flatMap(\.keys).compactMap(KeyDecoder.terminfoName)
        #expect(!quitKeys.isEmpty)
        for cap in quitKeys {
            let length = try await runProcess("/usr/bin/env", ["tput", "-T", "xterm-256color", cap]).out.utf8.count
            #expect(length > 1, "\(cap) is \(length) bytes")
            let cuts = (1..<max(2, length)).map { [$0] } + [Array(1..<max(2, length))]
            for c in cuts {
                let plan = try JSONSerialization.data(withJSONObject: [
                    "steps": [["key": cap, "cuts": c, "pause": 0.02]], "runs": ["split"], "settle": 0.3,
                ])
                let r = try await Self.probe("split", ["--plan", String(decoding: plan, as: UTF8.self), "--cwd", dir.path],
                                                 [moneyloopBinary, "--paused"], tool: ReliabilityProbe.inputScript)["split"]
                #expect(r.bool("alive_after_steps") == false && r.int("exit_code") == 0, "\(cap) cut at \(c): \(r)")
            }
        }
    }

    /// Random bytes, every one except the signal bytes (Ctrl-C, Ctrl-Z, Ctrl-\) and q/Q, in
    /// random pieces with random pauses: the dashboard stays alive, and Esc Esc q quits it.
    @Test(arguments: [20_000, 60_000])
    func byteStormsLeaveItAnsweringQ(bytes: Int) async throws {
        let dir = try temporaryDirectory("storm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Self.probe("storm", ["--bytes", "\(bytes)", "--cwd", dir.path], [moneyloopBinary, "--paused"],
                                         tool: ReliabilityProbe.inputScript)
        #expect(r.bool("alive_after_storm") == true, "died in the storm: \(r)")
        let controls = Set((r.values["control_bytes"] as? [Int]) ?? [])
        let wanted = Set((0..<32).filter { ![3, 26, 28].contains($0) } + [127])
        #expect(controls == wanted, "control bytes not sent: \(wanted.subtracting(controls).sorted())")
        #expect(r.bool("quit_ended") == true && r.int("exit_code") == 0, "q did not quit: \(r)")
        #expect(r.terminalProblems.isEmpty, "\(r.terminalProblems) \(r)")
    }

    /// A 1 MB paste, then q (or Ctrl-C): the paste is read as fast as it comes, and the key
    /// right behind it ends the dashboard within seconds.
    @Test(arguments: [("q", 0), ("ctrl-c", 130)])
    func pasteFloodThenQuit(key: String, status: Int) async throws {
        let dir = try temporaryDirectory("flood")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Self.probe("flood", ["--bytes", "1048576", "--then", key, "--exit-within", "10",
                                                   "--cwd", dir.path],
                                         [moneyloopBinary, "--paused"], tool: ReliabilityProbe.inputScript)
        #expect(r.values["stalled"] is NSNull, "the dashboard stopped reading the paste: \(r)")
        #expect(r.bool("alive_after_paste") == true, "\(r)")
        #expect(r.bool("ended_after_key") == true && r.int("exit_code") == status, "\(key) did not end it: \(r)")
    }

    /// `ReliabilityProbe.run` of `tools/input_probe.py`, on a thread of its own: the probes
    /// take a minute, and the test runner's few shared threads must stay free.
    static func probe(_ sub: String, _ options: [String], _ command: [String], tool: String) async throws -> ProbeResult {
        try await offPool { try ReliabilityProbe.run(sub, options, command, tool: tool) }
    }

    private func hex(_ s: String) -> String { "hex:" + s.utf8.map { String(format: "%02x", $0) }.joined() }

    private func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
