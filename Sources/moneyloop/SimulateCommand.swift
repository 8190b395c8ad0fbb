import ArgumentParser
import LoopConfig
import LoopReport
import LoopSim

/// `moneyloop simulate`: a headless run as a table, CSV or JSON; with `--monte-carlo N`,
/// N paths over the scenario's uncertainty as a table or JSON.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the model headless and print every month (table, CSV or JSON), or Monte Carlo bands.")

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var monteCarlo: MonteCarloOptions

    func run() throws {
        try CommandOutput.run {
            if let loop = try LoopSetup.resolve(simulation) {
                guard let request = monteCarlo.resolve() else {
                    return LoopReport.render(loop.loop, loop.project(), format: try output.resolve())
                }
                let format = try output.resolve(allowed: [.table, .json])
                let result = LoopMonteCarlo.run(loop.loop, base: loop.levers, paths: request.paths, seed: request.seed,
                                                threads: request.threads, months: loop.months)
                return LoopMonteCarloReport.render(loop.loop, result, seed: request.seed, format: format)
            }
            guard let request = monteCarlo.resolve() else {
                let format = try output.resolve()
                return SimulationReport.render(try simulation.resolve(), format: format)
            }
            let format = try output.resolve(allowed: [.table, .json])
            let setup = try simulation.resolve()
            let bar = ProgressBar()
            let result = MonteCarlo.run(setup.scenario, schedule: setup.schedule, paths: request.paths,
                                        seed: request.seed, threads: request.threads, months: setup.months,
                                        progress: { done, total in bar.update(done: done, total: total) })
            bar.finish()
            guard let result else { return "" }  // only a cancelled run has none; nothing cancels here
            return MonteCarloReport.render(setup.scenario, result, format: format)
        }
    }
}
