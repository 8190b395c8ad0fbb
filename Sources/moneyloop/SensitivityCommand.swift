import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim

/// `moneyloop sensitivity`: which lever matters most for one metric (a tornado).
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Swing every parameter with a range low and high (others as set) and rank them by their effect on a metric.")

    @OptionGroup var simulation: SimulationOptions

    @Option(name: .long, help: ArgumentHelp("closed.coreweave (default: runway if markets close), need.coreweave "
        + "(first month it needs money), runway.coreweave (with financing), the same for vast, cash.coreweave@M or "
        + "cash.vast@M (M a month).", valueName: "METRIC"))
    var metric: String = "closed.coreweave"

    @OptionGroup var output: FormatOption

    func run() throws {
        try CommandOutput.run {
            let format = try output.resolve(allowed: [.table, .json])
            let setup = try simulation.resolve()
            guard let m = Metric(parsing: metric, horizon: setup.months) else {
                throw ConfigError(file: "--metric", keyPath: metric,
                                  message: "unknown metric; allowed: \(Metric.syntax(horizon: setup.months))")
            }
            let tornado = Sensitivity.tornado(setup.scenario, schedule: setup.schedule, metric: m, months: setup.months)
            return SensitivityReport.render(setup.scenario, tornado, format: format)
        }
    }
}
