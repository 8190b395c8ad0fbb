import ArgumentParser
import LoopConfig
import LoopDashboard
import LoopReport
import LoopSim
import LoopShare
import LoopTerminal

/// `moneyloop` (the default): the live dashboard in this terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Start the live dashboard (the default).")

    @OptionGroup var chosen: ScenarioOptions
    var scenario: String? { chosen.scenario }
    var sets: [String] { chosen.sets }

    @Option(help: "Key remapping file (default $XDG_CONFIG_HOME/moneyloop/keys.yaml when present).")
    var keys: String?

    @Flag(help: "Start with the simulation clock paused.")
    var paused = false

    @Flag(help: "Publish this dashboard's levers and clock to `moneyloop serve --follow` viewers.")
    var share = false

    @Flag(help: "Follow the presenter's levers and clock (read-only; f explores alone).")
    var follow = false

    @Option("color", help: "Colours: auto, direct, 256, 16, 8 or mono.")
    var color: ColorChoice = .auto

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(help: "Leave the mouse to the terminal (also `mouse: off` in the keys file); the mouse is never required.")
    var noMouse = false

    @OptionGroup var themeOptions: ThemeOptions

    @Option(help: "Simulated months per second.")
    var speed: Double = 2

    @Option(help: "At most this many frames per second.")
    var fps: Double = 15

    @Option("seed", help: "Seed of the Monte Carlo paths behind `m` (the same seed gives the same bands).")
    var seed = PathSeed(1)
    @Flag(help: "Presenter mode: headline numbers in big digits above fewer panels (p toggles).")
    var present = false

    @Flag(help: "Lock levers, file writes and scenario changes (a screen the audience watches).")
    var readOnly = false

    @Option(help: ArgumentHelp("Record the session as an asciicast v2 file (asciinema), markers at steps and scenes.",
                               valueName: "FILE"))
    var cast: String?

    @Option(help: ArgumentHelp("Write a plain sentence for each meaningful change to FILE (- for stderr).",
                               valueName: "FILE"))
    var narrate: String?

    /// A demo script to play: set by `moneyloop present SCRIPT`.
    @Option(help: .hidden)
    var script: String?

    /// Set by `moneyloop serve` on the command line it builds: an attendee's dashboard
    /// (`key` or `passcode`), which touches no files. See ``ServedFiles``.
    @Option(help: .hidden)
    var served: String?

    /// Scenario and theme files the presenter allowed with `serve --allow-scenario/--allow-theme`.
    @Option(name: .customLong("served-scenario"), help: .hidden)
    var servedScenarios: [String] = []
    @Option(name: .customLong("served-theme"), help: .hidden)
    var servedThemes: [String] = []

    func validate() throws {
        guard speed > 0, speed <= 64, speed.isFinite else { throw ValidationError("--speed must be between 0 and 64") }
        guard fps >= 1, fps <= 60 else { throw ValidationError("--fps must be between 1 and 60") }
    }

    func run() throws {
        let env = FileSystem.environment()
        // Everything that reads files comes first, so a bad file never leaves a half-drawn screen.
        var model: Model
        let servedFiles: ServedFiles?
        do {
            servedFiles = try ServedFiles.access(option: served, environment: env).map {
                ServedFiles(access: $0, allowedScenarios: servedScenarios, allowedThemes: servedThemes)
            }
            model = try DashboardStart.model(scenario: servedFiles == nil ? scenario : nil, sets: sets, paused: paused)
            if servedFiles == nil, let map = try DashboardCommand.keyMap(path: keys, environment: env) { model.keys = map }
        } catch {
            CommandOutput.fail(error.description)
        }
        model.speed = speed
        let themes = servedFiles.map { (catalog: ThemeCatalog(sources: []), cycle: $0.themeCycle, notice: String?.none) }
            ?? themeOptions.resolveOrExit()
        model.served = servedFiles?.policy
        model.setThemes(themes.cycle)
        if let n = themes.notice { model.notice = n }
        model.isFollower = follow
        model.following = follow
        model.analytics.seed = seed.value
        preparePresentation(&model)
        if servedFiles != nil && (cast != nil || narrate != nil) {
            CommandOutput.fail("a served dashboard writes no files: --cast and --narrate are for local sessions")
        }
        let recording = Recording(cast: cast, narrate: narrate, model: &model)
        let sharing: Sharing?
        do {
            sharing = share || follow ? Sharing(path: try ShareLink.socketPath(environment: env)) : nil
        } catch {
            CommandOutput.fail(error.description)
        }
        let terminal: Terminal
        do {
            terminal = try Terminal(options: TerminalOptions(color: color.tier, ascii: ascii,
                                                             mouse: !noMouse && model.keys.mouse),
                                    theme: model.themes.current, environment: env)
        } catch {
            CommandOutput.fail(error.description)
        }
        if !terminal.mouse { model.keys = model.keys.withoutMouse() }
        if let n = terminal.notice { model.notice = n }
        let files: any FileWork = servedFiles ?? FileEffects(themes: themes.catalog)
        let effects = DashboardEffects(files: files, sharing: sharing)
        let loop = EventLoop(model: model, screen: terminal, fps: fps, effects: effects)
        if share { sharing?.share(loop) }
        if follow { sharing?.follow(loop, true) }
        recording.attach(to: loop, model: model, capabilities: terminal.capabilities)
        CrashTrigger.arm(environment: FileSystem.environment())
        loop.run(input: terminal)
    }

    /// The key map from `--keys`, or from the user's config folder when that file exists.
    static func keyMap(path: String?, environment env: [String: String]) throws(ConfigError) -> KeyMap? {
        if let path { return try KeyMap.load(contentsOf: path) }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? "") + "/.config")
        let file = config + "/moneyloop/keys.yaml"
        guard FileSystem.exists(file) else { return nil }
        return try KeyMap.load(contentsOf: file)
    }
}

/// The `--color` choices.
enum ColorChoice: String, ExpressibleByArgument, NamedOptionValue {
    case auto, direct, c256 = "256", c16 = "16", c8 = "8", mono
    static let noun = "colour choice"
    var tier: ColorTier? { self == .auto ? nil : ColorTier(rawValue: rawValue) }
}
