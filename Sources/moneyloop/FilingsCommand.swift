import ArgumentParser

/// `moneyloop filings fetch|show`: runs `moneyloop-filings`, installed beside this program,
/// with the same arguments (`moneyloop filings --help` shows its commands). Downloads need
/// FoundationNetworking, which the dashboard never loads. See docs/filings.md.
struct FilingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filings",
        abstract: "Download companies' XBRL facts from the SEC and show the figures the model reads.",
        discussion: "Runs moneyloop-filings, installed beside moneyloop: `moneyloop filings fetch CRWV`, "
            + "`moneyloop filings show CRWV`; `moneyloop filings --help` for the options. See docs/filings.md.")

    /// Everything after `filings`, `--help` included, for moneyloop-filings.
    @Argument(parsing: .captureForPassthrough, help: "fetch|show and their options (see moneyloop filings --help).")
    var arguments: [String] = []

    func run() throws {
        try HelperProgram.exec(HelperProgram.filings, arguments, command: "filings")
    }
}

extension ScenarioCommand {
    /// `moneyloop scenario update FILE --from-filings`: runs `moneyloop-filings
    /// update-scenario` with the same arguments (it reads the filings cache).
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a scenario's opening figures from the latest cached SEC filings; print the diff, then write.",
            discussion: "Runs moneyloop-filings, installed beside moneyloop; "
                + "`moneyloop scenario update --help` for the options (--from-filings, --company, --as-of, -o, --dry-run).")

        /// Everything after `update`, `--help` included.
        @Argument(parsing: .captureForPassthrough, help: "FILE --from-filings and the options (see --help).")
        var arguments: [String] = []

        func run() throws {
            try HelperProgram.exec(HelperProgram.filings, ["update-scenario"] + arguments, command: "scenario update")
        }
    }
}
