import ArgumentParser
import LoopConfig
import LoopDashboard

/// `moneyloop present SCRIPT`: plays a demo script in presenter mode; `--check` validates
/// it, `--rehearse` prints each step's headline numbers. See docs/presenting.md.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Play a demo script: Space or → next step, ← back, 1–9 jump, Esc explore freely.")

    @Argument(help: ArgumentHelp("A demo script: a YAML file, or the name of a bundled one (money-loop).",
                                 valueName: "SCRIPT"))
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
        let file: String
        do { file = try Self.locate(self.file) } catch { CommandOutput.fail(error.description) }
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

extension PresentCommand {
    /// The script file for `SCRIPT`: a path as given; a name as `NAME.yaml` in `./demos`,
    /// then among the bundled demos (`BundledData`).
    static func locate(_ nameOrFile: String) throws(ConfigError) -> String {
        if ScenarioLocator.isPath(nameOrFile) { return nameOrFile }
        let dirs = ["demos"] + BundledData.directories("demos")
        if let path = BundledData.file(named: nameOrFile, in: dirs) { return path }
        let known = Set(dirs.flatMap { BundledData.fileNames(in: $0) ?? [] }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { String($0[..<$0.lastIndex(of: ".")!]) }).sorted()
        throw ConfigError(file: "present", keyPath: nameOrFile,
                          message: "no such demo script; known: \(known.joined(separator: ", ")); or give a path to a .yaml file")
    }
}
