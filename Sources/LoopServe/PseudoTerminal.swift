import CServe
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair: the master fd this process keeps and the slave's path, which
/// the dashboard process opens as its controlling terminal.
///
/// The master is opened close-on-exec and without becoming this process's controlling
/// terminal. Reading it after every slave holder has exited gives `EIO`, not EOF.
public struct PseudoTerminal: Sendable {
    /// The master file descriptor (owned by the caller once opened).
    public let master: Int32
    /// `/dev/pts/N`.
    public let slavePath: String

    /// Opens a new pair and sets its window size.
    public static func open(columns: Int, rows: Int) throws(ServeError) -> PseudoTerminal {
        var name = [CChar](repeating: 0, count: 128)
        let fd = cserve_open_pty(&name, name.count)
        guard fd >= 0 else {
            throw ServeError.system("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let path = String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let pty = PseudoTerminal(master: fd, slavePath: path)
        pty.setWindowSize(columns: columns, rows: rows)
        return pty
    }

    /// Sets the window size on `fd` (a master or a duplicate of it); the terminal's
    /// foreground process group gets SIGWINCH. Sizes are clamped to 1…9999.
    public static func setWindowSize(fd: Int32, columns: Int, rows: Int) {
        let c = UInt16(clamping: min(max(columns, 1), 9999))
        let r = UInt16(clamping: min(max(rows, 1), 9999))
        _ = cserve_set_window_size(fd, c, r)
    }

    /// Sets the window size of this pair.
    public func setWindowSize(columns: Int, rows: Int) {
        PseudoTerminal.setWindowSize(fd: master, columns: columns, rows: rows)
    }

    /// The window size SSH asked for, with 0×0 (what `ssh -tt` sends without a local
    /// terminal) and absurd values replaced: 80×24 by default, at most 1000×1000.
    public static func sanitizedSize(columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        let c = columns <= 0 ? 80 : min(columns, 1000)
        let r = rows <= 0 ? 24 : min(rows, 1000)
        return (c, r)
    }
}
