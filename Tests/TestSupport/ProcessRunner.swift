import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with optional stdin; returns status, stdout, stderr.
/// Output goes through temporary files, not pipes: a daemon the program starts (the tmux
/// server) inherits them and would hold a pipe open for ever.
public func runProcess(_ path: String, _ args: [String], stdin: FileHandle? = nil,
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

/// Runs blocking work (polling a terminal, waiting for a process) on a thread of its own,
/// so that the test runner's few shared threads stay free for the tests that need them.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { c in
        Thread.detachNewThread { c.resume(with: Result { try body() }) }
    }
}

/// `runProcess` without holding a shared thread.
public func runProcess(_ path: String, _ args: [String], environment: [String: String]? = nil) async throws
    -> (status: Int32, out: String, err: String)
{
    try await offPool { try runProcess(path, args, stdin: nil, environment: environment) }
}
