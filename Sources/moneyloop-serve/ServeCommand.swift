import ArgumentParser
import Dispatch
import Foundation
import LoopConfig
import LoopDashboard
import LoopServe
import NIOCore
import Synchronization

/// `moneyloop serve`: an SSH server where each attendee of a meeting gets the live
/// dashboard in their own terminal. See docs/serving.md.
///
/// This is the program `moneyloop-serve`, which `moneyloop serve` runs from beside itself:
/// the server needs SSH, NIO and Foundation, which the dashboard never loads. Each session
/// runs the dashboard program (`$MONEYLOOP_DASHBOARD`, set by `moneyloop serve`, else
/// `moneyloop` beside this program).
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moneyloop serve",
        abstract: "Serve the dashboard over SSH: each viewer gets their own dashboard in their own terminal.",
        discussion: """
            Viewers connect with `ssh -t -x -p PORT HOST` and authenticate with an Ed25519 or \
            ECDSA key listed in the authorized keys file, or, with --passcode, with the room's \
            code (read-only followers). With --follow, their dashboards follow the presenter's \
            (started with `moneyloop --share` on this machine). Served dashboards touch no files: \
            no saving or recording (:export shows the numbers as text), and only bundled scenarios \
            and themes (or --allow-scenario, \
            --allow-theme). See docs/serving.md.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on: HOST:PORT, [IPv6]:PORT or PORT.", valueName: "host:port"))
    var listen = "127.0.0.1:2222"

    @Option(name: .long, help: ArgumentHelp(
        "Ed25519 host key in OpenSSH format, created (mode 0600) when missing (default: in $XDG_STATE_HOME/moneyloop/).",
        valueName: "file"))
    var hostKey: String?

    @Option(name: .long, help: ArgumentHelp(
        "OpenSSH authorized_keys file of the viewers (default: ~/.ssh/authorized_keys, loopback only).",
        valueName: "file"))
    var authorizedKeys: String?

    @Option(name: .long, help: "Most dashboard sessions at once.")
    var maxSessions = 32

    @Option(name: .long, help: ArgumentHelp("Close connections idle (no traffic either way) this long; 0: never.", valueName: "seconds"))
    var idleTimeout = 3600

    @Flag(name: .long, help: "Viewers follow the presenter (`moneyloop --share` on this machine).")
    var follow = false

    @Flag(name: .long, help: ArgumentHelp(
        "Anyone who types the room's code joins as a read-only follower of the presenter (even without "
            + "--follow); a short random code is printed unless one is given: --passcode WORD."))
    var passcode = false

    /// The code after `--passcode`, when one is given.
    @Argument(help: .hidden)
    var passcodeWord: String?

    @Option(name: .customLong("allow-scenario"), help: ArgumentHelp(
        "A scenario (name or file) viewers may also open by name with :scenario or c (repeatable).",
        valueName: "name|file"))
    var allowScenarios: [String] = []

    @Option(name: .customLong("allow-theme"), help: ArgumentHelp(
        "A theme (name or file) viewers may also pick by name with :theme or t (repeatable).", valueName: "name|file"))
    var allowThemes: [String] = []

    @Option(name: .long, help: .hidden)
    var shareSocket: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --follow or --passcode: run up to N followers' dashboards in one process (0: a process per viewer).",
        valueName: "n"))
    var viewersPerHost = 50

    @Option(name: .long, help: ArgumentHelp(
        "With --follow or --passcode: at most this many frames a second for each follower in a viewer host.",
        valueName: "n"))
    var followerFps = 4

    @Option(name: .long, help: ArgumentHelp(
        "Close connections that have not started to log in within this time (with --passcode, a person "
            + "then has 60 s to type the code).", valueName: "seconds"))
    var loginGrace = 10

    @Flag(name: .long, help: .hidden)
    var verbose = false

    /// Runs another program in each session instead of the dashboard (tests and demos).
    @Option(name: .long, parsing: .remaining, help: .hidden)
    var sessionCommand: [String] = []

    func validate() throws {
        guard (1...1024).contains(maxSessions) else { throw ValidationError("--max-sessions must be from 1 to 1024") }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 (never) or a number of seconds") }
        guard (1...15).contains(followerFps) else { throw ValidationError("--follower-fps must be from 1 to 15") }
        guard (0...1024).contains(viewersPerHost) else { throw ValidationError("--viewers-per-host must be from 0 to 1024") }
        guard (1...600).contains(loginGrace) else { throw ValidationError("--login-grace must be from 1 to 600 seconds") }
        if let word = passcodeWord {
            guard passcode else { throw ValidationError("unexpected argument '\(word)' (a code goes after --passcode)") }
            guard Passcode.isUsable(word) else { throw ValidationError("--passcode WORD needs at least four letters or digits") }
        }
    }

    /// Bad options are one line on stderr and exit status 2, as in every moneyloop command.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let line = message(for: error).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            FileHandle.standardError.write(Data("moneyloop: \(line)\n".utf8))
            Foundation.exit(2)
        }
    }

    func run() throws {
        let log = ServeLog(verbose: verbose)
        do {
            try serve(log: log)
        } catch {
            FileHandle.standardError.write(Data("moneyloop serve: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
    }

    private func serve(log: ServeLog) throws(ServeError) {
        // Watch for signals from the start, so one that arrives while starting is not lost.
        let stop = SignalWatch(signals: [SIGINT, SIGTERM, SIGHUP])
        let environment = ProcessInfo.processInfo.environment
        let address = try ListenAddress(parsing: listen)
        // A passcode alone turns keys off: the user's own authorized_keys never faces the network.
        try address.checkPolicy(explicitAuthorizedKeys: authorizedKeys != nil || passcode)
        let keys = authorizedKeys == nil && passcode ? nil : try authorizedKeysSource(environment: environment, log: log)

        let hostKey: HostKey
        if let path = self.hostKey {
            hostKey = try HostKey.loadOrCreate(path: path, createIfMissing: true)
        } else {
            let dir = try StateDirectory.state(environment: environment)
            hostKey = try HostKey.loadOrCreate(path: dir + "/" + HostKey.defaultFileName, createIfMissing: true)
        }
        log.info("host key \(hostKey.fingerprint) (ED25519) \(hostKey.created ? "created in" : "from") \(hostKey.path)")

        // Passcode viewers always follow, so a passcode needs the relay too.
        var sharePath: String? = nil
        if follow || passcode {
            sharePath = try ShareLink.socketPath(environment: environment)
            if let shareSocket { sharePath = shareSocket }
        }
        let options = SessionLaunch.DashboardOptions(
            follow: follow, allowedScenarios: try allowScenarios.map(Self.scenarioFile),
            allowedThemes: try allowThemes.map(Self.themeFile))
        var launch = sessionCommand.isEmpty
            ? SessionLaunch.dashboard(serverEnvironment: environment, options: options, shareSocket: sharePath,
                                      executable: try Self.dashboardExecutable(environment: environment))
            : try SessionLaunch.custom(sessionCommand, serverEnvironment: environment, shareSocket: sharePath)
        // Viewer hosts run the same dashboard program (`serve-host`), never this server.
        if (follow || passcode) && sessionCommand.isEmpty && viewersPerHost > 0 {
            launch.hosts = ViewerHosts(launch: launch, viewersPerHost: viewersPerHost, fps: followerFps, log: log)
        }

        var limits = ServerLimits()
        limits.maxSessions = maxSessions
        limits.idleTimeout = idleTimeout == 0 ? nil : .seconds(Int64(idleTimeout))
        limits.loginGrace = .seconds(Int64(loginGrace))

        let room = passcode ? Passcode(passcodeWord ?? Passcode.random()) : nil
        let relay = try sharePath.map { path throws(ServeError) in try ShareRelay.start(path: path, log: log) }
        signal(SIGPIPE, SIG_IGN)
        let server: SSHServer
        do {
            server = try SSHServer.start(ServeConfiguration(
                listen: address, hostKey: hostKey, authorizedKeys: keys, passcode: room, limits: limits,
                launch: launch, log: log
            )).wait()
        } catch {
            relay?.closeNow()
            throw (error as? ServeError) ?? ServeError.system("\(error)")
        }
        let shown = ListenAddress(host: address.host, port: server.port)
        log.info("listening on \(shown), " + (keys.map { "\($0.current().entries.count) authorized key(s)" } ?? "keys off")
            + (passcode ? ", passcode on" : "") + ", at most \(maxSessions) sessions"
            + (follow ? ", following the presenter" : passcode ? ", passcode viewers follow the presenter" : ""))
        let host = address.isLoopback ? "localhost" : ["0.0.0.0", "::", ""].contains(address.host) ? "THIS-HOST" : address.host
        if keys != nil { log.info("viewers with a key connect with: ssh -t -x -p \(server.port) \(host)") }
        if let room {
            log.info("the room joins with: ssh -p \(server.port) guest@\(host)   passcode: \(room.code)")
        }

        let signal = stop.wait()
        log.info("received signal \(signal), stopping")
        let done = DispatchSemaphore(value: 0)
        let hosts = launch.hosts
        Task {
            await server.shutdown()
            hosts?.stop()
            await relay?.close()
            done.signal()
        }
        done.wait()
        log.info("stopped")
    }
}

extension ServeCommand {
    /// `--authorized-keys`, or the user's own `~/.ssh/authorized_keys`, read now.
    func authorizedKeysSource(environment: [String: String], log: ServeLog) throws(ServeError) -> AuthorizedKeysSource {
        let keysPath: String
        if let authorizedKeys {
            keysPath = authorizedKeys
        } else {
            guard let home = environment["HOME"] else {
                throw ServeError.usage("HOME is not set; pass --authorized-keys FILE")
            }
            keysPath = home + "/.ssh/authorized_keys"
            guard FileManager.default.fileExists(atPath: keysPath) else {
                throw ServeError.usage(
                    "no --authorized-keys given and \(keysPath) does not exist. Pass --authorized-keys FILE "
                        + "with one public key line per viewer (Ed25519 or ECDSA), or let the room in with --passcode.")
            }
        }
        let keys = try AuthorizedKeysSource(path: keysPath, log: log)
        let parsed = keys.current()
        for warning in parsed.warnings { log.warning("\(keysPath):\(warning)") }
        if parsed.isEmpty {
            log.warning("\(keysPath) has no usable key: nobody can log in until one is added (the file is re-read on change)")
        }
        return keys
    }

    /// The file of an allowed scenario (a name as `--scenario` finds it, or a file), checked
    /// to load now so a typo stops the server before the room arrives.
    static func scenarioFile(_ nameOrFile: String) throws(ServeError) -> String {
        let path = ScenarioLocator.isPath(nameOrFile) ? nameOrFile : ScenarioLocator.standard().file(named: nameOrFile)
        guard let path else { throw ServeError.usage("--allow-scenario \(nameOrFile): no such scenario") }
        do { _ = try ScenarioFile.load(contentsOf: path) } catch { throw ServeError.usage("--allow-scenario: \(error.description)") }
        return absolute(path)
    }

    /// The file of an allowed theme (a name as `--theme` finds it, or a file), checked to load.
    static func themeFile(_ nameOrFile: String) throws(ServeError) -> String {
        let path = ThemeCatalog.isPath(nameOrFile) ? nameOrFile : ThemeCatalog.standard().file(named: nameOrFile)?.path
        guard let path else { throw ServeError.usage("--allow-theme \(nameOrFile): no such theme file") }
        do { _ = try ThemeFile.load(contentsOf: path) } catch { throw ServeError.usage("--allow-theme: \(error.description)") }
        return absolute(path)
    }

    /// The dashboard program each session runs: `$MONEYLOOP_DASHBOARD` (`moneyloop serve`
    /// sets it to itself), else `moneyloop` in this program's folder.
    static func dashboardExecutable(environment: [String: String]) throws(ServeError) -> String {
        if let given = environment[ServePrograms.dashboardVariable], given.hasPrefix("/") { return given }
        let me = BundledData.executablePath() ?? CommandLine.arguments[0]
        let beside = absolute(String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)])) + "/" + ServePrograms.dashboardName
        guard access(beside, X_OK) == 0 else {
            throw ServeError.usage("cannot find the dashboard: \(beside) is missing (install moneyloop beside moneyloop-serve)")
        }
        return beside
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// Catches the given signals through Dispatch: `wait()` returns the first one; a second
/// signal exits at once with 128 + signal.
final class SignalWatch {
    private final class State: Sendable {
        let first = DispatchSemaphore(value: 0)
        let received = Mutex<Int32?>(nil)
    }

    private let sources: [any DispatchSourceSignal]
    private let state = State()

    init(signals: [Int32]) {
        let queue = DispatchQueue(label: "moneyloop.serve.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [state] in
                let isFirst = state.received.withLock { value in
                    defer { if value == nil { value = number } }
                    return value == nil
                }
                if isFirst { state.first.signal() } else { exit(128 + number) }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Blocks until a signal arrives and returns it.
    func wait() -> Int32 {
        state.first.wait()
        return state.received.withLock { $0 ?? 0 }
    }
}
