import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LoopConfig
#if canImport(Glibc)
import Glibc
#endif

/// A save that takes its time, for the test that kills a process in the middle of one: writes
/// `--bytes` bytes through `AtomicFile` in 4 KiB pieces, `--pause-ms` apart. Not shown in help.
struct SlowSaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-slow-save", abstract: "Save a file slowly (for tests).", shouldDisplay: false)

    @Argument var path: String
    @Option var bytes: Int = 1 << 20
    @Option var pauseMs: Int = 5

    func run() throws {
        let piece = Data(repeating: UInt8(ascii: "n"), count: 4096)
        do {
            try AtomicFile.write(to: path) { (w: inout AtomicFile.Writer) throws(AtomicFile.Failure) in
                var left = bytes
                while left > 0 {
                    try w.write(piece.prefix(left))
                    left -= min(left, piece.count)
                    usleep(useconds_t(pauseMs * 1000))
                }
            }
        } catch {
            CommandOutput.fail("\(error)")
        }
    }
}
