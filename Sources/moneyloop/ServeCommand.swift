import ArgumentParser
import LoopShare

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
        try HelperProgram.exec(ServePrograms.serverName, arguments, command: "serve")
    }
}
