import ArgumentParser
import LoopDashboard

/// `moneyloop keys`: the key table as Markdown (the README's keys section), every context
/// or only those asked for.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the dashboard's key bindings as a Markdown table.")

    @Option("context", help: ArgumentHelp(
        "Only this context's keys (repeatable): \(KeyContext.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "NAME"))
    var contexts: [KeyContext] = []

    func run() throws { print(KeyTable.markdown(contexts: contexts.isEmpty ? KeyContext.allCases : contexts)) }
}
