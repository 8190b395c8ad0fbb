import LoopSim

/// What lies under a cell of the screen, for the mouse: found from the same layout and
/// panel geometry that `view` draws with.
public enum MouseTarget: Equatable, Sendable {
    /// A tab of the compact layout's strip.
    case tab(Panel)
    /// A panel, anywhere without a target of its own (its border, title, chart…).
    case panel(Panel)
    /// A lever's label row (`value` nil) or a cell of its bar (`value`: the value there,
    /// snapped to the lever's step).
    case lever(index: Int, value: Double?)
    /// A node's box in the funding graph.
    case node(Node)
}

/// The mouse's hit test: pure, from the model, the screen's size and a cell.
public enum MouseHit {
    /// The target at cell (`x`, `y`) of a `width`×`height` screen; nil where a click does
    /// nothing (status line, hint bar, blank screen, outside the screen).
    public static func target(_ model: Model, width: Int, height: Int, x: Int, y: Int) -> MouseTarget? {
        let layout = Layout.make(width: width, height: height, model: model)
        let at = Point(x: x, y: y)
        if let strip = layout.tabs, strip.holds(at) {
            var left = strip.x + 1
            for (p, label) in tabLabels(model) {
                let w = label.unicodeScalars.count
                if x >= left && x < left + w { return .tab(p) }
                left += w + 1
            }
            return nil
        }
        // Later panels are drawn over earlier ones: look from the top down.
        guard let placed = layout.panels.last(where: { $0.rect.holds(at) }) else { return nil }
        let inner = placed.rect.inset(1)
        guard inner.holds(at) else { return .panel(placed.panel) }
        switch placed.panel {
        case .levers:
            let strip = layout.kind == .compact && !model.maximized
            return lever(model, inner: inner, strip: strip, at: at) ?? .panel(.levers)
        case .graph:
            return node(model, inner: inner, at: at) ?? .panel(.graph)
        default:
            return .panel(placed.panel)
        }
    }

    /// The value of lever `index` at column `x`, as dragging along its bar sets it (the
    /// pointer may leave the bar's row while the button is held); nil when the lever is
    /// not on screen.
    public static func dragValue(_ model: Model, index: Int, width: Int, height: Int, x: Int) -> Double? {
        let layout = Layout.make(width: width, height: height, model: model)
        guard let rect = layout.rect(of: .levers) else { return nil }
        let inner = rect.inset(1)
        let strip = layout.kind == .compact && !model.maximized
        guard leverRows(model, inner: inner, strip: strip).contains(where: { $0.index == index }) else { return nil }
        let bar = LeversPanel.bar(of: model.levers[index], x: inner.x, width: inner.width)
        let p = model.levers[index]
        return value(of: p, default: model.scenario.parameters[p.id], bar: bar, x: min(max(x, bar.x), bar.x + bar.width - 1))
    }

    /// The levers drawn in the levers panel's inner rectangle: the strip shows the selected one.
    static func leverRows(_ model: Model, inner: Rect, strip: Bool) -> [(index: Int, y: Int)] {
        strip ? [(min(max(0, model.selectedLever), model.levers.count - 1), inner.y)] : LeversPanel.rows(model, in: inner).levers
    }

    private static func lever(_ model: Model, inner: Rect, strip: Bool, at: Point) -> MouseTarget? {
        guard inner.width >= 20, inner.height >= 2 else { return nil }
        for (i, y) in leverRows(model, inner: inner, strip: strip) where at.y == y || at.y == y + 1 {
            guard at.y == y + 1 else { return .lever(index: i, value: nil) }
            let bar = LeversPanel.bar(of: model.levers[i], x: inner.x, width: inner.width)
            guard at.x >= bar.x, at.x < bar.x + bar.width else { return .lever(index: i, value: nil) }
            let p = model.levers[i]
            return .lever(index: i, value: value(of: p, default: model.scenario.parameters[p.id], bar: bar, x: at.x))
        }
        return nil
    }

    /// The value a click on column `x` of a bar means: the ends are the range's ends; the
    /// target's mark or the default's, when the cell shows one; else the middle of the span
    /// the cell covers, snapped to the lever's step.
    static func value(of p: Parameter, default base: Double, bar: (x: Int, width: Int), x: Int) -> Double {
        let i = x - bar.x
        let slider = Slider(value: base, min: p.min, max: p.max)
        for mark in [p.target, base].compactMap({ $0 }) where slider.column(of: mark, width: bar.width) == i {
            return p.clamp(mark)
        }
        let fraction = i <= 0 ? 0 : i >= bar.width - 1 ? 1 : (Double(i) + 0.5) / Double(bar.width)
        return p.stepped(p.min + fraction * (p.max - p.min), by: 0)
    }

    private static func node(_ model: Model, inner: Rect, at: Point) -> MouseTarget? {
        let graph = FundingGraph(model: model, glyphs: Glyphs.of(.block), focused: true)
        guard let layout = graph.layout(in: inner) else { return nil }
        for (i, box) in layout.boxes.enumerated() where box.holds(at) {
            return Node(rawValue: graph.spec.nodes[i].id).map(MouseTarget.node)
        }
        return nil
    }
}

extension Rect {
    /// Whether the cell `p` lies inside.
    func holds(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }
}
