/// The `?` overlay: every binding of the key map with its long description; `/` filters.
public struct HelpOverlay: Sendable {
    public var keys: KeyMap
    public var query: String
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) {
        keys = model.keys
        query = model.helpQuery
        self.glyphs = glyphs
    }

    /// The bindings whose keys or descriptions contain the query (all when it is empty).
    public var rows: [KeyBinding] {
        let q = query.lowercased()
        guard !q.isEmpty else { return keys.bindings }
        return keys.bindings.filter {
            $0.long.lowercased().contains(q) || $0.keyLabel.lowercased().contains(q) || $0.action.rawValue.lowercased().contains(q)
        }
    }

    public func draw(into f: inout Frame, _ screen: Rect) {
        let rows = self.rows
        let all = keys.bindings
        let keyWidth = min(24, all.map { $0.keyLabel.count }.max() ?? 10)
        let width = min(screen.width - 4, keyWidth + 3 + (all.map { $0.long.count }.max() ?? 20) + 4)
        let height = min(screen.height - 3, all.count + 4)
        guard width > 20, height > 4 else { return }
        let r = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + max(1, (screen.height - height) / 2),
                     width: width, height: height)
        f.fill(r, " ", Style(.overlay))
        let badge = query.isEmpty
            ? "\(keys.label(.searchHelp, in: .help)) search · \(keys.label(.closeHelp, in: .help)) closes"
            : "/\(query) · \(rows.count) of \(all.count)"
        let inner = Box(title: "Keys", focused: true, badge: badge).draw(into: &f, r, glyphs: glyphs)
        if rows.isEmpty {
            f.text(inner.x + 1, inner.y + 1, "no key matches '\(query)'", Style(.dim))
        }
        for (i, b) in rows.prefix(inner.height - 1).enumerated() {
            let y = inner.y + 1 + i
            let key = b.keyLabel.truncated(to: keyWidth, ellipsis: glyphs.ellipsis)
            f.text(inner.x + 1, y, key, Style(.keyHint, .bold))
            f.text(inner.x + keyWidth + 3, y, b.long.truncated(to: inner.width - keyWidth - 4, ellipsis: glyphs.ellipsis),
                   Style(.overlay))
        }
    }
}
