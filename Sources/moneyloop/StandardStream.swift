#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, standard error or a file opened for writing, written with the C
/// library (no Foundation): whole texts, retried on short writes and interruptions.
struct StandardStream: Sendable {
    let fd: Int32

    static let output = StandardStream(fd: 1)
    static let error = StandardStream(fd: 2)

    /// A new or emptied file at `path` (mode 0644 before the umask), or nil.
    static func create(_ path: String) -> StandardStream? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        return fd >= 0 ? StandardStream(fd: fd) : nil
    }

    /// Writes all of `text`; false when the descriptor refuses it (a full disk, a closed pipe).
    @discardableResult
    func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
