import CServe
#if canImport(Glibc)
import Glibc
#endif

/// A process started on a pseudo-terminal as the leader of its own session, so the
/// terminal is its controlling terminal and its process group can be signalled as a
/// whole. Spawned with `posix_spawn` (never `fork()` in a multi-threaded Swift process):
/// the signal mask is cleared, the usual signals are reset to their default action,
/// and only fds 0, 1 and 2 (the terminal) are inherited.
public struct ChildProcess: Sendable, Equatable {
    /// The child's pid, which is also its process group and session id.
    public let pid: pid_t

    /// How a child ended.
    public enum Exit: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        /// The status an SSH client should see: the exit code, or 128 + signal.
        public var code: Int32 {
            switch self {
            case .exited(let code): return code
            case .signaled(let signal): return 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signaled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    /// Starts `executable` with `arguments` (argv[0] included) and exactly `environment`
    /// on the terminal at `terminalPath`.
    public static func spawn(
        executable: String, arguments: [String], environment: [String: String], terminalPath: String
    ) throws(ServeError) -> ChildProcess {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = cserve_spawn_on_tty(&pid, executable, argv, envp, terminalPath)
        guard rc == 0 else {
            throw ServeError.system("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        return ChildProcess(pid: pid)
    }

    public init(pid: pid_t) {
        self.pid = pid
    }

    /// Collects the child's exit status without blocking: nil while it runs. A child
    /// that is already reaped or not ours counts as exited with status 255.
    public func reap() -> Exit? {
        var code: Int32 = 0
        var signal: Int32 = 0
        let r = cserve_reap(pid, &code, &signal)
        if r == 0 { return nil }
        if r < 0 { return .exited(255) }
        return signal != 0 ? .signaled(signal) : .exited(code)
    }

    /// Sends `signal` to the child's process group (the dashboard and anything it started).
    public func signalGroup(_ signal: Int32) {
        _ = cserve_kill_group(pid, signal)
    }
}
