import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim

/// `moneyloop compare A B`: two scenarios side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios: each metric for A and B, and the difference B − A.")

    @Argument(help: ArgumentHelp("The baseline: a bundled scenario name or a scenario file.", valueName: "A"))
    var baseline: String

    @Argument(help: ArgumentHelp("The what-if: a bundled scenario name or a scenario file.", valueName: "B"))
    var whatIf: String

    @Option("months", help: ArgumentHelp("Months to compare, \(MonthCount.bounds) (default: the shorter horizon).",
                                         valueName: "N"))
    var months: MonthCount?

    @OptionGroup var output: FormatOption

    func run() throws {
        try CommandOutput.run {
            let format = try output.resolve(allowed: [.table, .json])
            let a = try Self.setup(baseline, months: months), b = try Self.setup(whatIf, months: months)
            return ComparisonReport.render(Comparison(baseline: a.project(), whatIf: b.project()), format: format)
        }
    }

    /// A scenario argument resolved; its errors name `compare` rather than `--scenario`.
    static func setup(_ name: String, months: MonthCount?) throws(ConfigError) -> SimulationSetup {
        do {
            return try SimulationSetup.resolve(scenario: name, sets: [], months: months)
        } catch {
            var e = error
            if e.file == "--scenario" { e.file = "compare" }
            throw e
        }
    }
}
