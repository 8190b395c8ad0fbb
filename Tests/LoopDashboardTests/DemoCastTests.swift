import Foundation
import LoopSim
import Testing
@testable import LoopDashboard

/// Demos rendered to asciicast v2 without a terminal: the same bytes every time, the v2
/// format with a marker per step, and a replay (pyte) that ends on the demo's last screen.
@Suite struct DemoCastTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shipped demo rendered at 120×40, and the model it ends on.
    static func render(tier: ColorTier = .c256, hold: Double? = nil) throws -> (cast: String, last: Model) {
        let script = try ShippedDemoTests.script()
        var last: Model?
        let demo = DemoCast(width: 120, height: 40, theme: .builtInDefault,
                            caps: Capabilities(color: tier, glyphs: .braille), seed: 7, hold: hold)
        let cast = demo.render(script) { last = $0 }
        return (cast, try #require(last))
    }

    static func lines(_ cast: String) throws -> (header: [String: Any], events: [[Any]]) {
        let rows = cast.split(separator: "\n").map { Data($0.utf8) }
        let header = try #require(try JSONSerialization.jsonObject(with: rows[0]) as? [String: Any])
        let events = try rows.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: $0) as? [Any]) }
        return (header, events)
    }

    @Test func sameScriptAndSeedGiveTheSameBytes() throws {
        let a = try Self.render().cast, b = try Self.render().cast
        #expect(a == b)
        #expect(a.utf8.count > 10_000)
        #expect(try Self.render(tier: .direct).cast != a, "the colour tier changes the SGR")
    }

    @Test func headerEventsAndMarkersFollowVersionTwo() throws {
        let script = try ShippedDemoTests.script()
        let (cast, _) = try Self.render()
        let (header, events) = try Self.lines(cast)
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 120 && header["height"] as? Int == 40)
        #expect(header["title"] as? String == script.title)
        var last = 0.0
        var markers: [(Double, String)] = []
        for (i, e) in events.enumerated() {
            let time = try #require(e[0] as? Double), code = try #require(e[1] as? String)
            #expect(e.count == 3 && e[2] is String)
            #expect(time >= last, "event \(i) goes back in time")
            last = time
            #expect(["o", "m"].contains(code))
            if code == "m" {
                markers.append((time, e[2] as! String))
                // A marker comes just before the frame it names, at the same time.
                #expect(events[i + 1][1] as? String == "o" && events[i + 1][0] as? Double == time)
            }
        }
        #expect(markers.count == script.steps.count)
        for (i, (_, label)) in markers.enumerated() {
            let first = String(script.steps[i].caption.split(separator: "\n")[0])
            #expect(label.hasPrefix("Step \(i + 1)/\(script.steps.count): \(first)"), "\(label)")
        }
        // The pace: each step is held for its reading time at least, and the clock runs
        // the steps' months at the script's speed (eight frames a second).
        let gaps = zip(markers.dropFirst(), markers).map { $0.0 - $1.0 }
        for (i, gap) in gaps.enumerated() { #expect(gap >= DemoCast.readingTime(script.steps[i].caption) - 1e-6) }
        #expect(last >= gaps.reduce(0, +))
    }

    @Test func holdSetsTheTimeBetweenSteps() throws {
        let (cast, _) = try Self.render(hold: 1)
        let markers = try Self.lines(cast).events.filter { $0[1] as? String == "m" }.map { $0[0] as! Double }
        let script = try ShippedDemoTests.script()
        // Step 2 does not move the clock: the gap before it is the hold alone.
        #expect(script.steps[1].month == nil)
        #expect(abs(markers[1] - markers[0] - 1) < 1e-9)
    }

    /// Whether python3 with pyte is installed (`.ci/run` installs it).
    static let hasPyte: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import pyte"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test(.enabled(if: hasPyte, "python3 with pyte is not installed"))
    func replaysToTheDemosLastScreen() throws {
        let (cast, last) = try Self.render()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(getpid()).cast")
        try cast.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let replayed = try Self.replay(file.path)
        let expected = view(last, width: 120, height: 40, caps: Capabilities(color: .c256, glyphs: .braille)).text
        #expect(replayed == expected)
        #expect(replayed.contains("Step 8/8"))
    }

    /// The final screen of a cast as `tools/cast_replay.py` (pyte) shows it.
    static func replay(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root + "/tools/cast_replay.py", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        var rows = text.components(separatedBy: "\n")
        while rows.last == "" { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    @Test func encoderSendsOnlyChangedCells() {
        var a = Frame(width: 20, height: 3)
        a.text(0, 0, "hello", Style(.good))
        var b = a
        b.put(3, 1, "x", Style(.bad, .bold))
        let enc = ANSIEncoder(tier: .c16, glyphs: .braille)
        let theme = Theme.builtInDefault
        let first = enc.encode(from: nil, to: a, theme: theme)
        #expect(first.hasPrefix("\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J"))
        let step = enc.encode(from: a, to: b, theme: theme)
        // Cursor to row 2 column 4, bold bright red (the theme's 16-colour fallback), the x.
        #expect(step == "\u{1B}[2;4H\u{1B}[0;1;91mx\u{1B}[0m")
        #expect(enc.encode(from: b, to: b, theme: theme).isEmpty)
        let direct = ANSIEncoder(tier: .direct, glyphs: .ascii).encode(from: a, to: b, theme: theme)
        #expect(direct.contains("38;2;224;108;117"), "direct colour carries the theme's RGB: \(direct)")
    }

    @Test func recorderMarksScenesAndResizes() {
        var m = Model(paused: true)
        var r = CastRecorder(tier: .c256, glyphs: .braille)
        let f1 = view(m, width: 80, height: 24, caps: .standard)
        #expect(!r.record(f1, model: m, at: 0).contains("\"m\""))
        m.caption = "Scene one: the deal"
        let out = r.record(view(m, width: 100, height: 30, caps: .standard), model: m, at: 1.5)
        #expect(out.hasPrefix("[1.500000, \"m\", \"Scene one: the deal\"]\n[1.500000, \"r\", \"100x30\"]\n"))
        #expect(r.record(view(m, width: 100, height: 30, caps: .standard), model: m, at: 2).isEmpty)
    }

    @Test func aThemeChangeRepaintsEveryCell() throws {
        var m = Model(paused: true)
        var r = CastRecorder(tier: .direct, glyphs: .braille)
        let f = view(m, width: 80, height: 24, caps: .standard)
        _ = r.record(f, model: m, at: 0)
        #expect(r.record(f, model: m, at: 1).isEmpty)
        let light = try BundledThemeTests.load("light").theme
        m.setThemes(ThemeCycle(names: ["light"], current: light))
        let repaint = r.record(f, model: m, at: 2)
        #expect(repaint.contains("\\u001b[2J"), "a full repaint in the new colours")
        #expect(repaint.contains("38;2;36;41;47") || repaint.contains("38;2;87;96;106"), "the light theme's ink")
    }
}
