import Foundation
import LoopConfig
import Testing

/// `AtomicFile`: the new contents replace the old in one step, the mode is kept, a link is
/// followed, and a missing or read-only folder is an error naming the path. (Killing a
/// writer midway is an end-to-end test: it needs a second process.)
@Suite struct AtomicFileTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    @Test func writesANewFileAndReplacesAnOldOneKeepingItsMode() throws {
        let p = path("s.yaml")
        try AtomicFile.write(Data("one\n".utf8), to: p)
        #expect(FileManager.default.contents(atPath: p) == Data("one\n".utf8))
        chmod(p, 0o640)
        try AtomicFile.write(Data("two\n".utf8), to: p)
        #expect(FileManager.default.contents(atPath: p) == Data("two\n".utf8))
        var st = stat()
        stat(p, &st)
        #expect(st.st_mode & 0o777 == 0o640)
        #expect(leftovers().isEmpty)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aSymbolicLinkIsFollowedNotReplaced() throws {
        let real = path("real.yaml"), link = path("link.yaml")
        try AtomicFile.write(Data("old".utf8), to: real)
        symlink(real, link)
        try AtomicFile.write(Data("new".utf8), to: link)
        #expect(FileManager.default.contents(atPath: real) == Data("new".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aFailingBodyLeavesTheOldFileAndNoTemporary() throws {
        let p = path("s.yaml")
        try AtomicFile.write(Data("old".utf8), to: p)
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write(to: p) { (w: inout AtomicFile.Writer) throws(AtomicFile.Failure) in
                try w.write(Data("half".utf8))
                throw AtomicFile.Failure(message: "stopped")
            }
        }
        #expect(FileManager.default.contents(atPath: p) == Data("old".utf8))
        #expect(leftovers().isEmpty)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aMissingDirectoryIsAnErrorNamingThePath() {
        let p = path("no/such/dir/s.yaml")
        do {
            try AtomicFile.write(Data("x".utf8), to: p)
            Issue.record("saved into a missing directory")
        } catch {
            #expect(error.message == "cannot save \(p): the folder \(path("no/such/dir")) does not exist")
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aReadOnlyDirectoryIsAnErrorNamingThePath() throws {
        // Root may write where chmod forbids it; sysfs refuses new files to everyone.
        let readOnly = geteuid() == 0 ? "/sys" : path("ro")
        if geteuid() != 0 {
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
            chmod(readOnly, 0o555)
        }
        defer { chmod(readOnly, 0o755); try? FileManager.default.removeItem(at: dir) }
        let p = readOnly + "/s.yaml"
        do {
            try AtomicFile.write(Data("x".utf8), to: p)
            Issue.record("saved into a read-only directory")
        } catch {
            #expect(error.message.hasPrefix("cannot save \(p): "), "\(error)")
            #expect(error.message.dropFirst("cannot save \(p)".count).contains(readOnly), "\(error)")
        }
    }

    @Test func aDirectoryInTheWayIsAnError() throws {
        let p = path("d")
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: false)
        #expect(throws: AtomicFile.Failure(message: "cannot save \(p): it is a folder")) {
            try AtomicFile.write(Data("x".utf8), to: p)
        }
        try? FileManager.default.removeItem(at: dir)
    }
}
