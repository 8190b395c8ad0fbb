import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim

/// `moneyloop scenario check FILE` and `moneyloop scenario list`.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check scenario files and list the bundled scenarios.",
        subcommands: [Check.self, List.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a scenario file (or a bundled name); exit status 2 on the first problem.")

        @Argument(help: ArgumentHelp("A scenario file or a bundled scenario name.", valueName: "FILE"))
        var file: String

        func run() throws {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let scenario = try ScenarioLocator.standard().resolve(file)
                let p = Engine.project(scenario)
                return "\(file): ok: \(scenario.name), \(scenario.contracts.count) contracts, "
                    + "\(scenario.facilities.count) facilities, \(scenario.scenes.count) scenes, "
                    + "\(scenario.horizon) months from \(scenario.start). \(SimulationReport.runwayLine(p))\n"
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
