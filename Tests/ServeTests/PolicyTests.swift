import Foundation
import Testing

@testable import LoopServe

@Suite struct ListenAddressTests {
    @Test func parsesTheUsualForms() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:2222") == ListenAddress(host: "127.0.0.1", port: 2222))
        #expect(try ListenAddress(parsing: "[::1]:22") == ListenAddress(host: "::1", port: 22))
        #expect(try ListenAddress(parsing: "localhost:80") == ListenAddress(host: "127.0.0.1", port: 80))
        #expect(try ListenAddress(parsing: "2300") == ListenAddress(host: "127.0.0.1", port: 2300))
        #expect(try ListenAddress(parsing: "0.0.0.0:2222").description == "0.0.0.0:2222")
        #expect(try ListenAddress(parsing: "[::]:2222").description == "[::]:2222")
    }

    @Test func rejectsBadAddresses() {
        for bad in ["", "host.example:22", "127.0.0.1:", "127.0.0.1:99999", "::1:22", "[::1]22", "[::1", "1.2.3.4:x"] {
            #expect(throws: ServeError.self, "\(bad)") { try ListenAddress(parsing: bad) }
        }
    }

    @Test func loopbackOnlyWithoutAnAuthorizedKeysFile() throws {
        for loopback in ["127.0.0.1:1", "127.8.9.10:1", "[::1]:1", "[::ffff:127.0.0.1]:1"] {
            let address = try ListenAddress(parsing: loopback)
            #expect(address.isLoopback, "\(loopback)")
            try address.checkPolicy(explicitAuthorizedKeys: false)
        }
        for open in ["0.0.0.0:2222", "[::]:2222", "192.168.1.10:2222", "[fe80::1]:2222"] {
            let address = try ListenAddress(parsing: open)
            #expect(!address.isLoopback)
            #expect { try address.checkPolicy(explicitAuthorizedKeys: false) } throws: {
                "\($0)".contains("--authorized-keys") && ($0 as? ServeError)?.exitStatus == 2
            }
            try address.checkPolicy(explicitAuthorizedKeys: true)
        }
    }
}

@Suite struct TerminalTypeTests {
    @Test func fallsBackWhenThereIsNoEntry() throws {
        let dir = Fixture.temporaryDirectory("terminfo")
        try FileManager.default.createDirectory(atPath: dir + "/x", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/66", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/x/xterm-256color", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/66/foot", contents: Data())  // hex layout (macOS)
        let terminals = TerminalType(searchDirectories: ["/nonexistent", dir])
        #expect(terminals.choose(clientTerm: "xterm-256color") == .init(term: "xterm-256color", replaced: false))
        #expect(terminals.choose(clientTerm: "foot") == .init(term: "foot", replaced: false))
        for missing in ["xterm-kitty", "alacritty", "xterm-ghostty", "", "../x/xterm-256color", ".", "x/../x",
                        "xterm 256color", String(repeating: "a", count: 100)] {
            #expect(terminals.choose(clientTerm: missing) == .init(term: "xterm-256color", replaced: true), "\(missing)")
        }
    }

    @Test func followsNcursesSearchOrder() {
        let terminals = TerminalType(environment: [
            "TERMINFO": "/t1", "HOME": "/home/u", "TERMINFO_DIRS": "/t2::/t3",
        ])
        #expect(terminals.searchDirectories == [
            "/t1", "/home/u/.terminfo", "/t2", "/usr/share/terminfo", "/t3",
            "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo",
        ])
    }

    @Test func thisMachineKnowsXterm256color() {
        #expect(TerminalType(environment: [:]).hasEntry("xterm-256color"))
    }
}

@Suite struct SessionLaunchTests {
    @Test func environmentIsBuiltFromScratch() {
        let server = ["PATH": "/bin", "HOME": "/home/s", "SECRET_TOKEN": "x", "LANG": "C.UTF-8", "LC_TIME": "C",
                      "SSH_AUTH_SOCK": "/tmp/agent", "TERMINFO_DIRS": "/t"]
        let launch = SessionLaunch.dashboard(serverEnvironment: server, options: .init(follow: true), shareSocket: "/run/s.sock")
        #expect(launch.executable == "/proc/self/exe")
        #expect(launch.arguments(for: .key) == ["moneyloop", "--served", "key", "--follow"])
        let (env, term) = launch.environment(
            clientTerm: "xterm-256color",
            clientVariables: ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "LD_PRELOAD": "/evil.so",
                              "PATH": "/evil", "COLORTERM": "truecolor", "LC_BAD": "a\u{1b}b",
                              "MONEYLOOP_SERVED": "", "MONEYLOOP_SCENARIOS": "/etc", "XDG_CONFIG_HOME": "/tmp/x"],
            user: "alice\u{7}")
        #expect(!term.replaced)
        #expect(env["TERM"] == "xterm-256color")
        #expect(env["LANG"] == "de_DE.UTF-8")
        #expect(env["LC_ALL"] == "de_DE.UTF-8")
        #expect(env["COLORTERM"] == "truecolor")
        #expect(env["LC_TIME"] == "C")
        #expect(env["PATH"] == "/bin")
        #expect(env["LD_PRELOAD"] == nil && env["SECRET_TOKEN"] == nil && env["SSH_AUTH_SOCK"] == nil)
        #expect(env["LC_BAD"] == nil)
        #expect(env["MONEYLOOP_SHARE_SOCKET"] == "/run/s.sock")
        #expect(env["MONEYLOOP_VIEWER"] == "alice")
        #expect(env["MONEYLOOP_SERVED"] == "1")
        #expect(env["MONEYLOOP_SCENARIOS"] == nil && env["XDG_CONFIG_HOME"] == nil)
        #expect(!SessionLaunch.acceptsClientVariable(name: "MONEYLOOP_SERVED", value: "0"))
        // A locale is a name, never a path the C library would read on the presenter's machine.
        for good in ["en_US.UTF-8", "C.UTF-8", "de_DE@euro", "C", ""] {
            #expect(SessionLaunch.acceptsClientVariable(name: "LC_ALL", value: good), "\(good)")
        }
        #expect(SessionLaunch.acceptsClientVariable(name: "LANGUAGE", value: "de:en"))
        for bad in ["/etc/passwd", "../../home/p/loc", "en_US/../x", "..", "C UTF-8"] {
            #expect(!SessionLaunch.acceptsClientVariable(name: "LANG", value: bad), "\(bad)")
            #expect(!SessionLaunch.acceptsClientVariable(name: "LC_CTYPE", value: bad), "\(bad)")
        }
        #expect(env["SWIFT_BACKTRACE"] == "interactive=no")
        #expect(env["TERMINFO_DIRS"] == "/t")
    }

    @Test func notFollowingMeansNoSocketAndNoFlag() {
        let launch = SessionLaunch.dashboard(serverEnvironment: [:], options: .init(follow: false), shareSocket: nil)
        #expect(launch.arguments(for: .key) == ["moneyloop", "--served", "key"])
        #expect(!launch.follows(.key))
        #expect(launch.baseEnvironment["MONEYLOOP_SHARE_SOCKET"] == nil)
    }

    /// A passcode viewer is a read-only follower whatever the server's options: without
    /// `--follow` too (`serve --passcode` starts the relay for them), while a key viewer on
    /// the same server gets a dashboard of their own.
    @Test func aPasscodeViewerAlwaysFollows() {
        let launch = SessionLaunch.dashboard(serverEnvironment: [:], options: .init(follow: false), shareSocket: "/run/s.sock")
        #expect(launch.arguments(for: .passcode) == ["moneyloop", "--served", "passcode", "--follow"])
        #expect(launch.arguments(for: .key) == ["moneyloop", "--served", "key"])
        #expect(launch.follows(.passcode) && !launch.follows(.key))
        #expect(launch.baseEnvironment["MONEYLOOP_SHARE_SOCKET"] == "/run/s.sock")
        let following = SessionLaunch.dashboard(serverEnvironment: [:], options: .init(follow: true), shareSocket: "/run/s.sock")
        #expect(following.arguments(for: .key) == ["moneyloop", "--served", "key", "--follow"])
    }

    @Test func theServedFlagAndAllowedFilesAreOnTheServersCommandLine() throws {
        let options = SessionLaunch.DashboardOptions(
            follow: false, allowedScenarios: ["/p/q3.yaml"], allowedThemes: ["/p/brand.yaml"])
        let launch = SessionLaunch.dashboard(serverEnvironment: [:], options: options, shareSocket: nil)
        #expect(launch.arguments(for: .key) == [
            "moneyloop", "--served", "key", "--served-scenario", "/p/q3.yaml", "--served-theme", "/p/brand.yaml",
        ])
        // Another program (tests, demos) gets its own argv untouched.
        let custom = try SessionLaunch.custom(["/bin/sh", "-c", "true"], serverEnvironment: [:], shareSocket: nil)
        #expect(custom.arguments(for: .passcode) == ["/bin/sh", "-c", "true"])
    }

    @Test func windowSizesAreSanitised() {
        #expect(PseudoTerminal.sanitizedSize(columns: 0, rows: 0) == (80, 24))
        #expect(PseudoTerminal.sanitizedSize(columns: 120, rows: 40) == (120, 40))
        #expect(PseudoTerminal.sanitizedSize(columns: 100_000, rows: -3) == (1000, 24))
    }

    @Test func logQuotesUntrustedText() {
        #expect(ServeLog.quote("bob") == "\"bob\"")
        #expect(ServeLog.quote("a\nb\u{1b}[2J\"") == "\"a\\x0ab\\x1b[2J\\\"\"")
    }
}
