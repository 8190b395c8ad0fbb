import ArgumentParser
import Foundation
import LoopConfig
import LoopFilings
import LoopSim

extension FilingsCommand {
    /// `moneyloop scenario update FILE --from-filings` (run here as `moneyloop-filings
    /// update-scenario`): a scenario's opening figures (a loop file's entity cash and debt,
    /// the article's CoreWeave cash and revenue and NVIDIA's revenue) from the cached
    /// company facts, shown as a diff, then written atomically.
    struct ScenarioUpdate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-scenario",
            abstract: "Set a scenario's opening figures from the latest cached SEC filings; print the diff, then write.")

        @Argument(help: ArgumentHelp("The scenario to update: a loop file or a parameter-style scenario.", valueName: "FILE"))
        var file: String

        @Flag(help: "Take the figures from the cached company facts (`moneyloop filings fetch` first).")
        var fromFilings = false

        @Option(name: .customLong("company"), help: ArgumentHelp(
            "Which filer stands behind an entity (repeatable), beyond the standard table, e.g. coreweave=CRWV.",
            valueName: "ID=TICKER|CIK"))
        var companies: [String] = []

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Use no period ending after this date.",
                                                                valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write here instead of over FILE.", valueName: "PATH"))
        var output: String?

        @Flag(help: "Print the diff; write nothing.")
        var dryRun = false

        func run() throws {
            CommandOutput.filings { () throws(FilingsError) -> String in
                guard fromFilings else { throw FilingsError("say where the new figures come from: --from-filings") }
                let through = try asOf.map { (d: String) throws(FilingsError) in try FilingsDate.check(d, "--as-of") }
                var filers = EntityFilers.standard
                for c in companies {
                    let parts = c.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty else {
                        throw FilingsError("--company: '\(c)' is not ID=TICKER, e.g. coreweave=CRWV")
                    }
                    _ = try CompanyRef(parts[1])
                    filers[parts[0]] = parts[1]
                }
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    throw FilingsError("\(file): cannot read the file")
                }
                let ids = try LoopFilings.ScenarioUpdate.entities(text: text, file: file)
                for c in companies {
                    let id = String(c.prefix { $0 != "=" })
                    guard ids.contains(id) else {
                        throw FilingsError("--company: no entity '\(id)' in \(file); entities: \(ids.joined(separator: ", "))")
                    }
                }
                let found = CachedFilers.gather(ids: ids, filers: filers, cache: FilingsCache.standard(), now: Date())
                let update = try LoopFilings.ScenarioUpdate.plan(text: text, file: file, companies: found.companies,
                                                 unresolved: found.unresolved, through: through)
                let out = found.notes.map { $0 + "\n" }.joined() + update.diff
                guard !dryRun, !update.changes.isEmpty else { return out + (dryRun ? "Dry run: nothing written.\n" : "") }
                // The diff is out before the file is touched.
                FileHandle.standardOutput.write(Data(out.utf8))
                let target = output ?? file
                do throws(AtomicFile.Failure) { try AtomicFile.write(update.text, to: target) } catch {
                    throw FilingsError(error.message)
                }
                return "\(target): written\n"
            }
        }
    }
}
