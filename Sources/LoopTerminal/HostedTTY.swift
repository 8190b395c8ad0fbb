import CTerminalGuard
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One viewer's terminal in a process that hosts many (`moneyloop serve-host`): the pty
/// slave the server opened for that viewer, opened here by path. Curses reads keys from the
/// slave and writes into a pipe; what it wrote is queued here and written to the slave
/// without ever blocking. A viewer whose link is slow therefore never holds up the others:
/// while their queue is not empty, their frames are skipped (``backlogged``) and the next
/// one drawn is the difference from what they last received. Main queue only.
public final class HostedTTY {
    /// Keys come from here (blocking reads after a poll; curses' input fd).
    public let input: Int32
    /// Frames go out here (non-blocking).
    private let output: Int32
    /// Curses writes into `pipe.write`; `drain` moves it to `queue`.
    private let pipe: (read: Int32, write: Int32)
    /// The FILEs curses is given.
    let outputFile: UnsafeMutablePointer<FILE>
    let inputFile: UnsafeMutablePointer<FILE>
    private var queue: [UInt8] = []
    private var sent = 0
    private var writable: (any DispatchSourceWrite)?
    private var closed = false
    /// Called when a backlog has gone out (the skipped frame can be drawn now).
    var onDrained: (() -> Void)?

    /// Bytes still waiting for the viewer's link.
    public var backlog: Int { queue.count - sent }
    /// Whether frames should be skipped: the last ones have not gone out yet.
    public var backlogged: Bool { backlog > 0 }

    /// Opens the slave at `path` (e.g. `/dev/pts/7`) twice — for keys and for output — and
    /// a pipe for curses' output; puts the line discipline in the mode curses would set
    /// (no echo, no line buffering, no signals from keys, no flow control, no CR→NL).
    public init(path: String) throws(TerminalError) {
        let flags = O_NOCTTY | O_CLOEXEC
        let input = open(path, O_RDWR | flags)
        guard input >= 0, isatty(input) == 1 else {
            if input >= 0 { Glibc.close(input) }
            throw .notATerminal
        }
        let output = open(path, O_WRONLY | O_NONBLOCK | flags)
        var fds: [Int32] = [0, 0]
        guard output >= 0, Glibc.pipe(&fds) == 0 else {
            Glibc.close(input)
            if output >= 0 { Glibc.close(output) }
            throw .notATerminal
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        // Room for the largest first paint, so curses' blocking write never waits: the pipe
        // is emptied after every curses call that writes.
        _ = fcntl(fds[1], 1031 /* F_SETPIPE_SZ */, 1 << 20)
        guard let out = fdopen(fds[1], "w"), let inp = fdopen(input, "r") else {
            Glibc.close(input); Glibc.close(output); Glibc.close(fds[0]); Glibc.close(fds[1])
            throw .notATerminal
        }
        self.input = input
        self.output = output
        pipe = (fds[0], fds[1])
        outputFile = out
        inputFile = inp
        var t = termios()
        if tcgetattr(input, &t) == 0 {
            t.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
            t.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR)
            withUnsafeMutableBytes(of: &t.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            tcsetattr(input, TCSANOW, &t)
        }
    }

    /// The viewer's window size (the server sets it on the pty for each window change).
    public func size() -> (width: Int, height: Int)? {
        var ws = winsize()
        guard ioctl(input, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// Moves what curses wrote into the queue and sends what the link takes now.
    func drain() {
        guard !closed else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(pipe.read, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            queue += buffer[0..<n]
        }
        send()
    }

    private func send() {
        while sent < queue.count {
            let n = queue[sent...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if n > 0 { sent += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno != EAGAIN { queue = []; sent = 0; return }  // the viewer is gone
            waitUntilWritable()
            return
        }
        queue.removeAll(keepingCapacity: queue.count < 1 << 16)
        sent = 0
    }

    private func waitUntilWritable() {
        guard writable == nil else { return }
        let source = DispatchSource.makeWriteSource(fileDescriptor: output, queue: .main)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.send()
            guard !self.backlogged else { return }
            self.writable?.cancel()
            self.writable = nil
            self.onDrained?()
        }
        writable = source
        source.resume()
    }

    /// Sends what is left without waiting, then closes every descriptor.
    public func close() {
        guard !closed else { return }
        drain()
        closed = true
        let (output, pipeRead, outputFile, inputFile) = (self.output, pipe.read, self.outputFile, self.inputFile)
        let closeAll = {
            fclose(outputFile)
            fclose(inputFile)
            Glibc.close(output)
            Glibc.close(pipeRead)
        }
        // A watched descriptor closes only after Dispatch has let go of it.
        guard let writable else { return closeAll() }
        self.writable = nil
        writable.setCancelHandler(handler: closeAll)
        writable.cancel()
    }
}

/// In a process that hosts many viewers: which viewer's work runs now, so that a crash
/// names it. The crash guard (async-signal-safe) writes the last line marked on `fd`.
public enum CrashBreadcrumb {
    /// Crash reports go to `fd` from now on.
    public static func start(fd: Int32) { ml_guard_save(fd) }
    /// The line a crash writes from now on (at most 255 bytes).
    static func mark(_ line: [CChar]) { ml_guard_install(line, line.count) }
    /// A normal exit: write nothing.
    public static func clear() { ml_guard_disarm() }
}
