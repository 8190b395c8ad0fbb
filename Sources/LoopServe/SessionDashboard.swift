#if canImport(Glibc)
import Glibc
#endif

/// What runs one session's dashboard: a process of its own on the session's terminal, or a
/// place in a viewer host (``ViewerHosts``). The session handler waits for its exit and
/// hangs up on it the same way for both.
enum SessionDashboard: Sendable {
    case process(ChildProcess)
    case hosted(HostedViewer)

    /// For the log: the pid, or the host's pid and the viewer's number in it.
    var name: String {
        switch self {
        case let .process(child): "\(child.pid)"
        case let .hosted(viewer): "\(viewer.hostPID)/\(viewer.id)"
        }
    }

    /// What started it, for the log.
    func how(_ launch: SessionLaunch) -> String {
        switch self {
        case let .process(child): "\(launch.executable) pid \(child.pid)"
        case let .hosted(viewer): "in viewer host pid \(viewer.hostPID) as viewer \(viewer.id)"
        }
    }

    /// How it ended, or nil while it runs.
    func reap() -> ChildProcess.Exit? {
        switch self {
        case let .process(child): child.reap()
        case let .hosted(viewer): viewer.reap()
        }
    }

    /// Sends `signal` to the dashboard (its process group, or the host for this viewer).
    func signalGroup(_ signal: Int32) {
        switch self {
        case let .process(child): child.signalGroup(signal)
        case let .hosted(viewer): viewer.signalGroup(signal)
        }
    }
}
