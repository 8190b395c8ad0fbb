import ArgumentParser
import LoopReport

/// `moneyloop factcheck`: the article's claims recomputed from the registry and the engine.
struct FactcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck",
        abstract: "Check the article's claims against the model's arithmetic.")

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try CommandOutput.run {
            let format = try output.resolve()
            return FactCheckReport.render(try simulation.resolve(), format: format)
        }
    }
}
