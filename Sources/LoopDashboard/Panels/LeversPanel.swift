import LoopSim

/// The levers: GPU utilization first (75% → the article's 90% target marked), then every
/// lever of the registry, each with value, default mark, range and source badge.
public struct LeversPanel: Sendable {
    public var model: Model
    public var glyphs: Glyphs
    public var focused: Bool

    public init(model: Model, glyphs: Glyphs, focused: Bool) {
        self.model = model; self.glyphs = glyphs; self.focused = focused
    }

    /// Rows each lever takes: a label line and a bar line.
    static let rowsPerLever = 2

    /// "what-if: GPU utilization 90% · Demand delay 12 mo", or nil when nothing differs.
    public static func whatIfLine(_ model: Model) -> String? {
        let changed = model.changedLevers
        guard !changed.isEmpty else { return nil }
        let parts = changed.compactMap { id in
            model.levers.first { $0.id == id }.map { "\($0.label) \(Format.parameterValue(model.value(id), unit: $0.unit))" }
        }
        return "what-if: " + parts.joined(separator: " · ")
    }

    /// Where the levers go in the panel's inner rectangle: the rectangle they share (above the
    /// what-if line), and each visible lever's index with its label row. Drawing and the
    /// mouse's hit test both use it.
    public static func rows(_ model: Model, in full: Rect) -> (area: Rect, levers: [(index: Int, y: Int)]) {
        guard full.width >= 20, full.height >= 2 else { return (full, []) }
        var r = full
        if whatIfLine(model) != nil, full.height >= 4 {
            r = Rect(x: full.x, y: full.y, width: full.width, height: full.height - 1)
        }
        let count = model.levers.count
        let visible = max(1, r.height / rowsPerLever)
        // Keep the selection in view.
        let first = max(0, min(count - visible, model.selectedLever - visible / 2))
        return (r, (first..<min(count, first + visible)).enumerated().map { ($0.element, r.y + $0.offset * rowsPerLever) })
    }

    /// The columns of a lever's bar, on the row below its label, when the lever is drawn
    /// from `x`, `width` cells wide: after the range's low end, before its high end.
    public static func bar(of p: Parameter, x: Int, width: Int) -> (x: Int, width: Int) {
        let lo = Format.parameterValue(p.min, unit: p.unit), hi = Format.parameterValue(p.max, unit: p.unit)
        let barWidth = width - lo.count - hi.count - 4
        return barWidth >= 6 ? (x + lo.count + 2, barWidth) : (x + 1, width - 1)
    }

    public func draw(into f: inout Frame, _ full: Rect) {
        guard full.width >= 20, full.height >= 2 else { return }
        let (r, rows) = Self.rows(model, in: full)
        if r != full, let line = Self.whatIfLine(model) {
            f.text(full.x, full.maxY - 1, line.truncated(to: full.width, ellipsis: glyphs.ellipsis), Style(.warn))
        }
        let levers = model.levers
        let visible = max(1, r.height / Self.rowsPerLever)
        let first = rows.first?.index ?? 0
        for (i, y) in rows {
            drawLever(&f, levers[i], value: model.value(levers[i].id), x: r.x, y: y,
                      width: r.width, selected: focused && i == model.selectedLever)
        }
        if r.height % 2 == 1 && levers.count > visible {
            let more = "\(first + 1)–\(min(levers.count, first + visible)) of \(levers.count) · ↑↓"
            f.text(r.x, r.maxY - 1, more.truncated(to: r.width), Style(.dim))
        }
    }

    /// The strip of the compact layout: the selected lever only (utilization by default).
    public func drawStrip(into f: inout Frame, _ r: Rect) {
        guard r.width >= 20, r.height >= 2 else { return }
        let p = model.currentLever
        drawLever(&f, p, value: model.value(p.id), x: r.x, y: r.y, width: r.width, selected: focused)
        if r.height >= 3 {
            if let line = Self.whatIfLine(model) {
                f.text(r.x, r.y + 2, line.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.warn))
            } else {
                let k = model.keys
                let hint = "lever \(model.selectedLever + 1)/\(model.levers.count) · "
                    + k.key(for: .moveUp) + k.key(for: .moveDown) + " choose · "
                    + k.key(for: .leverDown, in: .levers) + k.key(for: .leverUp, in: .levers) + " change · "
                    + k.key(for: .enterValue, in: .levers) + " type"
                f.text(r.x, r.y + 2, hint.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.dim))
            }
        }
    }

    func drawLever(_ f: inout Frame, _ p: Parameter, value: Double, x: Int, y: Int, width: Int, selected: Bool) {
        let fileValue = model.fileValue(p.id)
        let changed = abs(value - fileValue) > 1e-12
        let shown = Format.parameterValue(value, unit: p.unit)
        let badge = "[\(p.confidence.badge)]"
        let mark = changed ? "*" : " "
        let pointer = selected ? glyphs.arrowRight : " "
        var label = "\(pointer)\(mark)\(p.label)"
        let right = "\(shown) \(badge)"
        label = label.truncated(to: max(1, width - right.count - 1), ellipsis: glyphs.ellipsis)
        let style = Style(selected ? .selection : .text, selected ? .bold : [])
        f.text(x, y, label.padded(to: width - right.count), style)
        f.text(x + width - right.count, y, shown, Style(changed ? .warn : .text, .bold))
        f.text(x + width - badge.count, y, badge, Style(p.confidence == .article ? .good : .dim))
        // The bar, with the range ends printed beside it when there is room.
        let bar = Self.bar(of: p, x: x, width: width)
        if bar.x != x + 1 {
            f.text(x + 1, y + 1, Format.parameterValue(p.min, unit: p.unit), Style(.dim))
            let hi = Format.parameterValue(p.max, unit: p.unit)
            f.text(x + width - hi.count, y + 1, hi, Style(.dim))
        }
        Slider(value: value, min: p.min, max: p.max, defaultValue: fileValue,
               target: p.target, style: Style(.sliderFill))
            .draw(into: &f, x: bar.x, y: y + 1, width: bar.width, glyphs: glyphs)
    }
}
