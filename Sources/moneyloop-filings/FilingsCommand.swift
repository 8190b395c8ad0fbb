import ArgumentParser
import Foundation
import LoopConfig
import LoopFilings

/// `moneyloop filings fetch|show`: SEC company facts, downloaded into the cache and shown
/// as the figures the model reads (docs/filings.md).
///
/// This is the program `moneyloop-filings`, which `moneyloop filings …` and `moneyloop
/// scenario update …` run from beside themselves: downloads need FoundationNetworking,
/// which the dashboard never loads (docs/performance.md, "Memory").
@main
struct FilingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moneyloop filings",
        abstract: "Download companies' XBRL facts from the SEC and show the figures the model reads.",
        subcommands: [Fetch.self, Show.self, ScenarioUpdate.self])

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download company facts (ticker or CIK) into the cache; offline, or without a network, read the cache.")

        @Argument(help: ArgumentHelp("Tickers (CRWV) or CIKs (1769628).", valueName: "COMPANY"))
        var companies: [String]

        @Option(help: ArgumentHelp("The e-mail the SEC asks to find in the User-Agent (else `contact:` in "
            + "$XDG_CONFIG_HOME/moneyloop/filings.yaml).", valueName: "EMAIL"))
        var contact: String?

        @Flag(help: "Use the cache only; say how old it is.")
        var offline = false

        @Option(help: ArgumentHelp("Seconds to wait for an answer.", valueName: "S"))
        var timeout: Double = 30

        @Option(help: .hidden) var secURL: String?

        func run() throws {
            CommandOutput.filings { () throws(FilingsError) -> String in
                let env = ProcessInfo.processInfo.environment
                guard !companies.isEmpty else { throw FilingsError("name at least one company: a ticker (CRWV) or a CIK (1769628)") }
                let refs = try companies.map { (c: String) throws(FilingsError) in try CompanyRef(c) }
                guard timeout > 0, timeout <= 600 else { throw FilingsError("--timeout: allowed 0 … 600 seconds") }
                let who = try FilingsContact.resolve(option: contact, env: env)
                guard offline || who != nil else { throw FilingsError(FilingsContact.refusal(env)) }
                var fetcher = FilingsFetcher(client: URLSessionClient(), limiter: RateLimiter(),
                                             cache: FilingsCache.standard(env), contact: who, offline: offline)
                fetcher.timeout = timeout
                if let base = secURL {
                    fetcher.factsBase = base + "/api/xbrl/companyfacts/"
                    fetcher.tickersURL = base + "/files/company_tickers.json"
                }
                if isatty(2) == 1 {
                    fetcher.progress = { text in FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8)) }
                }
                let now = Date()
                return try fetcher.fetch(refs).map { $0.line(now: now) + "\n" }.joined()
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the cached figures the model reads (revenue, cash, debt, interest, backlog, plant) by period.")

        @Argument(help: ArgumentHelp("A ticker (CRWV) or CIK (1769628) fetched before.", valueName: "COMPANY"))
        var company: String

        @Option(help: ArgumentHelp("Periods shown per figure, newest first.", valueName: "N"))
        var periods: Int = 4

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Leave out periods ending after this date.",
                                                                valueName: "YYYY-MM-DD"))
        var asOf: String?

        func run() throws {
            CommandOutput.filings { () throws(FilingsError) -> String in
                let ref = try CompanyRef(company)
                guard (1...40).contains(periods) else { throw FilingsError("--periods: allowed 1 … 40") }
                let through = try asOf.map { (d: String) throws(FilingsError) in try FilingsDate.check(d, "--as-of") }
                let cache = FilingsCache.standard()
                guard let (facts, fetched) = try cache.company(ref) else {
                    throw FilingsError("\(ref): not in the cache (\(cache.folder)); run `moneyloop filings fetch \(company)` first")
                }
                return FactsTable.render(facts, fetched: fetched, now: Date(), periods: periods, through: through)
            }
        }
    }
}

/// The filings commands' one output path: the text on stdout, or one line on stderr and
/// exit status 2 with nothing on stdout.
enum CommandOutput {
    static func filings(_ body: () throws(FilingsError) -> String) {
        do {
            let text = try body()
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch {
            FileHandle.standardError.write(Data("moneyloop: \(ConfigError.sanitize(error.message))\n".utf8))
            exit(2)
        }
    }
}
