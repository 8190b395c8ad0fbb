import Foundation
import Testing

/// The built `moneyloop` binary next to the test bundle.
let moneyloopBinary: String = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // `swift test` runs …/debug/moneyloopPackageTests.xctest; the binary sits beside it.
    if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("moneyloop").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return dir.appendingPathComponent("moneyloop").path
}()

/// Runs a program to completion with optional stdin; returns status, stdout, stderr.
/// Output goes through temporary files, not pipes: a daemon the program starts (the tmux
/// server) inherits them and would hold a pipe open for ever.
func runProcess(_ path: String, _ args: [String], stdin: FileHandle? = nil,
                environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String)
{
    let dir = FileManager.default.temporaryDirectory
    let outURL = dir.appendingPathComponent("ml-out-\(UUID().uuidString)")
    let errURL = dir.appendingPathComponent("ml-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    // posix_spawn + waitpid rather than Foundation.Process, whose exit monitoring can miss
    // a child whose own child (the tmux server) daemonizes.
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let fd = stdin?.fileDescriptor {
        posix_spawn_file_actions_adddup2(&actions, fd, 0)
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_TRUNC, 0o600)
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv = ([path] + args).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // The child starts with no signal blocked and every handler at its default: the test
    // runner's threads block most signals, and a tmux server that inherits a blocked SIGCHLD
    // never reaps its pane, so `kill-server` cannot end it and it outlives the test.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = status & 0x7f == 0
    let code: Int32 = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let o = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let e = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    return (code, o, e)
}

/// A private tmux server running one command in a window of a given size.
final class TmuxSession {
    let socket: String
    let name = "ml"
    /// The command's exit status is written here by the wrapping shell.
    let statusFile: String

    /// Whether tmux is installed; end-to-end tests need it.
    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(width: Int, height: Int, command: [String], environment: [String: String] = [:]) throws {
        socket = "moneyloop-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let env = environment.map { "\($0.key)=\($0.value)" }
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status").path
        let quoted = (["env", "SWIFT_BACKTRACE=interactive=no"] + env + command)
            .map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        // A parent shell records the status, then sleeps so the pane stays as the program left it
        // (a dead pane gets tmux's own text and cursor); `kill-server` ends it.
        let shellCommand = "sh -c \"\(quoted.replacingOccurrences(of: "\"", with: "\\\"")) </dev/tty & echo \\$! > \(statusFile).pid; wait \\$!; echo \\$? > \(statusFile); exec sleep 600\""
        _ = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                      shellCommand])
        _ = try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: statusFile)
        try? FileManager.default.removeItem(atPath: statusFile + ".pid")
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try runProcess("/usr/bin/env", ["tmux", "-L", socket] + args)
        return r.out
    }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// `#{…}` formats of the pane, e.g. `alternate_on`.
    func format(_ f: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, f]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var isDead: Bool { exitStatus != nil }
    /// The command's exit status once it has ended.
    var exitStatus: Int? {
        (try? String(contentsOfFile: statusFile, encoding: .utf8)).flatMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
    /// The command's pid.
    var pid: Int32? {
        (try? String(contentsOfFile: statusFile + ".pid", encoding: .utf8)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Waits until `condition` holds on the screen text, up to `timeout` seconds.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    /// Waits until the command has exited.
    func waitForExit(timeout: Double = 10) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if isDead { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// Runs blocking work (polling a terminal, waiting for a process) on a thread of its own,
/// so that the test runner's few shared threads stay free for the tests that need them.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { c in
        Thread.detachNewThread { c.resume(with: Result { try body() }) }
    }
}

extension TmuxSession: @unchecked Sendable {
    /// `waitFor` without holding a shared thread.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: @escaping @Sendable (String) -> Bool) async throws -> String {
        try await offPool { try self.waitFor(timeout: timeout, condition) }
    }

    /// `waitForExit` without holding a shared thread.
    func waitForExit(timeout: Double = 10) async -> Bool {
        (try? await offPool { self.waitForExit(timeout: timeout) }) ?? false
    }
}

/// `runProcess` without holding a shared thread.
func runProcess(_ path: String, _ args: [String], environment: [String: String]? = nil) async throws
    -> (status: Int32, out: String, err: String)
{
    try await offPool { try runProcess(path, args, stdin: nil, environment: environment) }
}
