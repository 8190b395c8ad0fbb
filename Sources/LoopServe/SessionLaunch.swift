#if canImport(Glibc)
import Glibc
#endif

/// What each SSH session runs and with which environment.
///
/// By default that is this executable (`/proc/self/exe`) with no subcommand — the
/// dashboard — with `--served key|passcode` (how the viewer logged in: the dashboard then
/// touches no files; a client cannot set or remove a server-built argument), the files the
/// presenter allowed, and `--follow` when the server follows a presenter. The environment is
/// built from scratch: a few variables of the server's own (PATH, HOME, locale, XDG
/// and terminfo directories), the client's locale and colour hints, `TERM` chosen by
/// ``TerminalType``, and `MONEYLOOP_SHARE_SOCKET` when following.
public struct SessionLaunch: Sendable {
    /// The program to execute.
    public var executable: String
    /// argv, argv[0] included.
    public var arguments: [String]
    /// Variables every session gets (from the server's environment).
    public var baseEnvironment: [String: String]
    /// Picks TERM for each client.
    public var terminalType: TerminalType
    /// Set when the sessions run the dashboard: the served options it gets.
    public var dashboard: DashboardOptions?
    /// Set when followers' dashboards run many to a process (``ViewerHosts``).
    public var hosts: ViewerHosts?

    /// What a served dashboard is told on its command line besides how the viewer logged in.
    public struct DashboardOptions: Sendable, Equatable {
        public var follow: Bool
        /// Scenario and theme files attendees may open by name (`serve --allow-scenario/-theme`).
        public var allowedScenarios: [String]
        public var allowedThemes: [String]

        public init(follow: Bool, allowedScenarios: [String] = [], allowedThemes: [String] = []) {
            self.follow = follow
            self.allowedScenarios = allowedScenarios
            self.allowedThemes = allowedThemes
        }
    }

    public init(executable: String, arguments: [String], baseEnvironment: [String: String], terminalType: TerminalType) {
        self.executable = executable
        self.arguments = arguments
        self.baseEnvironment = baseEnvironment
        self.terminalType = terminalType
    }

    /// The dashboard: `EXECUTABLE --served ACCESS [--follow] …` (by default this very
    /// program), with the share socket in the environment when the server has a relay
    /// (`--follow`, or `--passcode`, whose viewers always follow).
    public static func dashboard(
        serverEnvironment: [String: String], options: DashboardOptions, shareSocket: String?,
        executable: String = "/proc/self/exe"
    ) -> SessionLaunch {
        var base = inheritedEnvironment(serverEnvironment)
        if let shareSocket { base[ShareLink.socketEnvironmentVariable] = shareSocket }
        var launch = SessionLaunch(
            executable: executable, arguments: ["moneyloop"],
            baseEnvironment: base, terminalType: TerminalType(environment: serverEnvironment))
        launch.dashboard = options
        return launch
    }

    /// argv for one viewer's session: for the dashboard, the served options built here
    /// (nothing the client sends reaches the command line); otherwise `arguments`.
    public func arguments(for access: ViewerAccess) -> [String] {
        guard let options = dashboard else { return arguments }
        var argv = arguments + ["--served", access.rawValue]
        if follows(access) { argv.append("--follow") }
        for file in options.allowedScenarios { argv += ["--served-scenario", file] }
        for file in options.allowedThemes { argv += ["--served-theme", file] }
        return argv
    }

    /// Whether a viewer who logged in with `access` follows the presenter: with `--follow`,
    /// everyone; a passcode viewer always (a read-only follower, whatever the server's options).
    public func follows(_ access: ViewerAccess) -> Bool {
        guard let options = dashboard else { return false }
        return options.follow || access == .passcode
    }

    /// Another program (tests, demos): `command[0]` (looked up in the server's PATH when
    /// it has no slash) with the rest as arguments.
    public static func custom(
        _ command: [String], serverEnvironment: [String: String], shareSocket: String?
    ) throws(ServeError) -> SessionLaunch {
        guard let name = command.first, !name.isEmpty else { throw ServeError.usage("--session-command needs a program") }
        guard let executable = resolve(name, path: serverEnvironment["PATH"] ?? "/usr/bin:/bin") else {
            throw ServeError.usage("--session-command: \(name) not found or not executable")
        }
        var base = inheritedEnvironment(serverEnvironment)
        if let shareSocket { base[ShareLink.socketEnvironmentVariable] = shareSocket }
        return SessionLaunch(
            executable: executable, arguments: command,
            baseEnvironment: base, terminalType: TerminalType(environment: serverEnvironment))
    }

    /// `name` itself when it contains a slash, else the first executable `DIR/name` in `path`.
    static func resolve(_ name: String, path: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The server variables passed on to sessions.
    static func inheritedEnvironment(_ env: [String: String]) -> [String: String] {
        let names = [
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TZ", "LANG", "LANGUAGE",
            "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
            "TERMINFO", "TERMINFO_DIRS",
        ]
        var out: [String: String] = [:]
        for name in names { if let v = env[name] { out[name] = v } }
        for (name, value) in env where name.hasPrefix("LC_") { out[name] = value }
        if out["PATH"] == nil { out["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        // A crash report must not wait 30 s for a key on a viewer's screen.
        out["SWIFT_BACKTRACE"] = "interactive=no"
        return out
    }

    /// Whether a client may set `name` with an SSH `env` request: the locale and
    /// colour hints only (OpenSSH clients send LANG and LC_* by default). An allow-list:
    /// no `MONEYLOOP_*`, `PATH`, `HOME`, `XDG_*` or `LD_*` can come from a client. A locale
    /// is a name (`en_US.UTF-8`, `de_DE@euro`), never a path: the C library would read a
    /// locale from a path on the presenter's machine.
    public static func acceptsClientVariable(name: String, value: String) -> Bool {
        guard value.utf8.count <= 256, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f })
        else { return false }
        if ["COLORTERM", "NO_COLOR"].contains(name) { return true }
        let locale = name == "LANG" || name == "LANGUAGE"
            || (name.hasPrefix("LC_") && name.count <= 32 && name.dropFirst(3).allSatisfy { ("A"..."Z").contains($0) || $0 == "_" })
        return locale && !value.hasPrefix(".") && value.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "_.@-:".unicodeScalars.contains(s)
        }
    }

    /// The full environment for one session.
    public func environment(
        clientTerm: String, clientVariables: [String: String], user: String
    ) -> (environment: [String: String], term: TerminalType.Choice) {
        var env = baseEnvironment
        for (name, value) in clientVariables where SessionLaunch.acceptsClientVariable(name: name, value: value) {
            env[name] = value
        }
        let choice = terminalType.choose(clientTerm: clientTerm)
        env["TERM"] = choice.term
        if choice.replaced { env["MONEYLOOP_CLIENT_TERM"] = String(clientTerm.unicodeScalars.prefix(64)) }
        env["MONEYLOOP_SERVED"] = "1"
        env["MONEYLOOP_VIEWER"] = String(user.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.prefix(64))
        return (env, choice)
    }
}
