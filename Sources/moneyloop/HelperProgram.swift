import ArgumentParser
import LoopConfig
import LoopShare
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The programs installed beside `moneyloop` that hold what needs full Foundation, NIO or
/// SSH (`moneyloop-serve`, `moneyloop-filings`): a command here runs one of them in its place
/// with the same arguments, so the dashboard never loads those libraries
/// (docs/performance.md, "Memory").
enum HelperProgram {
    static let filings = "moneyloop-filings"

    /// Replaces this process with `name` (from this program's folder) run with `arguments`;
    /// returns only by throwing, with a one-line message naming `command`.
    static func exec(_ name: String, _ arguments: [String], command: String) throws -> Never {
        guard let me = BundledData.executablePath(), let slash = me.lastIndex(of: "/") else {
            throw fail(command, "cannot tell where this program is installed", status: 1)
        }
        let path = String(me[..<slash]) + "/" + name
        guard access(path, X_OK) == 0 else {
            throw fail(command, "\(path) is missing: it is a program of its own, installed beside moneyloop "
                + "(Scripts/install.sh installs it; `swift build` builds it)", status: 2)
        }
        setenv(ServePrograms.dashboardVariable, me, 1)
        let argv = ([path] + arguments).map { strdup($0) }
        execv(path, argv + [nil])
        argv.forEach { free($0) }
        throw fail(command, "cannot run \(path): \(String(cString: strerror(errno)))", status: 1)
    }

    static func fail(_ command: String, _ message: String, status: Int32) -> ExitCode {
        StandardStream.error.write("moneyloop \(command): \(message)\n")
        return ExitCode(status)
    }
}
