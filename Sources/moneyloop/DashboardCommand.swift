import ArgumentParser
import Foundation
import LoopConfig
import LoopDashboard
import LoopSim
import LoopTerminal

/// `moneyloop` (the default): the live dashboard in this terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Start the live dashboard (the default).")

    @Option(help: "Scenario: a bundled name (see `moneyloop scenario list`) or a YAML file.")
    var scenario: String?

    @Option(name: .customLong("set"), help: "Set a parameter, e.g. --set cw.utilization=0.9 (repeatable).")
    var sets: [String] = []

    @Option(help: "Key remapping file (default $XDG_CONFIG_HOME/moneyloop/keys.yaml when present).")
    var keys: String?

    @Flag(help: "Start with the simulation clock paused.")
    var paused = false

    @Option(help: "Colours: auto, direct, 256, 16, 8 or mono.")
    var color: ColorChoice = .auto

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Option(help: "Simulated months per second.")
    var speed: Double = 2

    @Option(help: "At most this many frames per second.")
    var fps: Double = 15

    @Flag(help: "Presenter mode: headline numbers in big digits above fewer panels (p toggles).")
    var present = false

    @Flag(help: "Lock levers, file writes and scenario changes (a screen the audience watches).")
    var readOnly = false

    /// A demo script to play: set by `moneyloop present SCRIPT`.
    @Option(help: .hidden)
    var script: String?

    func validate() throws {
        guard speed > 0, speed <= 64, speed.isFinite else { throw ValidationError("--speed must be between 0 and 64") }
        guard fps >= 1, fps <= 60 else { throw ValidationError("--fps must be between 1 and 60") }
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        // Everything that reads files comes first, so a bad file never leaves a half-drawn screen.
        var model: Model
        do {
            var loaded = try ScenarioLocator.standard().resolve(scenario)
            try SetOption.apply(sets, to: &loaded.parameters)
            model = Model(scenario: loaded, paused: paused)
            if let s = scenario, ScenarioLocator.isPath(s) { model.scenarioPath = s }
            if let map = try DashboardCommand.keyMap(path: keys, environment: env) { model.keys = map }
        } catch {
            CommandOutput.fail(error.description)
        }
        model.speed = speed
        preparePresentation(&model)
        let terminal: Terminal
        do {
            terminal = try Terminal(options: TerminalOptions(color: color.tier, ascii: ascii),
                                    theme: .builtInDefault, environment: env)
        } catch {
            CommandOutput.fail(error.description)
        }
        EventLoop(model: model, terminal: terminal, fps: fps, sideEffects: FileEffects.perform).run()
    }

    /// The key map from `--keys`, or from the user's config folder when that file exists.
    static func keyMap(path: String?, environment env: [String: String]) throws(ConfigError) -> KeyMap? {
        if let path { return try KeyMap.load(contentsOf: path) }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? "") + "/.config")
        let file = config + "/moneyloop/keys.yaml"
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        return try KeyMap.load(contentsOf: file)
    }
}

/// The `--color` choices.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, direct, c256 = "256", c16 = "16", c8 = "8", mono
    var tier: ColorTier? { self == .auto ? nil : ColorTier(rawValue: rawValue) }
}
