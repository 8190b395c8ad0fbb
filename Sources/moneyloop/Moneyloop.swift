import ArgumentParser
import LoopBundle

/// The `moneyloop` command: the dashboard by default, headless subcommands beside it.
@main
struct Moneyloop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moneyloop",
        abstract: "A terminal dashboard for the money loop of AI infrastructure: NVIDIA → CoreWeave → Vast Data.",
        version: "moneyloop " + BuildInfo.versionLine,
        subcommands: [DashboardCommand.self, SnapshotCommand.self, SimulateCommand.self, ParamsCommand.self,
                      FactcheckCommand.self, ScenarioCommand.self, ServeCommand.self, KeysCommand.self,
                      ThemesCommand.self, CompareCommand.self, SensitivityCommand.self,
                      PresentCommand.self, SlowSaveCommand.self, FilingsCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses and runs the command; every error takes the one path of ``CommandFailure``.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            CommandFailure.exit(error)
        }
    }
}
