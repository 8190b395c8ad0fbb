import LoopConfig
import LoopSim

/// The `c` overlay while choosing: the scenarios found, the selected one marked.
public struct ComparePicker: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) { self.model = model; self.glyphs = glyphs }

    /// "↑↓ Enter · Esc closes", with the picker's keys as bound.
    static func badge(_ keys: KeyMap) -> String {
        keys.key(for: .moveUp, in: .picker) + keys.key(for: .moveDown, in: .picker) + " "
            + keys.key(for: .choose, in: .picker) + " · \(keys.key(for: .closeOverlay, in: .picker)) closes"
    }

    public func draw(into f: inout Frame, _ screen: Rect) {
        let list = model.analytics.scenarios
        let rows = max(1, list?.count ?? 1)
        guard let inner = AnalyticsOverlayView.box(&f, screen, width: 90, height: rows + 2,
                                                   title: model.loop == nil ? "Compare the what-if with…" : "Open…",
                                                   badge: Self.badge(model.keys), glyphs: glyphs) else { return }
        guard let list else {
            f.text(inner.x + 1, inner.y, "reading scenarios…", Style(.dim))
            return
        }
        let nameWidth = min(24, (list.map(\.name.count).max() ?? 8) + 1)
        let visible = max(1, inner.height)
        let first = max(0, min(model.analytics.pickerIndex - visible + 1, list.count - visible))
        for (i, e) in list.enumerated().dropFirst(first).prefix(visible) {
            let y = inner.y + i - first
            let selected = i == model.analytics.pickerIndex
            let style = selected ? Style(.selection, [.bold, .reverse]) : Style(.overlay)
            if selected { f.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), " ", style) }
            f.put(inner.x, y, selected ? glyphs.arrowRight : " ", style)
            let current = e.name == model.scenarioName ? " (this one)"
                : e.isLoop || model.loop != nil ? " (\(e.isLoop ? "loop file" : "scenario"): Enter opens it)" : ""
            f.text(inner.x + 2, y, e.name.padded(to: nameWidth), style)
            f.text(inner.x + 2 + nameWidth + 1, y,
                   (e.title + current).truncated(to: max(0, inner.width - nameWidth - 4), ellipsis: glyphs.ellipsis),
                   selected ? style : Style(.dim))
        }
    }
}

/// The `c` overlay once chosen: each metric for the other scenario and for this what-if,
/// and the difference (this − other).
public struct ComparisonOverlay: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) { self.model = model; self.glyphs = glyphs }

    public func draw(into f: inout Frame, _ screen: Rect) {
        guard let c = model.comparison else { return }
        guard let inner = AnalyticsOverlayView.box(&f, screen, width: 84, height: c.rows.count + 4,
                                                   title: "Compare: this what-if vs \(c.baselineName)",
                                                   badge: "\(model.keys.key(for: .compare, in: .comparison)) another · "
                                                       + "\(model.keys.key(for: .closeOverlay, in: .comparison)) closes",
                                                   glyphs: glyphs) else { return }
        let valueWidth = 12
        let labelWidth = max(10, min(40, inner.width - 2 - 3 * (valueWidth + 1)))
        let head = [c.baselineName, "this what-if", "difference"]
        var x = inner.x + 1 + labelWidth
        for h in head {
            f.text(x + 1, inner.y, h.truncated(to: valueWidth, ellipsis: glyphs.ellipsis).padded(to: valueWidth, right: true),
                   Style(.title, .bold))
            x += valueWidth + 1
        }
        f.text(inner.x + 1, inner.y, "over \(c.horizon) months".padded(to: labelWidth), Style(.dim))
        let name = { (n: Node?) in n?.label ?? "nobody" }
        let lines = [("First to need money", name(c.baselineFirstToNeed), name(c.whatIfFirstToNeed), ""),
                     ("First out if markets close", name(c.baselineFirstOutIfClosed), name(c.whatIfFirstOutIfClosed), "")]
            + c.rows.map { r in
                (r.label, c.format(r.baseline, r.quantity), c.format(r.whatIf, r.quantity), c.formatDifference(r))
            } + [("First to run out with financing", name(c.baselineFirstOut), name(c.whatIfFirstOut), "")]
        for (i, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            let y = inner.y + 1 + i
            f.text(inner.x + 1, y, line.0.truncated(to: labelWidth, ellipsis: glyphs.ellipsis), Style(.overlay))
            var cx = inner.x + 1 + labelWidth
            for (k, cell) in [line.1, line.2, line.3].enumerated() {
                let style = k == 2 && cell != "0" && cell != "—" ? Style(.text, .bold) : Style(.overlay)
                f.text(cx + 1, y, cell.padded(to: valueWidth, right: true), style)
                cx += valueWidth + 1
            }
        }
    }
}
