import ArgumentParser
import LoopDashboard

/// `moneyloop keys`: the key table as Markdown (the README's keys section).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the dashboard's key bindings as a Markdown table.")

    func run() throws { print(KeyTable.markdown()) }
}
