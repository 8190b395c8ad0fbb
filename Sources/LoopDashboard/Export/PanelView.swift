/// One panel on its own at a chosen size, for a slide (`snapshot --panel NAME`): its box
/// and title over the whole frame, drawn by the same code as the dashboard's panel.
public func panelView(_ panel: Panel, model: Model, width: Int, height: Int, caps: Capabilities) -> Frame {
    var f = Frame(width: width, height: height)
    let inner = Box(title: model.title(of: panel)).draw(into: &f, f.bounds, glyphs: Glyphs.of(caps.glyphs))
    drawPanel(panel, into: &f, inner, model: model, caps: caps, focused: false)
    return f
}

extension Panel {
    /// The panel a name on the command line means: its raw name (`runway`, `factcheck`) or
    /// its tab title (`payers`, `facts`), any case; `roundtrip` is a loop's concentration slot.
    public init?(name: String) {
        let s = name.lowercased()
        if s == "roundtrip" || s == "round-trip" {
            self = .concentration
            return
        }
        guard let p = Panel.allCases.first(where: { $0.rawValue == s || $0.tabTitle.lowercased() == s }) else {
            return nil
        }
        self = p
    }
}
