import ArgumentParser
import LoopConfig
import LoopShare
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `moneyloop serve`: runs the SSH server, the program `moneyloop-serve` installed beside
/// this one, with the same arguments (`moneyloop serve --help` shows its options). The
/// server needs SSH, NIO and Foundation; keeping them in their own program keeps the
/// dashboard small (docs/performance.md, "Memory"). See docs/serving.md.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard over SSH: each viewer gets their own dashboard in their own terminal.",
        discussion: """
            Runs moneyloop-serve, installed beside moneyloop; `moneyloop serve --help` lists its \
            options (--listen, --authorized-keys, --passcode, --follow, --allow-scenario, …). \
            See docs/serving.md.
            """
    )

    /// Everything after `serve`, `--help` included, for moneyloop-serve.
    @Argument(parsing: .captureForPassthrough, help: "Options of moneyloop-serve (see moneyloop serve --help).")
    var arguments: [String] = []

    func run() throws {
        guard let me = BundledData.executablePath(), let slash = me.lastIndex(of: "/") else {
            throw Self.fail("cannot tell where this program is installed", status: 1)
        }
        let server = String(me[..<slash]) + "/" + ServePrograms.serverName
        guard access(server, X_OK) == 0 else {
            throw Self.fail("\(server) is missing: the SSH server is a program of its own, installed beside "
                + "moneyloop (Scripts/install.sh installs both; `swift build` builds both)", status: 2)
        }
        setenv(ServePrograms.dashboardVariable, me, 1)
        let argv = ([server] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        execv(server, argv + [nil])
        throw Self.fail("cannot run \(server): \(String(cString: strerror(errno)))", status: 1)
    }

    static func fail(_ message: String, status: Int32) -> ExitCode {
        StandardStream.error.write("moneyloop serve: \(message)\n")
        return ExitCode(status)
    }
}
