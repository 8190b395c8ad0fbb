/// The layouts of presenter mode and of a demo script's caption: the status line, the
/// caption banner, the headline numbers in big digits, a reduced set of panels, the hint bar.
enum PresenterLayout {
    /// Rows of the headline at or above `tallHeight` terminal rows (five-row digits), and below.
    static let tallHeight = 32
    static let tallHeadline = 7
    static let shortHeadline = 5

    /// Nil when neither presenter mode nor a script changes the layout.
    static func make(width: Int, height: Int, model: Model) -> Layout? {
        let p = model.presentation
        guard p.changesLayout else { return nil }
        let bannerRows = p.player.map { CaptionBanner(player: $0).lines(width: width).count } ?? 0
        guard p.presenting else { return withBanner(bannerRows, width: width, height: height, model: model) }

        let full = Rect(x: 0, y: 0, width: width, height: height)
        let (status, rest) = full.splitTop(1)
        let (banner, belowBanner) = rest.splitTop(bannerRows)
        // A loop's headline is a sentence: as many rows as it wraps to (at most the short headline's).
        let loopRows = HeadlinePanel(model: model, caps: .plain).loopLines(width: width).map { min($0.count, shortHeadline) }
        let (headline, belowHeadline) = belowBanner.splitTop(loopRows ?? (height >= tallHeight ? tallHeadline : shortHeadline))
        let (body, hints) = belowHeadline.splitTop(belowHeadline.height - 1)
        var layout = Layout(kind: .presenter, status: status, hints: hints, panels: panels(body, model: model),
                            tabs: nil)
        layout.headline = headline
        layout.banner = bannerRows > 0 ? banner : nil
        return layout
    }

    /// The reduced set: the focused panel when maximised; else the focused panel (the
    /// funding graph when the runway has focus) beside the runway chart; on narrow screens
    /// the focused panel alone (the runway when the levers have focus).
    static func panels(_ body: Rect, model: Model) -> [Layout.Placed] {
        if model.maximized { return [.init(panel: model.focus, rect: body)] }
        guard body.width >= 120 else {
            return [.init(panel: model.focus == .levers ? .runway : model.focus, rect: body)]
        }
        let (left, right) = body.splitLeft(body.width * 11 / 20)
        return [.init(panel: model.focus == .runway ? .graph : model.focus, rect: left), .init(panel: .runway, rect: right)]
    }

    /// The ordinary layout moved down to make room for the caption banner under the
    /// status line; nil (no banner) when the rest would fall below the minimum size.
    static func withBanner(_ rows: Int, width: Int, height: Int, model: Model) -> Layout? {
        guard rows > 0, height - rows >= Layout.minimumHeight else { return nil }
        var plain = model
        plain.presentation = Presentation()
        var layout = Layout.make(width: width, height: height - rows, model: plain)
        let down = { (r: Rect) in Rect(x: r.x, y: r.y + rows, width: r.width, height: r.height) }
        layout.hints = down(layout.hints)
        layout.tabs = layout.tabs.map(down)
        layout.panels = layout.panels.map { .init(panel: $0.panel, rect: down($0.rect)) }
        layout.banner = Rect(x: 0, y: 1, width: width, height: rows)
        return layout
    }
}
