import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim
#if canImport(Glibc)
import Glibc
#endif

/// The one way every command reports a problem: a single line on stderr, exit status 2,
/// nothing on stdout. The command's output is built in full first, then printed.
enum CommandOutput {
    /// Runs `body`; prints its output on success, or the error and exits with status 2.
    static func run(_ body: () throws -> String) throws {
        let text: String
        do {
            text = try body()
        } catch let error as ConfigError {
            fail(error.description)
        } catch let error as ParameterError {
            fail(error.description)
        }
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

    @Option(name: .long, help: ArgumentHelp("Months to simulate, 1 … 120 (default: the scenario's horizon).",
                                            valueName: "N"))
    var months: String?

    func resolve() throws(ConfigError) -> SimulationSetup {
        try SimulationSetup.resolve(scenario: scenario, sets: sets, months: months)
    }
}

/// `--format`, checked by the shared error path rather than by the parser.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "FORMAT"))
    var format: String = "table"

    func resolve(allowed: [OutputFormat] = OutputFormat.allCases) throws(ConfigError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: format), allowed.contains(f) else {
            throw ConfigError(file: "--format", keyPath: format,
                              message: "unknown format; allowed: \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return f
    }
}
