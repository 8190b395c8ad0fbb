import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim
#if canImport(Glibc)
import Glibc
#endif

/// How a command prints: its output is built in full first, then printed, so a problem
/// (thrown to ``CommandFailure``) leaves stdout empty.
enum CommandOutput {
    /// Runs `body` and prints its output; its error goes to the one error path.
    static func run(_ body: () throws -> String) throws {
        let text = try body()
        StandardStream.output.write(text)
    }

    /// Writes `moneyloop: message` to stderr and exits with status 2.
    static func fail(_ message: String) -> Never {
        StandardStream.error.write("moneyloop: \(ConfigError.sanitize(message))\n")
        exit(2)
    }
}

/// `--scenario` and `--set`, shared by the dashboard and the commands that run the model.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A bundled scenario name (`moneyloop scenario list`) or a scenario file.",
                                            valueName: "NAME|FILE"))
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a parameter (repeatable), e.g. --set cw.utilization=0.9; `moneyloop params` lists them.",
        valueName: "ID=VALUE"))
    var sets: [String] = []
}

/// `--scenario`, `--set` and `--months`, shared by the commands that run the model.
struct SimulationOptions: ParsableArguments {
    @OptionGroup var chosen: ScenarioOptions
    var scenario: String? { chosen.scenario }
    var sets: [String] { chosen.sets }

    @Option("months", help: ArgumentHelp("Months to simulate, \(MonthCount.bounds) (default: the scenario's horizon).",
                                         valueName: "N"))
    var months: MonthCount?

    func resolve() throws(ConfigError) -> SimulationSetup {
        try SimulationSetup.resolve(scenario: scenario, sets: sets, months: months)
    }
}

/// `--format`: a word of ``OutputFormat``, read by the parser; which formats a command
/// prints is checked when it runs (Monte Carlo has no CSV).
struct FormatOption: ParsableArguments {
    @Option("format", help: ArgumentHelp("table, csv or json.", valueName: "FORMAT"))
    var format: OutputFormat = .table

    func resolve(allowed: [OutputFormat] = OutputFormat.allCases) throws(ConfigError) -> OutputFormat {
        guard allowed.contains(format) else {
            throw ConfigError(file: "--format", keyPath: format.rawValue, message: OutputFormat.unknown(among: allowed))
        }
        return format
    }
}
