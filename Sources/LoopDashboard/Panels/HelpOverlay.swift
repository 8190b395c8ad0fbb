/// The `?` overlay: every binding of the key table with its long description.
public struct HelpOverlay: Sendable {
    public var glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func draw(into f: inout Frame, _ screen: Rect) {
        let rows = KeyTable.bindings
        let keyWidth = min(24, rows.map { $0.keyLabel.count }.max() ?? 10)
        let width = min(screen.width - 4, keyWidth + 3 + (rows.map { $0.long.count }.max() ?? 20) + 4)
        let height = min(screen.height - 2, rows.count + 4)
        guard width > 20, height > 4 else { return }
        let r = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                     width: width, height: height)
        f.fill(r, " ", Style(.overlay))
        let inner = Box(title: "Keys", focused: true, badge: "Esc or ? closes").draw(into: &f, r, glyphs: glyphs)
        for (i, b) in rows.prefix(inner.height - 1).enumerated() {
            let y = inner.y + 1 + i
            let key = b.keyLabel.truncated(to: keyWidth, ellipsis: glyphs.ellipsis)
            f.text(inner.x + 1, y, key, Style(.keyHint, .bold))
            f.text(inner.x + keyWidth + 3, y, b.long.truncated(to: inner.width - keyWidth - 4, ellipsis: glyphs.ellipsis),
                   Style(.overlay))
        }
    }
}
