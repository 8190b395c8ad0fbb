import Foundation
import TestSupport
import Testing

/// A save killed midway leaves the previous file intact: `moneyloop test-slow-save` writes
/// through `AtomicFile` slowly and is killed with SIGKILL while its temporary file grows.
@Suite(.timeLimit(.minutes(1)))
struct AtomicSaveEndToEndTests {
    let dir: URL
    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func temporaries() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: [.fileSizeKey])) ?? [])
            .filter { $0.lastPathComponent.hasSuffix(".tmp") }
    }

    @Test func killedMidSaveLeavesThePreviousFile() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("scenario.yaml").path
        let old = Data("name: previous\n".utf8)
        _ = FileManager.default.createFile(atPath: target, contents: old)
        let pid = try spawn(moneyloopBinary, ["test-slow-save", target, "--bytes", "4000000", "--pause-ms", "2"])
        var written = 0
        let end = Date().addingTimeInterval(10)
        while Date() < end, written < 64 * 1024 {
            written = temporaries().compactMap { try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize }.max() ?? 0
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(written >= 64 * 1024, "the save never got going")
        #expect(status & 0x7f == SIGKILL, "the writer finished before it was killed")
        #expect(FileManager.default.contents(atPath: target) == old)
    }

    @Test func anUninterruptedSaveReplacesTheFile() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("scenario.yaml").path
        _ = FileManager.default.createFile(atPath: target, contents: Data("old".utf8))
        let r = try runProcess(moneyloopBinary, ["test-slow-save", target, "--bytes", "10000", "--pause-ms", "0"])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.contents(atPath: target) == Data(repeating: UInt8(ascii: "n"), count: 10000))
        #expect(temporaries().isEmpty)
    }

    @Test func aMissingDirectoryIsOneLineNamingThePath() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("gone/scenario.yaml").path
        let r = try runProcess(moneyloopBinary, ["test-slow-save", target, "--bytes", "10"])
        #expect(r.status == 2)
        #expect(r.err == "moneyloop: cannot save \(target): the folder \(dir.path)/gone does not exist\n")
    }

    /// Starts a program with stdio on /dev/null and returns its pid without waiting.
    func spawn(_ path: String, _ args: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        return pid
    }
}
