import Foundation
import TestSupport
import Testing

/// Exports from the command line and from live sessions: SVG snapshots, casts of a live
/// presentation replayed with pyte, headless casts byte for byte, narration files.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"),
       .enabled(if: ReliabilityProbe.available, "python3 with pyte is not installed"), .serialized)
struct ExportEndToEndTests {
    static let root = PresentEndToEndTests.packageRoot
    static let demo = PresentEndToEndTests.demo

    static func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(getpid())-\(name)").path
    }

    /// The final screen of a cast, replayed by pyte (`tools/cast_replay.py`).
    static func replay(_ cast: String, markers: Bool = false) throws -> String {
        let r = try runProcess("/usr/bin/env", ["python3", root + "/tools/cast_replay.py", cast]
            + (markers ? ["--markers"] : []))
        #expect(r.status == 0, "\(r.err)")
        return r.out
    }

    static func rows(_ text: String) -> [String] {
        var rows = text.components(separatedBy: "\n").map { s -> String in
            var t = Substring(s)
            while t.last == " " { t = t.dropLast() }
            return String(t)
        }
        while rows.last == "" { rows.removeLast() }
        return rows
    }

    @Test func snapshotWritesSVGAndOnePanel() throws {
        let file = Self.temp("screen.svg")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try runProcess(moneyloopBinary, ["snapshot", "--format", "svg", "--theme", "light", "-o", file])
        #expect(r.status == 0 && r.out.isEmpty, "\(r.err)")
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n") && svg.contains("#24292f"), "light theme ink")
        let panel = try runProcess(moneyloopBinary, ["snapshot", "--format", "svg", "--panel", "runway", "--size", "70x18"])
        #expect(panel.status == 0 && panel.out.contains("Revenue runway") && !panel.out.contains("Funding graph"))
        #expect(panel.out.contains("width=\"654\""), "70 cells of 9 px and two margins of 12")
        let bad = try runProcess(moneyloopBinary, ["snapshot", "--panel", "chart"])
        #expect(bad.status == 2 && bad.err == "moneyloop: --panel: chart: unknown panel; allowed: graph, levers, runway, "
            + "concentration, stall, factcheck\n" && bad.out.isEmpty, "\(bad.err)")
        let text = try runProcess(moneyloopBinary, ["snapshot", "--panel", "facts", "--size", "60x20"])
        #expect(text.status == 0 && text.out.hasPrefix("╭") && text.out.contains("Fact check"))
    }

    @Test func headlessCastIsByteIdenticalAndNarrated() throws {
        let a = Self.temp("a.cast"), b = Self.temp("b.cast"), said = Self.temp("said.txt")
        defer { for f in [a, b, said] { try? FileManager.default.removeItem(atPath: f) } }
        let args = ["present", Self.demo, "--size", "120x40", "--seed", "3", "--hold", "2"]
        let r1 = try runProcess(moneyloopBinary, args + ["--cast", a, "--narrate", said])
        let r2 = try runProcess(moneyloopBinary, args + ["--cast", b])
        #expect(r1.status == 0 && r2.status == 0, "\(r1.err) \(r2.err)")
        let (ca, cb) = (try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)))
        #expect(ca == cb && ca.count > 10_000)
        let markers = try Self.replay(a, markers: true).split(separator: "\n")
        #expect(markers.count == 8 && markers[0].contains("Step 1/8: The loop as filed"))
        #expect(try Self.replay(a).contains("Step 8/8"))
        let narration = try String(contentsOfFile: said, encoding: .utf8).split(separator: "\n")
        #expect(narration.first?.hasPrefix("article-2025: month 0") == true, "\(narration)")
        #expect(narration.filter { $0.hasPrefix("Step ") }.count == 7)
        let noCast = try runProcess(moneyloopBinary, ["present", Self.demo, "--size", "120x40"])
        #expect(noCast.status == 2 && noCast.err.contains("--cast"))
    }

    @Test func liveCastReplaysToTheLiveScreen() throws {
        let cast = Self.temp("live.cast"), said = Self.temp("live.txt")
        defer { for f in [cast, said] { try? FileManager.default.removeItem(atPath: f) } }
        let t = try TmuxSession(width: 120, height: 40,
                                command: [moneyloopBinary, "present", Self.demo, "--cast", cast, "--narrate", said])
        _ = try t.waitFor(timeout: 20) { $0.contains("Step 1/8") && $0.contains("First to need money") }
        for step in 2...3 {
            try t.send("Space")
            _ = try t.waitFor(timeout: 20) { $0.contains("Step \(step)/8") && $0.contains("script \(step)/8") }
        }
        // Let the step's clock finish: the screen stops changing.
        var screen = try t.screen(), stable = 0
        for _ in 0..<60 where stable < 3 {
            Thread.sleep(forTimeInterval: 0.5)
            let next = try t.screen()
            stable = next == screen ? stable + 1 : 0
            screen = next
        }
        try t.send("q")
        #expect(t.waitForExit(timeout: 20))
        #expect(Self.rows(try Self.replay(cast)) == Self.rows(screen))
        let markers = try Self.replay(cast, markers: true).split(separator: "\n")
        #expect(markers.count == 3 && markers[2].contains("Step 3/8"), "\(markers)")
        let narration = try String(contentsOfFile: said, encoding: .utf8)
        #expect(narration.contains("Step 2 of 8: ") && narration.contains("Step 3 of 8: "), "\(narration)")
    }

    @Test func exportCommandWritesTheScreenAsSVG() throws {
        let file = Self.temp("live.svg")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(width: 100, height: 30, command: [moneyloopBinary, "--paused"])
        _ = try t.waitFor(timeout: 20) { $0.contains("Funding graph") }
        try t.send(":")
        _ = try t.waitFor(timeout: 20) { $0.contains("Enter runs") }
        // Typed as a person types: a whole line in one read counts as a paste flood under load.
        for ch in "export \(file)" {
            try t.send("-l", String(ch))
            Thread.sleep(forTimeInterval: 0.03)
        }
        _ = try t.waitFor(timeout: 20) { $0.contains(":export \(file)") }
        try t.send("Enter")
        _ = try t.waitFor(timeout: 20) { $0.contains("wrote \(file)") }
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains(">Funding<") && svg.contains("width=\"924\""))
        try t.send("q")
        #expect(t.waitForExit(timeout: 20))
    }

    @Test func followerRecordsAndNarratesWhatThePresenterDoes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-castfollow-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let keys = dir.appendingPathComponent("authorized_keys").path
        try "".write(toFile: keys, atomically: true, encoding: .utf8)
        let env = ["XDG_RUNTIME_DIR": dir.path, "XDG_STATE_HOME": dir.path + "/state"]
        let port = 20_000 + Int((getpid() + 7) % 20_000)
        let server = try TmuxSession(width: 100, height: 10, command: [moneyloopBinary, "serve", "--listen",
                                                                     "127.0.0.1:\(port)", "--authorized-keys", keys,
                                                                     "--follow"], environment: env)
        _ = try await server.waitFor { $0.contains("presenter relay listening") }
        let cast = dir.appendingPathComponent("follower.cast").path, said = dir.appendingPathComponent("said.txt").path
        let presenter = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused", "--share"],
                                        environment: env)
        let follower = try TmuxSession(width: 100, height: 30, command: [moneyloopBinary, "--follow", "--cast", cast,
                                                                       "--narrate", said], environment: env)
        try await presenter.waitFor { $0.contains("GPU utilization") }
        try await follower.waitFor { $0.contains("GPU utilization") }
        try presenter.send("Right", "Right", "Right")
        let followed = try await follower.waitFor { $0.contains("what-if: GPU utilization 78%") }
        try follower.send("q")
        #expect(await follower.waitForExit(timeout: 20))
        #expect(Self.rows(try Self.replay(cast)) == Self.rows(followed))
        let narration = try String(contentsOfFile: said, encoding: .utf8)
        #expect(narration.contains("GPU utilization 78%: "), "\(narration)")
    }

    /// The sizes docs/exports.md quotes are the program's.
    @Test func docsQuoteTheProgramsSizes() throws {
        let docs = try String(contentsOfFile: Self.root + "/docs/exports.md", encoding: .utf8)
        func grouped(_ n: Int) -> String {
            let s = String(n)
            return s.count > 3 ? s.dropLast(3) + "," + s.suffix(3) : s
        }
        let screen = try runProcess(moneyloopBinary, ["snapshot", "--format", "svg"])
        #expect(docs.contains("120×40 screen is \(grouped(screen.out.utf8.count)) bytes"))
        let panel = try runProcess(moneyloopBinary, ["snapshot", "--format", "svg", "--panel", "runway", "--size", "80x20"])
        #expect(docs.contains("runway panel at 80×20 is \(grouped(panel.out.utf8.count)) bytes"))
        let file = Self.temp("docs.cast")
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try runProcess(moneyloopBinary, ["present", Self.demo, "--cast", file, "--size", "120x40"])
        let cast = try String(contentsOfFile: file, encoding: .utf8)
        let events = cast.split(separator: "\n").filter { $0.contains(", \"o\", ") }
        let end = try #require(Double(cast.split(separator: "\n").last!.dropFirst().prefix { $0 != "," }))
        let seconds = (end * 10).rounded() / 10
        #expect(docs.contains("120×40 is \(grouped(cast.utf8.count)) bytes, \(seconds)\n  seconds long, \(events.count) output events"),
                "\(cast.utf8.count) bytes, \(seconds) s, \(events.count) events")
    }
}
