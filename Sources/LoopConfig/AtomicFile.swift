#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that an interrupted write never leaves a broken one: the bytes go to a
/// temporary file beside the target, are flushed to disk (`fsync`), and the file is renamed
/// over the target, so a reader sees the old contents or the new, never a mix. If the
/// process dies midway the previous file is intact (a stray `.NAME.*.tmp` may remain).
///
/// The file keeps its permissions; a symbolic link is followed (the file it points to is
/// replaced). Every failure is one message naming the path: a missing or read-only folder,
/// a full disk.
public enum AtomicFile {
    /// Why a write failed, in words that name the path.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        try write(to: path) { (w: inout Writer) throws(Failure) in try w.write(data) }
    }

    /// Writes what `body` hands the writer; nothing changes at `path` if `body` throws.
    public static func write(to path: String, _ body: (inout Writer) throws(Failure) -> Void) throws(Failure) {
        let target = resolved(path)
        let (dir, base) = split(target)
        var st = stat()
        guard stat(dir, &st) == 0 else { throw Failure(path, "the folder \(dir) does not exist") }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw Failure(path, "\(dir) is not a folder") }
        let exists = stat(target, &st) == 0
        if exists, st.st_mode & S_IFMT == S_IFDIR { throw Failure(path, "it is a folder") }
        let (fd, temp) = try createTemporary(dir: dir, base: base, for: path)
        var writer = Writer(fd: fd, path: path, dir: dir)
        do throws(Failure) {
            try body(&writer)
            if exists { _ = fchmod(fd, st.st_mode & 0o7777) }
            guard fsync(fd) == 0 else { throw failure(path, errno, dir) }
            writer.closed = true
            guard close(fd) == 0 else { throw failure(path, errno, dir) }
            guard rename(temp, target) == 0 else { throw failure(path, errno, dir) }
        } catch {
            if !writer.closed { close(fd) }
            unlink(temp)
            throw error
        }
        syncFolder(dir)
    }

    /// Hands bytes to the temporary file.
    public struct Writer {
        let fd: Int32
        let path: String
        let dir: String
        var closed = false

        /// Appends `data`; a short write is retried, an error names the path.
        public mutating func write(_ data: Data) throws(Failure) {
            var failed: Int32 = 0
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = errno
                        return
                    }
                    offset += n
                }
            }
            if failed != 0 { throw AtomicFile.failure(path, failed, dir) }
        }
    }

    /// The file a symbolic link points to, or `path` itself.
    static func resolved(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Folder and file name; the folder of a bare name is `.`.
    static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    static func createTemporary(dir: String, base: String, for path: String) throws(Failure) -> (Int32, String) {
        for _ in 0..<16 {
            let name = "\(dir)/.\(base).\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).tmp"
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, name) }
            if errno == ENOENT { throw Failure(path, "cannot create files in \(dir)") }
            if errno != EEXIST { throw failure(path, errno, dir) }
        }
        throw Failure(path, "cannot create a temporary file in \(dir)")
    }

    static func syncFolder(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// A system error in words, naming the folder where it is the folder's fault.
    static func failure(_ path: String, _ code: Int32, _ dir: String) -> Failure {
        switch code {
        case EACCES, EPERM: Failure(path, "no permission to write in \(dir)")
        case EROFS: Failure(path, "\(dir) is on a read-only file system")
        case ENOSPC, EDQUOT: Failure(path, "no space left on the disk")
        default: Failure(path, String(cString: strerror(code)))
        }
    }
}

extension AtomicFile.Failure {
    /// `cannot save PATH: why`.
    init(_ path: String, _ why: String) { message = "cannot save \(path): \(why)" }
}
