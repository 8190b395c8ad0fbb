import LoopSim

/// Draws the whole screen for a model at a size: pure, testable as text.
public func view(_ model: Model, width: Int, height: Int, caps: Capabilities) -> Frame {
    var f = Frame(width: width, height: height)
    let glyphs = Glyphs.of(caps.glyphs)
    let layout = Layout.make(width: width, height: height, model: model)
    guard layout.kind != .tooSmall else {
        drawTooSmall(&f, width: width, height: height)
        return f
    }
    StatusBar(model: model).draw(into: &f, layout.status)
    if let r = layout.headline { HeadlinePanel(model: model, caps: caps).draw(into: &f, r) }
    if let r = layout.banner, let p = model.presentation.player { CaptionBanner(player: p).draw(into: &f, r, glyphs: glyphs) }
    if let tabs = layout.tabs { drawTabs(&f, tabs, model: model) }
    for placed in layout.panels {
        let panel = placed.panel, rect = placed.rect
        let focused = model.focus == panel
        let badge = layout.kind == .compact && panel == .levers ? "" : (model.maximized ? "e restore" : "e max")
        let title = layout.kind == .compact && panel == .levers && !model.maximized ? "Lever" : model.title(of: panel)
        let inner = Box(title: title, focused: focused, badge: badge).draw(into: &f, rect, glyphs: glyphs)
        drawPanel(panel, into: &f, inner, model: model, caps: caps, focused: focused,
                  strip: layout.kind == .compact && !model.maximized)
    }
    AnalyticsOverlayView(model: model, glyphs: glyphs).draw(into: &f, f.bounds)
    if model.showHelp { HelpOverlay(model: model, glyphs: glyphs).draw(into: &f, f.bounds) }
    BottomLines(model: model, glyphs: glyphs).draw(into: &f, hints: layout.hints)
    if let numbers = model.served?.numbers { ServedSession.drawNumbers(numbers, into: &f) }
    return f
}

/// The contents of one panel inside its box; `strip` draws the levers as the compact
/// layout's one-line strip.
func drawPanel(_ panel: Panel, into f: inout Frame, _ inner: Rect, model: Model, caps: Capabilities,
               focused: Bool, strip: Bool = false)
{
    let glyphs = Glyphs.of(caps.glyphs)
    switch panel {
    case .graph:
        FundingGraph(model: model, glyphs: glyphs, focused: focused).draw(into: &f, inner)
    case .levers:
        let lp = LeversPanel(model: model, glyphs: glyphs, focused: focused)
        if strip { lp.drawStrip(into: &f, inner) } else { lp.draw(into: &f, inner) }
    case .runway where model.loop != nil:
        LoopRunwayPanel(session: model.loop!, model: model, caps: caps).draw(into: &f, inner)
    case .runway:
        RunwayPanel(model: model, caps: caps).draw(into: &f, inner)
    case .concentration where model.loop != nil:
        RoundTripPanel(session: model.loop!, month: model.month, glyphs: glyphs).draw(into: &f, inner)
    case .concentration:
        ConcentrationPanel(model: model, glyphs: glyphs).draw(into: &f, inner)
    case .stall:
        StallPanel(model: model, glyphs: glyphs).draw(into: &f, inner)
    case .factcheck:
        FactCheckPanel(model: model, glyphs: glyphs).draw(into: &f, inner)
    }
}

/// The compact layout's tab strip: the panels the main area can show.
private func drawTabs(_ f: inout Frame, _ r: Rect, model: Model) {
    var x = r.x + 1
    for (p, label) in tabLabels(model) {
        let active = model.compactTab == p
        x = f.text(x, r.y, label, Style(active ? .titleFocused : .dim, active ? [.bold, .reverse] : [])) + 1
    }
    let hint = "\(model.keys.key(for: .focusNext)) switches"
    if x + hint.count + 2 < r.maxX { f.text(x + 1, r.y, hint, Style(.dim)) }
}

/// The tabs of the strip in order, each with its label as drawn (the active one bracketed).
func tabLabels(_ model: Model) -> [(panel: Panel, label: String)] {
    model.panels.filter { $0 != .levers }.map { p in
        (p, model.compactTab == p ? "[\(model.tabTitle(of: p))]" : " \(model.tabTitle(of: p)) ")
    }
}

/// Below the minimum size: a centred message, never a garbled dashboard.
private func drawTooSmall(_ f: inout Frame, width: Int, height: Int) {
    let lines = ["terminal too small", "need \(Layout.minimumWidth)×\(Layout.minimumHeight), have \(width)×\(height)"]
    for (i, l) in lines.enumerated() {
        let t = l.truncated(to: width)
        f.text(max(0, (width - t.count) / 2), max(0, height / 2 - 1) + i, t, Style(.warn, .bold))
    }
}
