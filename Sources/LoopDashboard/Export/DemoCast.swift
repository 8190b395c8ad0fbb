/// A whole demo script rendered to an asciicast without a terminal (`moneyloop present
/// SCRIPT --cast FILE --size WxH`): each step as a presenter would play it, the clock
/// running to the step's month at the script's speed (pulses moving, eight steps a
/// second), then held on screen long enough to read the caption. Pure and deterministic:
/// the same script, size, theme and seed give the same bytes.
public struct DemoCast: Sendable {
    public var width: Int
    public var height: Int
    public var theme: Theme
    public var caps: Capabilities
    public var seed: UInt64
    /// Seconds each step stays on screen after its clock stops; nil: `readingTime`.
    public var hold: Double?

    public init(width: Int, height: Int, theme: Theme, caps: Capabilities, seed: UInt64 = 1, hold: Double? = nil) {
        self.width = width; self.height = height; self.theme = theme; self.caps = caps; self.seed = seed
        self.hold = hold
    }

    /// Seconds to read a caption: 4 at least, else 2.5 words a second.
    public static func readingTime(_ caption: String) -> Double {
        max(4, Double(caption.split(whereSeparator: { $0 == " " || $0.isNewline }).count) / 2.5)
    }

    /// The recording, header first; `observe` sees the model after every message (for narration).
    public func render(_ script: DemoScript, observe: (Model) -> Void = { _ in }) -> String {
        var model = Model(scenario: script.scenario, paused: true)
        model.setThemes(ThemeCycle(names: [theme.name], current: theme))
        model.analytics.seed = seed
        _ = ScriptPlayer.start(script, on: &model)
        observe(model)
        var recorder = CastRecorder(tier: caps.color, glyphs: caps.glyphs)
        var out = CastRecorder.header(width: width, height: height, title: script.title)
        var t = 0.0
        func draw() { out += recorder.record(view(model, width: width, height: height, caps: caps), model: model, at: t) }
        func send(_ m: Message) {
            _ = update(&model, m)
            observe(model)
        }
        draw()
        for i in script.steps.indices {
            if i > 0 {
                send(.key(.char(" ")))
                draw()
            }
            // The step's clock, exactly as the live one steps it, until the step pauses it.
            var clock = SimulationClock(model: model, fps: SimulationClock.pulseStepsPerSecond)
            var steps = 0
            while var c = clock, steps < 100_000 {
                t += c.interval
                for m in c.step() { send(m) }
                draw()
                clock = model.paused ? nil : c
                steps += 1
            }
            t += hold ?? Self.readingTime(script.steps[i].caption)
        }
        return out + CastRecorder.hold(until: t)
    }
}
