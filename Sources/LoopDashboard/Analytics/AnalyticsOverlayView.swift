/// Draws the open analytics overlay, if any, centred over the dashboard.
public struct AnalyticsOverlayView: Sendable {
    public var model: Model
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) { self.model = model; self.glyphs = glyphs }

    public func draw(into f: inout Frame, _ screen: Rect) {
        switch model.analytics.overlay {
        case .tornado?: TornadoOverlay(model: model, glyphs: glyphs).draw(into: &f, screen)
        case .picker?: ComparePicker(model: model, glyphs: glyphs).draw(into: &f, screen)
        case .comparison?: ComparisonOverlay(model: model, glyphs: glyphs).draw(into: &f, screen)
        case nil: break
        }
    }

    /// A box of at most `width`×`height` centred in `screen` below the status line,
    /// cleared, with its title and badge; returns the inner area (nil when it cannot fit).
    static func box(_ f: inout Frame, _ screen: Rect, width: Int, height: Int, title: String, badge: String,
                    glyphs: Glyphs) -> Rect?
    {
        let w = min(screen.width - 2, width), h = min(screen.height - 2, height)
        guard w >= 30, h >= 3 else { return nil }
        let r = Rect(x: screen.x + (screen.width - w) / 2, y: screen.y + max(1, (screen.height - h) / 2),
                     width: w, height: h)
        f.fill(r, " ", Style(.overlay))
        return Box(title: title, focused: true, badge: badge).draw(into: &f, r, glyphs: glyphs)
    }
}
