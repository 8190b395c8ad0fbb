import ArgumentParser
import LoopConfig
import LoopDashboard

/// `moneyloop present SCRIPT` (or `present --scenario NAME`: the demo written for that
/// scenario): plays a demo script in presenter mode; `--check` validates
/// it, `--rehearse` prints each step's headline numbers. See docs/presenting.md.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Play a demo script: Space or → next step, ← back, 1–9 jump, Esc explore freely.")

    @Argument(help: ArgumentHelp("A demo script: a YAML file, or the name of a bundled one (money-loop, ai-web-2025); "
                                 + "without it, --scenario NAME plays the demo written for that scenario.",
                                 valueName: "SCRIPT"))
    var file: String?

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
        do { file = try scriptFile() } catch { CommandOutput.fail(error.description) }
        var dashboard = dashboard
        dashboard.chosen.scenario = nil  // the script names its scenario
        guard !check && !rehearse else {
            try CommandOutput.run { () throws(ConfigError) -> String in
                let script = try DemoScriptFile.load(contentsOf: file)
                if rehearse { return Rehearsal.text(script) }
                return "\(file): ok: \"\(script.title)\", \(script.steps.count) steps, "
                    + "scenario \(script.scenarioName)\n"
            }
            return
        }
        if let size {
            guard let cast = dashboard.cast else { CommandOutput.fail("--size renders a demo to a cast: give --cast FILE") }
            try DemoCastOutput(file: file, cast: cast, size: size, hold: hold, dashboard: dashboard).run()
            return
        }
        guard dashboard.sets.isEmpty else {
            CommandOutput.fail("--set does not apply to present: the script names its levers")
        }
        var command = dashboard
        command.script = file
        command.present = true
        try command.run()
    }
}

extension PresentCommand {
    /// The script to play: SCRIPT, or the one written for `--scenario` (not both).
    func scriptFile() throws(ConfigError) -> String {
        switch (file, dashboard.scenario) {
        case let (name?, nil): return try Self.locate(name)
        case let (nil, scenario?): return try Self.locate(scenario: scenario)
        case (_?, _?):
            throw ConfigError(file: "present", keyPath: "--scenario",
                              message: "give a script or --scenario, not both: the script names its scenario")
        case (nil, nil):
            throw ConfigError(file: "present", keyPath: "SCRIPT", message: "give a demo script, or --scenario NAME "
                + "for the demo written for that scenario; demo scripts: \(Self.known().joined(separator: ", "))")
        }
    }

    /// The script file for `SCRIPT`: a path as given; a name as `NAME.yaml` in `./demos`,
    /// then among the bundled demos (`BundledData`).
    static func locate(_ nameOrFile: String) throws(ConfigError) -> String {
        if ScenarioLocator.isPath(nameOrFile) { return nameOrFile }
        if let path = BundledData.file(named: nameOrFile, in: directories) { return path }
        throw ConfigError(file: "present", keyPath: nameOrFile,
                          message: "no such demo script; known: \(known().joined(separator: ", ")); or give a path to a .yaml file")
    }

    /// The demo script written for `scenario` (a scenario name, or a file's, as scripts
    /// name them): the first by name among `./demos` and the bundled demos whose
    /// `scenario:` is it.
    static func locate(scenario: String) throws(ConfigError) -> String {
        let wanted = FileSystem.stem(of: scenario)
        for name in known() {
            guard let path = BundledData.file(named: name, in: directories),
                  let text = BundledData.embeddedText(atPath: path) ?? FileSystem.text(path, maxBytes: YAMLDocument.maxBytes),
                  let doc = try? YAMLDocument(text: text, file: path),
                  let s = doc.node(at: [.key("scenario")])?.string, FileSystem.stem(of: s) == wanted
            else { continue }
            return path
        }
        throw ConfigError(file: "--scenario", keyPath: scenario, message: "no demo script is written for this scenario; "
            + "demo scripts: \(known().joined(separator: ", ")) (`moneyloop present NAME`)")
    }

    /// Where demo scripts are looked for by name: `./demos`, then the bundled ones.
    static var directories: [String] { ["demos"] + BundledData.directories("demos") }

    /// The names of the demo scripts found there.
    static func known() -> [String] {
        Set(directories.flatMap { BundledData.fileNames(in: $0) ?? [] }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { String($0[..<$0.lastIndex(of: ".")!]) }).sorted()
    }
}
