import CServe
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's side of the presenter relay (``ShareRelay``), with no NIO: a plain
/// Unix socket and Dispatch sources on the main queue, for a Dispatch-based app whose
/// state lives on the main actor.
///
/// ```swift
/// // the presenter: moneyloop --share
/// let link = ShareLink.publisher(path: try ShareLink.socketPath(environment: env))
/// link.publish(jsonLine)                      // after every change; one line, no "\n"
///
/// // a follower: moneyloop --follow (serve sets MONEYLOOP_SHARE_SOCKET)
/// let follow = ShareLink.subscriber(path: path) { line in apply(line) }
/// follow.cancel()                             // when `f` turns following off
/// ```
///
/// Both reconnect by themselves (every second) when the server is not there yet or goes
/// away; a publisher re-sends its latest line after reconnecting, and a subscriber gets
/// the relay's latest line on every (re)connect.
public enum ShareLink {
    /// The variable `moneyloop serve --follow` sets for its sessions: the relay socket.
    public static let socketEnvironmentVariable = "MONEYLOOP_SHARE_SOCKET"
    /// The longest line the relay accepts, without its newline.
    public static let maximumLineLength = 64 * 1024
    package static let helloPublish = "moneyloop-share 1 publish"
    package static let helloSubscribe = "moneyloop-share 1 subscribe"

    /// The socket path: `$MONEYLOOP_SHARE_SOCKET` when set, else `share.sock` in the runtime
    /// directory (`$XDG_RUNTIME_DIR/moneyloop`, else the state directory).
    public static func socketPath(environment: [String: String]) throws(ServeError) -> String {
        if let explicit = environment[socketEnvironmentVariable], !explicit.isEmpty { return explicit }
        return try StateDirectory.runtime(environment: environment) + "/share.sock"
    }

    /// The state of a link, for the status line.
    public enum Status: Sendable, Equatable {
        /// Trying to reach the relay (not running yet, or gone): the reason.
        case connecting(String)
        /// Connected and accepted.
        case connected
        /// The relay refused (e.g. another presenter is sharing): its reason. Retries.
        case refused(String)
        /// `cancel()` was called.
        case cancelled
    }

    /// Starts publishing to the relay at `path`. Call `publish` from the main actor.
    @MainActor
    public static func publisher(path: String, onStatus: (@MainActor (Status) -> Void)? = nil) -> SharePublisher {
        SharePublisher(path: path, onStatus: onStatus)
    }

    /// Starts following the relay at `path`: `onLine` gets every published line (without
    /// its newline) on the main actor, the latest one first.
    @MainActor
    public static func subscriber(
        path: String, onStatus: (@MainActor (Status) -> Void)? = nil, onLine: @escaping @MainActor (String) -> Void
    ) -> ShareSubscriber {
        ShareSubscriber(path: path, onStatus: onStatus, onLine: onLine)
    }
}

/// Publishes lines to the relay (see ``ShareLink``).
@MainActor
public final class SharePublisher {
    private let link: ShareConnection
    private var latest: String?

    init(path: String, onStatus: (@MainActor (ShareLink.Status) -> Void)?) {
        link = ShareConnection(path: path, hello: ShareLink.helloPublish, onStatus: onStatus, onLine: { _ in })
        link.onConnect = { [weak self] in self?.latest.map { self?.link.send($0) } }
        link.connect()
    }

    /// Sends one line (JSON, by convention) to every follower. Returns false, sending
    /// nothing, when it contains a newline or is longer than ``ShareLink/maximumLineLength``.
    /// While the relay is unreachable only the latest line is kept, and sent on reconnect.
    @discardableResult
    public func publish(_ line: String) -> Bool {
        guard line.utf8.count <= ShareLink.maximumLineLength, !line.utf8.contains(UInt8(ascii: "\n")) else {
            return false
        }
        latest = line
        if link.isAccepted { link.send(line) }
        return true
    }

    /// The link's state.
    public var status: ShareLink.Status { link.status }

    /// Disconnects for good.
    public func cancel() { link.cancel() }
}

/// Receives the presenter's lines from the relay (see ``ShareLink``).
@MainActor
public final class ShareSubscriber {
    private let link: ShareConnection

    init(path: String, onStatus: (@MainActor (ShareLink.Status) -> Void)?, onLine: @escaping @MainActor (String) -> Void) {
        link = ShareConnection(path: path, hello: ShareLink.helloSubscribe, onStatus: onStatus, onLine: onLine)
        link.connect()
    }

    /// The link's state.
    public var status: ShareLink.Status { link.status }

    /// Stops following and disconnects.
    public func cancel() { link.cancel() }
}

/// One reconnecting, non-blocking connection to the relay, driven by Dispatch sources
/// on the main queue.
@MainActor
final class ShareConnection {
    let path: String
    let hello: String
    let onStatus: (@MainActor (ShareLink.Status) -> Void)?
    let onLine: @MainActor (String) -> Void
    var onConnect: (@MainActor () -> Void)?

    private(set) var status: ShareLink.Status = .connecting("not yet connected")
    private(set) var isAccepted = false
    private var fd: Int32 = -1
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var writeResumed = false
    private var inbox: [UInt8] = []
    private var outbox: [UInt8] = []
    private var cancelled = false
    private var retryScheduled = false
    static let retryDelay = 1.0
    static let maximumOutbox = 4 << 20

    init(path: String, hello: String, onStatus: (@MainActor (ShareLink.Status) -> Void)?, onLine: @escaping @MainActor (String) -> Void) {
        self.path = path
        self.hello = hello
        self.onStatus = onStatus
        self.onLine = onLine
    }

    func connect() {
        guard !cancelled, fd < 0 else { return }
        let socket = cserve_unix_connect(path)
        guard socket >= 0 else {
            let reason = errno == ENOENT || errno == ECONNREFUSED
                ? "no moneyloop serve relay at \(path)" : "\(path): \(String(cString: strerror(errno)))"
            setStatus(.connecting(reason))
            scheduleRetry()
            return
        }
        fd = socket
        inbox.removeAll()
        outbox = Array((hello + "\n").utf8)
        // The fd is closed once both sources are cancelled, as Dispatch requires.
        let closer = DescriptorCloser(fd: socket, sources: 2)
        let read = DispatchSource.makeReadSource(fileDescriptor: socket, queue: .main)
        read.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.readable() } }
        read.setCancelHandler { closer.sourceCancelled() }
        readSource = read
        read.resume()
        let write = DispatchSource.makeWriteSource(fileDescriptor: socket, queue: .main)
        write.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.flush() } }
        write.setCancelHandler { closer.sourceCancelled() }
        writeSource = write
        writeResumed = false
        flush()
    }

    func send(_ line: String) {
        guard fd >= 0 else { return }
        outbox += Array(line.utf8)
        outbox.append(UInt8(ascii: "\n"))
        if outbox.count > ShareConnection.maximumOutbox {
            // The relay stopped reading; start over (the latest line is re-sent).
            disconnect(.connecting("the relay is not reading"))
            return
        }
        flush()
    }

    private func flush() {
        while !outbox.isEmpty && fd >= 0 {
            let n = outbox.withUnsafeBytes { cserve_send(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                outbox.removeFirst(n)
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                break
            } else {
                disconnect(.connecting("the relay went away"))
                return
            }
        }
        let wantWrite = !outbox.isEmpty
        if wantWrite != writeResumed, let writeSource {
            if wantWrite { writeSource.resume() } else { writeSource.suspend() }
            writeResumed = wantWrite
        }
    }

    private func readable() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while fd >= 0 {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                inbox += chunk[0..<n]
                deliverLines()
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                return
            } else {
                disconnect(.connecting(n == 0 ? "the relay closed the connection" : "the relay connection failed"))
                return
            }
        }
    }

    private func deliverLines() {
        var start = 0
        while fd >= 0, let newline = inbox[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: inbox[start..<newline], as: UTF8.self)
            start = newline + 1
            if !isAccepted {
                if line == "ok" {
                    isAccepted = true
                    setStatus(.connected)
                    onConnect?()
                } else {
                    let reason = line.hasPrefix("error ") ? String(line.dropFirst(6)) : line
                    disconnect(.refused(reason))
                    return
                }
            } else {
                onLine(line)
                if cancelled { return }
            }
        }
        inbox.removeFirst(start)
        if inbox.count > ShareLink.maximumLineLength + 1 {
            disconnect(.connecting("the relay sent a line that is too long"))
        }
    }

    private func disconnect(_ newStatus: ShareLink.Status) {
        if fd >= 0 {
            if let writeSource {
                if !writeResumed { writeSource.resume() }  // a suspended source must not be released
                writeSource.cancel()
            }
            readSource?.cancel()
            readSource = nil
            writeSource = nil
            fd = -1
        }
        isAccepted = false
        inbox.removeAll()
        outbox.removeAll()
        setStatus(newStatus)
        if !cancelled { scheduleRetry() }
    }

    private func scheduleRetry() {
        guard !retryScheduled, !cancelled else { return }
        retryScheduled = true
        DispatchQueue.main.asyncAfter(deadline: .now() + ShareConnection.retryDelay) { [weak self] in
            MainActor.assumeIsolated {
                guard let self else { return }
                self.retryScheduled = false
                self.connect()
            }
        }
    }

    private func setStatus(_ new: ShareLink.Status) {
        guard new != status else { return }
        status = new
        onStatus?(new)
    }

    func cancel() {
        guard !cancelled else { return }
        cancelled = true
        disconnect(.cancelled)
    }
}

/// Closes a descriptor after the last of its Dispatch sources is cancelled.
final class DescriptorCloser: Sendable {
    private let fd: Int32
    private let remaining: Mutex<Int>

    init(fd: Int32, sources: Int) {
        self.fd = fd
        self.remaining = Mutex(sources)
    }

    func sourceCancelled() {
        let last = remaining.withLock { count in
            count -= 1
            return count == 0
        }
        if last { close(fd) }
    }
}
