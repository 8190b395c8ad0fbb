import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim

/// `moneyloop scenario check FILE` and `moneyloop scenario list`.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check scenario files, list the bundled scenarios, update one from filings.",
        subcommands: [Check.self, List.self, New.self, Update.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a scenario file (or a bundled name); exit status 2 on the first problem.")

        @Argument(help: ArgumentHelp("A scenario file or a bundled scenario name.", valueName: "FILE"))
        var file: String

        func run() throws {
            try CommandOutput.run { () throws(ConfigError) -> String in
                if let path = ScenarioLocator.standard().loopFile(file) {
                    let loop = try LoopFile.load(contentsOf: path)
                    let p = LoopEngine.project(loop)
                    let runways = loop.entities.indices.filter { !loop.entities[$0].external }.map { e in
                        "\(loop.entities[e].name) " + (p.runway(of: e).map { "\($0) mo" } ?? "> \(p.horizon) mo")
                    }
                    return "\(file): ok: \(loop.name), \(loop.entities.count) entities, \(loop.deals.count) deals, "
                        + "\(loop.horizon) months from \(loop.start). Runway: \(runways.joined(separator: ", ")).\n"
                }
                let scenario = try ScenarioLocator.standard().resolve(file)
                let p = Engine.project(scenario)
                return "\(file): ok: \(scenario.name), \(scenario.contracts.count) contracts, "
                    + "\(scenario.facilities.count) facilities, \(scenario.scenes.count) scenes, "
                    + "\(scenario.horizon) months from \(scenario.start). \(SimulationReport.runwayLine(p))\n"
            }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented loop-file skeleton showing every deal kind to NAME.yaml.")

        @Argument(help: ArgumentHelp("The new scenario's name (file NAME.yaml, or a path ending in .yaml).",
                                     valueName: "NAME"))
        var name: String

        func run() throws {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let path = name.hasSuffix(".yaml") ? name : name + ".yaml"
                let base = String((path.split(separator: "/").last ?? "").dropLast(".yaml".count))
                guard !FileSystem.exists(path) else {
                    throw ConfigError(file: path, message: "already exists; not overwritten")
                }
                let text = LoopSkeleton.text(name: base)
                _ = try LoopFile.load(text: text, file: path)  // the skeleton must itself be valid
                do { try AtomicFile.write(text, to: path) } catch {
                    throw ConfigError(file: path, message: "cannot write: \(error)")
                }
                return "\(path): written; check it with `moneyloop scenario check \(path)`\n"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the scenarios --scenario can name.")

        func run() throws {
            try CommandOutput.run {
                ScenarioLocator.standard().list().map { e in
                    "\(e.name.padding(14))  \(e.title)\n" + "\(String(repeating: " ", count: 16))\(e.path ?? "(built in)")\n"
                }.joined()
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
