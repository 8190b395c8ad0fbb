import Foundation
import Testing
import TestSupport

/// argument-parser's `generate-manual`, which the man page needs and `swift build --build-tests`
/// does not build: `.ci/run` builds it (`swift build --product generate-manual`) first.
private let manualTool = URL(fileURLWithPath: moneyloopBinary).deletingLastPathComponent()
    .appendingPathComponent("generate-manual").path

/// `Scripts/install.sh` into a temporary prefix: the installed binary, run from `/`, has every
/// bundled theme, scenario and demo; the man page, the completion scripts and `--version`
/// are right; `--uninstall` takes it all away again.
@Suite(.serialized, .timeLimit(.minutes(3)),
       .enabled(if: FileManager.default.isExecutableFile(atPath: manualTool),
                "needs generate-manual: swift build --product generate-manual"))
struct InstallTests {
    static let root = Support.root
    static let installed = ["bin/moneyloop", "bin/moneyloop-serve", "bin/moneyloop-filings", "share/man/man1/moneyloop.1", "share/bash-completion/completions/moneyloop",
                            "share/zsh/site-functions/_moneyloop", "share/fish/vendor_completions.d/moneyloop.fish"]

    /// The names of the repository's `folder/*.yaml`.
    static func names(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Runs `command` with `/` as the working directory.
    static func fromRoot(_ command: String) async throws -> (status: Int32, out: String, err: String) {
        try await runProcess("/bin/sh", ["-c", "cd / && " + command])
    }

    @Test func installRunFromRootAndUninstall() async throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let tool = manualTool
        let script = Self.root.appendingPathComponent("Scripts/install.sh").path
        let install = try await runProcess(script, ["--prefix", prefix, "--binary", moneyloopBinary, "--manual-tool", tool])
        #expect(install.status == 0, "\(install.out) \(install.err)")
        for f in Self.installed { #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(f)"), "\(f) not installed") }
        let bin = "\(prefix)/bin/moneyloop"

        // Every bundled file, from the working directory `/`, with no checkout beside the binary.
        let themes = try await Self.fromRoot("'\(bin)' themes list")
        for name in try Self.names("themes") { #expect(themes.out.contains("\(name) "), "theme \(name) missing:\n\(themes.out)") }
        let scenarios = try await Self.fromRoot("'\(bin)' scenario list")
        for name in try Self.names("scenarios") {
            #expect(scenarios.out.contains("\(name) "), "scenario \(name) missing:\n\(scenarios.out)")
        }
        #expect(!themes.out.contains(Self.root.path) && !scenarios.out.contains(Self.root.path), "read from the checkout")
        for demo in try Self.names("demos") {
            let check = try await Self.fromRoot("'\(bin)' present \(demo) --check")
            #expect(check.status == 0 && check.out.contains("(built in)/demos/\(demo).yaml: ok"), "\(check.out) \(check.err)")
        }

        // `moneyloop serve` runs the moneyloop-serve installed beside it.
        let serve = try await Self.fromRoot("'\(bin)' serve --help")
        #expect(serve.status == 0 && serve.out.contains("USAGE: moneyloop serve") && serve.out.contains("--listen"),
                "\(serve.out) \(serve.err)")

        // --version: the commit the binary was built from.
        let version = try await runProcess(bin, ["--version"])
        #expect(version.out.hasPrefix("moneyloop ") && version.out.contains("(commit "), "\(version.out)")
        let head = try await runProcess("/usr/bin/env", ["git", "-C", Self.root.path, "rev-parse", "--short=12", "HEAD"])
        if head.status == 0 {
            let sha = head.out.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(version.out.contains("(commit \(sha))"), "built from \(sha)? \(version.out)")
        }

        // The man page names every subcommand and renders.
        let man = try await runProcess("/usr/bin/env", ["MANWIDTH=100", "man", "-l", "\(prefix)/share/man/man1/moneyloop.1"])
        #expect(man.status == 0 && man.out.contains("moneyloop"), "\(man.err)")
        let help = try await runProcess(bin, ["help"]).out
        for sub in ["dashboard", "simulate", "scenario", "serve", "themes", "present"] {
            #expect(help.contains(sub) && man.out.contains(sub), "man page lacks \(sub)")
        }

        // Completions: bash completes for real; zsh and fish (not installed here) by content.
        func bash(_ words: [String]) async throws -> [String] {
            let line = words.joined(separator: " ")
            let program = """
                source '\(prefix)/share/bash-completion/completions/moneyloop'
                COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\(words.joined(separator: " ")))
                COMP_CWORD=\(words.count - 1); _moneyloop moneyloop '\(words.last!)' '\(words[words.count - 2])'
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            return try await runProcess("/bin/bash", ["-c", program]).out.split(separator: "\n").map(String.init)
        }
        let subcommands = try await bash(["moneyloop", "the"]), flags = try await bash(["moneyloop", "present", "--ch"])
        #expect(subcommands == ["themes"] && flags == ["--check"])
        let zsh = try String(contentsOfFile: "\(prefix)/share/zsh/site-functions/_moneyloop", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef moneyloop") && zsh.contains("themes"))
        let fish = try String(contentsOfFile: "\(prefix)/share/fish/vendor_completions.d/moneyloop.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'moneyloop'") && fish.contains("themes"))

        // The dashboard from `/`: the bundled themes are there to cycle through.
        if TmuxSession.available {
            let t = try TmuxSession(width: 120, height: 40, command: ["/bin/sh", "-c", "cd / && exec '\(bin)' --paused"])
            #expect(try await t.waitFor { $0.contains("Funding graph") }.contains("theme default"))
            try t.send("t")
            let next = try Self.names("themes").first { $0 != "default" } ?? "?"
            #expect(try await t.waitFor { $0.contains("theme \(next)") }.contains("theme \(next)"), "t did not reach \(next)")
            try t.send("q")
            #expect(await t.waitForExit() && t.exitStatus == 0)
        }

        let gone = try await runProcess(script, ["--uninstall", "--prefix", prefix])
        #expect(gone.status == 0, "\(gone.err)")
        for f in Self.installed { #expect(!FileManager.default.fileExists(atPath: "\(prefix)/\(f)"), "\(f) left behind") }
    }
}
