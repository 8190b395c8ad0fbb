import ArgumentParser
import LoopConfig
import LoopDashboard

/// `moneyloop present SCRIPT`: plays a demo script in presenter mode; `--check` validates
/// it, `--rehearse` prints each step's headline numbers. See docs/presenting.md.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Play a demo script: Space or → next step, ← back, 1–9 jump, Esc explore freely.")

    @Argument(help: ArgumentHelp("A demo script (YAML), e.g. demos/money-loop.yaml.", valueName: "SCRIPT"))
    var file: String

    @Flag(help: "Validate the script and exit (status 2 on the first problem).")
    var check = false

    @Flag(help: "Print each step's caption, lever changes and headline numbers as text.")
    var rehearse = false

    @Option(help: ArgumentHelp("With --cast: render the whole demo to the cast at this size, without a terminal.",
                               valueName: "COLUMNSxROWS"))
    var size: FrameSize?

    @Option(help: ArgumentHelp("With --size: seconds each step stays on screen (default: time to read its caption).",
                               valueName: "SECONDS"))
    var hold: Double?

    @OptionGroup var dashboard: DashboardCommand

    func run() throws {
        guard !check && !rehearse else {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let script = try DemoScriptFile.load(contentsOf: file)
                if rehearse { return Rehearsal.text(script) }
                return "\(file): ok: \"\(script.title)\", \(script.steps.count) steps, "
                    + "scenario \(script.scenario.name)\n"
            }
            return
        }
        if let size {
            guard let cast = dashboard.cast else { CommandOutput.fail("--size renders a demo to a cast: give --cast FILE") }
            try DemoCastOutput(file: file, cast: cast, size: size, hold: hold, dashboard: dashboard).run()
            return
        }
        guard dashboard.scenario == nil, dashboard.sets.isEmpty else {
            CommandOutput.fail("--scenario and --set do not apply to present: the script names its scenario and levers")
        }
        var command = dashboard
        command.script = file
        command.present = true
        try command.run()
    }
}
