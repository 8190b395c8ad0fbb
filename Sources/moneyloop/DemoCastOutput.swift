import LoopConfig
import LoopDashboard

/// `moneyloop present SCRIPT --cast FILE --size WxH`: the whole demo rendered to an
/// asciicast without a terminal, written whole (or not at all); `--narrate` beside it.
struct DemoCastOutput {
    var file: String
    var cast: String
    var size: FrameSize
    var hold: Double?
    var dashboard: DashboardCommand

    func run() throws {
        if let hold, !(hold >= 0 && hold <= 600) { CommandOutput.fail("--hold must be between 0 and 600 seconds") }
        let script: DemoScript
        do {
            script = try DemoScriptFile.load(contentsOf: file)
        } catch {
            CommandOutput.fail(error.description)
        }
        let theme = dashboard.themeOptions.resolveOrExit().cycle.current
        let caps = Capabilities(color: dashboard.color.tier ?? .c256, glyphs: dashboard.ascii ? .ascii : .braille)
        let narration = dashboard.narrate.map(NarrationFile.init(path:))
        var sentences: [String] = []
        var last: NarrationSnapshot?
        let demo = DemoCast(width: size.width, height: size.height, theme: theme, caps: caps, seed: dashboard.seed.value,
                            hold: hold)
        let text = demo.render(script) { model in
            guard narration != nil else { return }
            let now = NarrationSnapshot(model)
            if let last {
                sentences += Narrator.sentences(from: last, to: now)
            } else {
                sentences.append("\(model.scenarioName): " + Narrator.opening(model))
            }
            last = now
        }
        do {
            try AtomicFile.write(text, to: cast)
        } catch {
            CommandOutput.fail(error.message)
        }
        narration?.write(sentences)
    }
}
