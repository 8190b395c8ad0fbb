import Foundation
import TestSupport
import Testing

/// The dashboard in the terminals people actually have: 256 colours, 8 colours, the Linux
/// console, NO_COLOR, no UTF-8 locale, each `--color` tier, and themes switched live.
/// Every run checks the bytes sent to the terminal, not only the screen's text.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct CapabilityEndToEndTests {
    /// `swift test` sets NO_COLOR=1 for its children; an empty NO_COLOR counts as unset.
    static let utf8 = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": ""]
    static let eightColours: Set<Int> = Set(30...37).union([39]).union(40...47).union([49])

    /// The whole first frame is on the screen: the hint bar (drawn last) is there.
    static func drawn(_ screen: String) -> Bool {
        screen.contains("Revenue runway") && screen.split(separator: "\n").last { !$0.isEmpty }?.contains("quit") == true
    }

    func run(_ args: [String] = ["--paused"], _ env: [String: String], ready: @escaping (String) -> Bool = drawn,
             keys: [(String, (String) -> Bool)] = []) throws -> CapturedRun
    {
        let r = try CapturedRun.run(args, environment: Self.utf8.merging(env) { $1 }, ready: ready, keys: keys)
        #expect(r.exitStatus == 0)
        for title in ["Funding graph", "Utilization & levers", "Revenue runway", "GPU utilization"] {
            #expect(r.screens[0].contains(title), "missing \(title):\n\(r.screens[0])")
        }
        return r
    }

    @Test func xterm256ColoursAndTCyclesTheTheme() async throws {
        let r = try run(["--paused"], ["TERM": "xterm-256color"],
                        keys: [("t", { $0.contains("theme colorblind") }), ("t", { $0.contains("theme high-contrast") }),
                               (":theme light", { $0.contains(":theme light") }), ("Enter", { $0.contains("theme light ") })])
        #expect(r.screens[0].contains("theme default"))
        #expect(r.screens[1].contains("theme colorblind"), "t did not switch:\n\(r.screens[1])")
        #expect(r.screens[2].contains("theme high-contrast"))
        #expect(r.screens[4].contains("· theme light"), ":theme did not switch:\n\(r.screens[4])")
        #expect(r.colourCodes.contains(38), "no 256-colour foreground")
        // high-contrast paints its own black background.
        #expect(r.text.contains("48;5;16m") || r.text.contains(";48;5;16"), "no painted background")
    }

    @Test func xtermEightColours() async throws {
        let r = try run(["--paused"], ["TERM": "xterm"])
        #expect(!r.colourCodes.isEmpty && r.colourCodes.isSubset(of: Self.eightColours), "\(r.colourCodes.sorted())")
    }

    @Test func linuxConsole() async throws {
        let r = try run(["--paused"], ["TERM": "linux"])
        #expect(!r.colourCodes.isEmpty && r.colourCodes.isSubset(of: Self.eightColours), "\(r.colourCodes.sorted())")
    }

    @Test func noColorSendsNoColourAtAll() async throws {
        let r = try run(["--paused"], ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(r.colourCodes.isEmpty, "colour codes with NO_COLOR: \(r.colourCodes.sorted())")
        // Meaning still shows: reverse for the selection, bold for the focused panel.
        #expect(r.sgrParameters.isSuperset(of: [1, 7]))
    }

    @Test func noUTF8LocaleSendsOnlyASCII() async throws {
        let r = try run(["--paused"], ["TERM": "xterm-256color", "LANG": "C", "LC_ALL": "C"])
        let high = r.bytes.filter { $0 >= 0x80 }
        #expect(high.isEmpty, "\(high.count) bytes ≥ 0x80")
        #expect(r.screens[0].contains("+[Utilization & levers]"))
    }

    @Test(arguments: [("8", Self.eightColours), ("16", Self.eightColours.union(90...97).union(100...107))])
    func forcedLowTiers(_ tier: String, _ allowed: Set<Int>) throws {
        let r = try run(["--paused", "--color", tier], ["TERM": "xterm-256color"])
        #expect(!r.colourCodes.isEmpty && r.colourCodes.isSubset(of: allowed), "\(r.colourCodes.sorted())")
        if tier == "16" { #expect(!r.colourCodes.isDisjoint(with: 90...97), "no bright colour in 16 colours") }
    }

    @Test func forced256OnAnEightColourTERMUsesItsRicherEntry() async throws {
        let r = try run(["--paused", "--color", "256"], ["TERM": "xterm"])
        #expect(r.text.contains("38;5;"), "no 256-colour escape")
    }

    @Test func forcedMonoSendsNoColour() async throws {
        let r = try run(["--paused", "--color", "mono"], ["TERM": "xterm-256color"])
        #expect(r.colourCodes.isEmpty)
    }

    @Test func forcedDirectWithoutADirectEntrySaysSoAndUses256() async throws {
        // A 256-colour entry under a name that has no -direct sibling anywhere.
        let dir = try Self.terminfoCopy(of: "xterm-256color", as: "mltest-256color")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["--paused", "--color", "direct"], ["TERM": "mltest-256color", "TERMINFO": dir],
                        ready: { Self.drawn($0) && $0.contains("--color direct") })
        // The notice is cut to the status line's room.
        #expect(r.screens[0].contains("--color direct: terminfo mltest-"), "\(r.screens[0])")
        #expect(r.text.contains("38;5;") && !r.text.contains("38:2:"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tic"), "tic is not installed"))
    func forcedDirectUsesADirectEntry() throws {
        let dir = try Self.terminfoWithDirect()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["--paused", "--color", "direct"], ["TERM": "xterm-256color", "TERMINFO": dir])
        // The default theme's sky blue, #61afef, as 24-bit colour.
        #expect(r.text.contains("38:2::97:175:239") || r.text.contains("38;2;97;175;239"), "no direct colour")
    }

    @Test func projectorThemePaintsAWhiteBackground() async throws {
        let r = try run(["--paused", "--theme", "projector"], ["TERM": "xterm-256color"])
        #expect(r.screens[0].contains("theme projector"))
        #expect(r.text.contains("48;5;231"), "no white background")
    }

    /// A terminfo directory holding the system's entry `term` under another name.
    static func terminfoCopy(of term: String, as name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-ti-\(UUID().uuidString)").path
        let first = String(term.prefix(1))
        let system = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].map { "\($0)/\(first)/\(term)" }
            .first { FileManager.default.fileExists(atPath: $0) }
        let src = try #require(system, "no \(term) terminfo")
        try FileManager.default.createDirectory(atPath: dir + "/" + String(name.prefix(1)), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: src, toPath: dir + "/" + String(name.prefix(1)) + "/" + name)
        return dir
    }

    /// A terminfo directory with an `xterm-direct` entry compiled by `tic`, as ncurses-term ships it.
    static func terminfoWithDirect() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-ti-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let source = dir + "/xterm-direct.src"
        try """
            xterm-direct|xterm with direct-color indexing,
            \tRGB, colors#0x1000000, pairs#0x10000, CO#8,
            \tinitc@, op=\\E[39;49m,
            \tsetab=\\E[%?%p1%{8}%<%t4%p1%d%e48\\:2\\:\\:%p1%{65536}%/%d\\:%p1%{256}%/%{255}%&%d\\:%p1%{255}%&%d%;m,
            \tsetaf=\\E[%?%p1%{8}%<%t3%p1%d%e38\\:2\\:\\:%p1%{65536}%/%d\\:%p1%{256}%/%{255}%&%d\\:%p1%{255}%&%d%;m,
            \tsetb@, setf@, use=xterm-256color,

            """.write(toFile: source, atomically: true, encoding: .utf8)
        let r = try runProcess("/usr/bin/tic", ["-x", "-o", dir, source])
        #expect(r.status == 0, "tic: \(r.err)")
        return dir
    }
}

/// `moneyloop themes` and `--theme` errors, without a terminal.
@Suite struct ThemesCommandTests {
    @Test func listShowsTheBundledThemesWithKindAndOrigin() async throws {
        let r = try await runProcess(moneyloopBinary, ["themes", "list"])
        #expect(r.status == 0)
        for name in ["colorblind", "default", "high-contrast", "light", "mono", "projector"] {
            #expect(r.out.contains("\n\(name) ") || r.out.hasPrefix("\(name) "), "missing \(name):\n\(r.out)")
        }
        #expect(r.out.contains("light  bundled"))
    }

    @Test func checkPassesABundledThemeAndFailsABrokenFileWithStatus2() async throws {
        let ok = try await runProcess(moneyloopBinary, ["themes", "check", "projector"])
        #expect(ok.status == 0 && ok.out.contains("ok: projector (light), 39 roles set"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/broken.yaml"
        try "name: broken\nkind: dark\nroles:\n  good: { fg: greeen }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try await runProcess(moneyloopBinary, ["themes", "check", file])
        #expect(bad.status == 2 && bad.out.isEmpty)
        #expect(bad.err == "moneyloop: \(file):4:15: roles.good.fg: 'greeen' is not a colour (did you mean 'green'?); "
            + "expected #RRGGBB, a palette name, one of the 16 ANSI names or default\n")
        // The dashboard refuses the same file before it touches the terminal.
        let dash = try await runProcess(moneyloopBinary, ["--theme", file])
        #expect(dash.status == 2 && dash.err.contains("broken.yaml:4:15: roles.good.fg"))
    }

    @Test func unknownThemeNameListsTheKnownOnes() async throws {
        let r = try await runProcess(moneyloopBinary, ["--theme", "projecter"])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("moneyloop: --theme: projecter: no such theme (did you mean projector?)"))
    }
}
