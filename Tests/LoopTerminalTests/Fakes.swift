import LoopDashboard
import LoopTerminal

/// A screen that keeps every frame it is given, so the event loop runs without a terminal.
final class FakeScreen: Screen {
    let capabilities = Capabilities(color: .direct, glyphs: .braille)
    var width = 120, height = 40
    private(set) var frames: [Frame] = []
    private(set) var themes: [Theme] = []
    private(set) var stopped = false

    func size() -> (width: Int, height: Int) { (width, height) }
    func blit(_ frame: Frame) { frames.append(frame) }
    func setTheme(_ theme: Theme) { themes.append(theme) }
    func stop() { stopped = true }

    /// The last frame as text.
    var text: String { frames.last?.text(for: .braille) ?? "" }
}

/// An effect runner that records every effect and answers as a test says, in the manner
/// of swift-nio's embedded channel: nothing touches files, threads or the clock.
final class RecordingEffects: EffectRunner {
    private(set) var effects: [Effect] = []
    /// The message an effect is answered with, if any.
    var answer: (Effect) -> Message? = { _ in nil }

    func run(_ effect: Effect, for loop: any EffectHost) {
        effects.append(effect)
        if let message = answer(effect) { loop.send(message) }
    }
}
