import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An `authorized_keys` file that is re-read when it changes, so attendees can be added
/// (or removed) during a meeting without restarting the server. The file is checked with
/// `stat` on each authentication; a file that disappears or cannot be read authorizes
/// nobody until it is fixed.
public final class AuthorizedKeysSource: Sendable {
    /// The file.
    public let path: String
    private let log: ServeLog

    private struct Signature: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    private struct Inner {
        var signature: Signature?
        var keys = AuthorizedKeys(text: "")
        var broken = false
    }

    private let inner = Mutex(Inner())

    /// Reads the file now. Throws when it cannot be read at start; reports its warnings.
    public init(path: String, log: ServeLog) throws(ServeError) {
        self.path = path
        self.log = log
        let signature = AuthorizedKeysSource.signature(of: path)
        let keys = try AuthorizedKeys(contentsOf: path)
        inner.withLock {
            $0.signature = signature
            $0.keys = keys
        }
    }

    /// The keys, re-read first if the file changed since the last look.
    public func current() -> AuthorizedKeys {
        let now = AuthorizedKeysSource.signature(of: path)
        return inner.withLock { s in
            guard now != s.signature || s.broken else { return s.keys }
            s.signature = now
            do {
                let keys = try AuthorizedKeys(contentsOf: path)
                s.keys = keys
                s.broken = false
                log.info("reloaded \(path): \(keys.entries.count) key(s)")
                for warning in keys.warnings { log.warning("\(path):\(warning)") }
            } catch {
                if !s.broken { log.warning("\(error); nobody can log in until it is fixed") }
                s.keys = AuthorizedKeys(text: "")
                s.broken = true
            }
            return s.keys
        }
    }

    private static func signature(of path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Signature(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}
