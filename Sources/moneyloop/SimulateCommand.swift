import ArgumentParser
import LoopReport

/// `moneyloop simulate`: a headless run as a table, CSV or JSON.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the model headless and print every month (table, CSV or JSON).")

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try CommandOutput.run {
            let format = try output.resolve()
            return SimulationReport.render(try simulation.resolve(), format: format)
        }
    }
}
