import ArgumentParser
import Dispatch
import Foundation
import LoopServe
import NIOCore
import Synchronization

/// `moneyloop serve`: an SSH server where each attendee of a meeting gets the live
/// dashboard in their own terminal. See docs/serving.md.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard over SSH: each viewer gets their own dashboard in their own terminal.",
        discussion: """
            Viewers connect with `ssh -t -x -p PORT HOST` and authenticate with an Ed25519 or
            ECDSA key listed in the authorized keys file. With --follow, their dashboards follow
            the presenter's (started with `moneyloop --share` on this machine).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on: HOST:PORT, [IPv6]:PORT or PORT.", valueName: "host:port"))
    var listen = "127.0.0.1:2222"

    @Option(name: .long, help: ArgumentHelp(
        "Ed25519 host key in OpenSSH format (default: created on first use in $XDG_STATE_HOME/moneyloop/).",
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

    @Option(name: .long, help: .hidden)
    var shareSocket: String?

    @Option(name: .long, help: .hidden)
    var loginGrace = 30

    @Flag(name: .long, help: .hidden)
    var verbose = false

    /// Runs another program in each session instead of the dashboard (tests and demos).
    @Option(name: .long, parsing: .remaining, help: .hidden)
    var sessionCommand: [String] = []

    func validate() throws {
        guard (1...1024).contains(maxSessions) else { throw ValidationError("--max-sessions must be from 1 to 1024") }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 (never) or a number of seconds") }
        guard (1...600).contains(loginGrace) else { throw ValidationError("--login-grace must be from 1 to 600 seconds") }
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
        try address.checkPolicy(explicitAuthorizedKeys: authorizedKeys != nil)

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
                        + "with one public key line per viewer (Ed25519 or ECDSA).")
            }
        }
        let keys = try AuthorizedKeysSource(path: keysPath, log: log)
        let parsed = keys.current()
        for warning in parsed.warnings { log.warning("\(keysPath):\(warning)") }
        if parsed.isEmpty {
            log.warning("\(keysPath) has no usable key: nobody can log in until one is added (the file is re-read on change)")
        }

        let hostKey: HostKey
        if let path = self.hostKey {
            hostKey = try HostKey.loadOrCreate(path: path, createIfMissing: false)
        } else {
            let dir = try StateDirectory.state(environment: environment)
            hostKey = try HostKey.loadOrCreate(path: dir + "/" + HostKey.defaultFileName, createIfMissing: true)
        }
        log.info("host key \(hostKey.fingerprint) (ED25519) \(hostKey.created ? "created in" : "from") \(hostKey.path)")

        var sharePath: String? = nil
        if follow {
            sharePath = try ShareLink.socketPath(environment: environment)
            if let shareSocket { sharePath = shareSocket }
        }
        let launch = sessionCommand.isEmpty
            ? SessionLaunch.dashboard(
                serverEnvironment: environment, options: .init(follow: follow), shareSocket: sharePath)
            : try SessionLaunch.custom(sessionCommand, serverEnvironment: environment, shareSocket: sharePath)

        var limits = ServerLimits()
        limits.maxSessions = maxSessions
        limits.idleTimeout = idleTimeout == 0 ? nil : .seconds(Int64(idleTimeout))
        limits.loginGrace = .seconds(Int64(loginGrace))

        let relay = try sharePath.map { path throws(ServeError) in try ShareRelay.start(path: path, log: log) }
        signal(SIGPIPE, SIG_IGN)
        let server: SSHServer
        do {
            server = try SSHServer.start(ServeConfiguration(
                listen: address, hostKey: hostKey, authorizedKeys: keys, limits: limits, launch: launch, log: log
            )).wait()
        } catch {
            relay?.closeNow()
            throw (error as? ServeError) ?? ServeError.system("\(error)")
        }
        let shown = ListenAddress(host: address.host, port: server.port)
        log.info("listening on \(shown), \(parsed.entries.count) authorized key(s), at most \(maxSessions) sessions"
            + (follow ? ", following the presenter" : ""))
        log.info("viewers connect with: ssh -t -x -p \(server.port) \(address.isLoopback ? "localhost" : "THIS-HOST")")

        let signal = stop.wait()
        log.info("received signal \(signal), stopping")
        let done = DispatchSemaphore(value: 0)
        Task {
            await server.shutdown()
            await relay?.close()
            done.signal()
        }
        done.wait()
        log.info("stopped")
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
