import LoopSim

/// The bottom of the screen: the hint bar, or the text field being edited with its
/// error above it, or a question; a scene's caption as a banner above them.
public struct BottomLines: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) { self.model = model; self.glyphs = glyphs }

    public func draw(into f: inout Frame, hints r: Rect) {
        guard r.width > 0 else { return }
        let above = Rect(x: r.x, y: r.y - 1, width: r.width, height: 1)
        if let input = model.input {
            f.fill(r, " ", Style(.overlay))
            let x = f.text(r.x, r.y, input.prompt, Style(.keyHint, .bold))
            let room = max(1, r.maxX - x - 1)
            // Keep the cursor in view in a long line.
            let chars = Array(input.text)
            let start = max(0, input.cursor - room + 1)
            f.text(x, r.y, String(chars[min(start, chars.count)...].prefix(room)), Style(.text))
            f.cursor = Point(x: x + input.cursor - start, y: r.y)
            if let error = input.error {
                banner(&f, above, error, Style(.error, .bold))
            } else if input.purpose == .command {
                let k = model.keys
                banner(&f, above, "\(k.key(for: .complete, in: .input)) completes · "
                    + k.key(for: .historyPrevious, in: .input) + k.key(for: .historyNext, in: .input) + " history · "
                    + "\(k.key(for: .submitInput, in: .input)) runs · \(k.key(for: .cancelInput, in: .input)) cancels",
                       Style(.dim))
            }
            return
        }
        if let question = model.confirm {
            f.fill(r, " ", Style(.overlay))
            f.text(r.x, r.y, question.question(keys: model.keys).truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.warn, .bold))
            return
        }
        HintBar(keys: model.keys, focus: model.focus, presentation: model.presentation).draw(into: &f, r)
        if let caption = model.caption {
            banner(&f, above, caption, Style(.banner, .bold))
        }
    }

    /// A full-width line, centred text.
    func banner(_ f: inout Frame, _ r: Rect, _ text: String, _ style: Style) {
        guard r.y >= 1 else { return }
        f.fill(r, " ", style)
        let t = text.truncated(to: r.width - 2, ellipsis: glyphs.ellipsis)
        f.text(r.x + max(1, (r.width - t.count) / 2), r.y, t, style)
    }
}
