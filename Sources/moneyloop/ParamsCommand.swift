import ArgumentParser
import LoopReport

/// `moneyloop params`: the parameter registry with sources and confidence.
struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "List every parameter: default, range, source and confidence.")

    @OptionGroup var output: FormatOption

    func run() throws {
        try CommandOutput.run { ParamsReport.render(format: try output.resolve()) }
    }
}
