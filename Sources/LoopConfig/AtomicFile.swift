import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that an interrupted write never leaves a broken one: the text goes to a
/// temporary file beside the target, is flushed to disk, and is renamed over it.
public enum AtomicFile {
    /// Why a write failed, in words that name the path.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(message: "cannot save \(path): the folder \(dir) does not exist")
        }
        let temp = dir + "/.\(url.lastPathComponent).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw Failure(message: "cannot save \(path): \(String(cString: strerror(errno))) in \(dir)")
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temp)
                throw Failure(message: "cannot save \(path): \(reason)")
            }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw Failure(message: "cannot save \(path): \(reason)")
        }
    }
}
