import ArgumentParser

/// `moneyloop` (the default): the live dashboard in this terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Start the live dashboard (the default).")

    @Flag(help: "Start with the simulation clock paused.")
    var paused = false

    func run() throws {}
}
