import Foundation
import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// The screens of a loop quoted in the docs are the program's own output: each block
/// under a `<!-- snapshot … -->` line is what `moneyloop snapshot` draws with those options.
@Suite struct LoopDocsTests {
    /// Each `<!-- snapshot ARGS -->` marker with the fenced block below it.
    static func quoted(in file: String) throws -> [(args: [String], block: String)] {
        let text = try String(contentsOf: Support.root.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [(args: [String], block: String)] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("<!-- snapshot ") && line.hasSuffix(" -->") {
            let args = line.dropFirst("<!-- snapshot ".count).dropLast(" -->".count).split(separator: " ").map(String.init)
            guard i + 1 < lines.count, lines[i + 1] == "```",
                  let end = lines[(i + 2)...].firstIndex(of: "```") else { continue }
            out.append((args, lines[(i + 2)..<end].joined(separator: "\n")))
        }
        return out
    }

    /// What `snapshot` prints for the options the docs use (--scenario, --panel, --size, --months).
    static func snapshot(_ args: [String]) throws -> String {
        var options: [String: String] = [:]
        for k in stride(from: 0, to: args.count - 1, by: 2) { options[args[k]] = args[k + 1] }
        let name = try #require(options["--scenario"])
        var m = Model(paused: true)
        m.load(LoopSession(loop: try LoopFile.load(contentsOf: Support.scenarioPath(name))))
        m.month = Int(options["--months"] ?? "0") ?? 0
        let size = (options["--size"] ?? "120x40").split(separator: "x").compactMap { Int($0) }
        let caps = Capabilities(color: .mono, glyphs: .braille)
        let frame = try options["--panel"].map { p in
            panelView(try #require(Panel(name: p)), model: m, width: size[0], height: size[1], caps: caps)
        } ?? view(m, width: size[0], height: size[1], caps: caps)
        return frame.text(for: .braille).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    @Test(arguments: ["docs/simulation.md", "README.md"])
    func quotedScreensMatchTheProgram(file: String) throws {
        let quoted = try Self.quoted(in: file)
        #expect(!quoted.isEmpty, "no snapshot quoted in \(file)")
        for q in quoted {
            let expected = try Self.snapshot(q.args)
            let shown = q.block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
            #expect(shown == expected, "\(file): snapshot \(q.args.joined(separator: " ")) differs:\n\(expected)")
        }
    }
}
