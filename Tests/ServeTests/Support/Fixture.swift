import Foundation
import LoopServe
import NIOCore
import Synchronization
import TestSupport
import Testing

/// Temporary files, keys and a helper to start servers for the tests.
enum Fixture {
    /// The OpenSSH client and ssh-keygen, when installed.
    static let ssh = which("ssh")
    static let sshKeygen = which("ssh-keygen")
    static let python = which("python3")
    static var hasOpenSSH: Bool { ssh != nil && sshKeygen != nil }
    /// A python3 that has pyte (the terminal emulator the screen checks use), if any.
    static let pyte = python(with: "pyte")
    /// A python3 that has paramiko (an SSH client that sends keyboard-interactive unasked).
    static let paramiko = python(with: "paramiko")

    static func python(with module: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin"] {
            let candidate = dir + "/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if (try? run([candidate, "-c", "import " + module]))?.status == 0 { return candidate }
        }
        return nil
    }

    /// `.build/<config>/moneyloop`, beside the test bundle.
    static let moneyloop: String? = Support.hasMoneyloop ? Support.moneyloopBinary : nil

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// One directory per test process, removed when it exits. Short, because Unix socket
    /// paths must fit in 108 bytes.
    static let root: String = {
        let path = "/tmp/ml-serve-tests-\(getpid())"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: "/tmp/ml-serve-tests-\(getpid())") }
        return path
    }()

    /// A fresh directory inside `root`.
    static func temporaryDirectory(_ tag: String = "serve") -> String {
        let path = root + "/\(tag)-\(UUID().uuidString.prefix(6))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a program to completion and returns its exit status and output.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let r = try runProcess(arguments[0], Array(arguments.dropFirst()))
        return (r.status, r.out + r.err)
    }

    /// Keys made once per test run with ssh-keygen.
    struct Keys: Sendable {
        let dir: String
        /// Listed in `authorized`.
        let viewer: String
        /// Not listed.
        let stranger: String
        /// The authorized_keys file.
        let authorized: String
    }

    static let keys: Keys? = {
        guard let keygen = sshKeygen else { return nil }
        let dir = temporaryDirectory("keys")
        for name in ["viewer", "stranger"] {
            guard (try? run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "\(name)@test", "-f", "\(dir)/\(name)"]))?.status == 0
            else { return nil }
        }
        let authorized = "\(dir)/authorized_keys"
        let line = (try? String(contentsOfFile: "\(dir)/viewer.pub", encoding: .utf8)) ?? ""
        try? ("# attendees\n" + line).write(toFile: authorized, atomically: true, encoding: .utf8)
        return Keys(dir: dir, viewer: "\(dir)/viewer", stranger: "\(dir)/stranger", authorized: authorized)
    }()

    /// A log that keeps its lines for assertions.
    final class LogCapture: Sendable {
        private let lines = Mutex<[String]>([])
        var log: ServeLog {
            ServeLog(sink: .custom({ [self] line in self.lines.withLock { $0.append(line) } }), verbose: true)
        }
        var text: String { lines.withLock { $0.joined() } }

        /// Waits until some line contains `needle`.
        func waitFor(_ needle: String, timeout: Duration = .seconds(5)) async -> Bool {
            await Support.waitUntilAsync(timeout: timeout) { text.contains(needle) }
        }
    }

    /// One host key for every test server, made once (suites start servers in parallel).
    static let serverHostKey: HostKey? = keys.flatMap { try? HostKey.loadOrCreate(path: $0.dir + "/host_key", createIfMissing: true) }

    /// Starts a server on a free loopback port running `command` in each session.
    static func startServer(
        command: [String], limits: ServerLimits = ServerLimits(), shareSocket: String? = nil,
        terminfo: [String]? = nil, passcode: Passcode? = nil, launch given: SessionLaunch? = nil
    ) async throws -> (server: SSHServer, log: LogCapture) {
        let keys = try #require(keys)
        let capture = LogCapture()
        let hostKey = try #require(serverHostKey)
        var launch = try given ?? SessionLaunch.custom(
            command, serverEnvironment: ProcessInfo.processInfo.environment, shareSocket: shareSocket)
        if let terminfo { launch.terminalType = TerminalType(searchDirectories: terminfo) }
        let configuration = ServeConfiguration(
            listen: ListenAddress(host: "127.0.0.1", port: 0), hostKey: hostKey,
            authorizedKeys: try AuthorizedKeysSource(path: keys.authorized, log: capture.log), passcode: passcode,
            limits: limits, launch: launch, log: capture.log)
        let server = try await SSHServer.start(configuration).get()
        return (server, capture)
    }

    /// The real dashboard as `moneyloop serve` launches it (`--served ACCESS` and all), run
    /// from the built executable instead of `/proc/self/exe` (which is the test runner here).
    static func dashboardLaunch(follow: Bool, shareSocket: String?, environment: [String: String] = [:]) throws -> SessionLaunch {
        var server = ProcessInfo.processInfo.environment
        server.merge(environment) { $1 }
        var launch = SessionLaunch.dashboard(
            serverEnvironment: server, options: .init(follow: follow), shareSocket: shareSocket)
        launch.executable = try #require(moneyloop)
        return launch
    }

    /// The OpenSSH client command for someone with no authorized key who types the room's
    /// passcode at the `password:` prompt.
    static func passcodeCommand(port: Int) -> [String] {
        [ssh ?? "/usr/bin/ssh", "-F", "/dev/null",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none", "-o", "ConnectTimeout=5",
         "-x", "-tt", "-p", "\(port)", "guest@127.0.0.1"]
    }

    /// The OpenSSH client command for a viewer, isolated from the user's configuration.
    static func sshCommand(port: Int, key: String, tty: Bool = true, extra: [String] = [], command: [String] = []) -> [String] {
        [ssh ?? "/usr/bin/ssh", "-F", "/dev/null",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "ConnectTimeout=5",
         "-i", key, "-x", tty ? "-tt" : "-T", "-p", "\(port)"] + extra + ["viewer@127.0.0.1"] + command
    }
}
