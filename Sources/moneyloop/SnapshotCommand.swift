import ArgumentParser
import LoopConfig
import LoopDashboard
import LoopReport
import LoopSim

/// `moneyloop snapshot`: one frame of the dashboard, or one panel, as plain text or as an
/// SVG picture in the theme's colours; no terminal needed.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Print one frame of the dashboard (or one panel) as text or SVG.")

    @Option(help: "Frame size as COLUMNSxROWS.")
    var size: FrameSize = FrameSize(width: 120, height: 40)

    @Option("months", help: ArgumentHelp("Show the dashboard after this many simulated months, \(MonthIndex.bounds).",
                                         valueName: "N"))
    var months = MonthIndex(0)

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Option("format", help: ArgumentHelp("text, or svg (a picture in the theme's colours).", valueName: "FORMAT"))
    var format: SnapshotFormat = .text

    @Option("panel", help: ArgumentHelp("Only this panel, boxed, at --size: graph, levers, runway, concentration, "
        + "stall or factcheck (a loop's: graph, levers, runway, roundtrip).", valueName: "NAME"))
    var panel: Panel?

    @Option("color", help: "Colours of an SVG: direct, 256, 16, 8 or mono (what a terminal of that kind shows).")
    var color: ColorChoice = .direct

    @Flag(help: "Presenter mode: headline numbers in big digits above fewer panels.")
    var present = false

    @OptionGroup var chosenScenario: ScenarioOptions

    @OptionGroup var themeOptions: ThemeOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to this file (replaced whole, never half-written) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        var model: Model
        do {
            model = try DashboardStart.model(scenario: chosenScenario.scenario, sets: chosenScenario.sets, paused: true)
        } catch {
            CommandOutput.fail(error.description)
        }
        model.month = min(months.value, model.horizon)
        model.presentation.presenting = present
        let theme = themeOptions.resolveOrExit().cycle.current
        model.setThemes(ThemeCycle(names: [theme.name], current: theme))
        let glyphs: GlyphTier = ascii ? .ascii : .braille
        let tier = format == .svg ? (color.tier ?? .direct) : .mono
        let caps = Capabilities(color: tier, glyphs: glyphs)
        let chosen = panel
        let frame = chosen.map { panelView($0, model: model, width: size.width, height: size.height, caps: caps) }
            ?? view(model, width: size.width, height: size.height, caps: caps)
        let text: String
        switch format {
        case .text:
            text = frame.text(for: glyphs) + "\n"
        case .svg:
            let title = "moneyloop · \(chosen.map { model.title(of: $0) } ?? "dashboard") · \(model.scenarioName) · "
                + model.start.adding(months: model.month).shortLabel
            text = SVGRenderer(theme: theme, tier: tier, glyphs: glyphs).render(frame, title: title)
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            CommandOutput.fail(error.message)
        }
    }
}

/// What `snapshot` writes.
enum SnapshotFormat: String, ExpressibleByArgument, NamedOptionValue {
    case text, svg
    static let noun = "format"
}

/// A `COLUMNSxROWS` size argument.
struct FrameSize: ExpressibleByArgument {
    var width: Int
    var height: Int
    init(width: Int, height: Int) { self.width = width; self.height = height }
    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        width = w; height = h
    }
}
