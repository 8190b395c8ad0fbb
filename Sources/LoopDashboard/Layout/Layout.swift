/// Where each panel goes for a terminal size: wide, standard, compact, or too small.
public struct Layout: Equatable, Sendable {
    public enum Kind: String, Sendable { case wide, standard, compact, tooSmall, presenter }

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var kind: Kind
    /// The status line (top row).
    public var status: Rect
    /// The hint bar (bottom row).
    public var hints: Rect
    /// The panels shown, in drawing order, with their rectangles.
    public var panels: [Placed]
    /// The compact layout's tab strip.
    public var tabs: Rect?
    /// Presenter mode's headline numbers in big digits.
    public var headline: Rect? = nil
    /// A demo script's caption.
    public var banner: Rect? = nil

    /// A panel and where it goes.
    public struct Placed: Equatable, Sendable {
        public var panel: Panel
        public var rect: Rect
    }

    public func rect(of p: Panel) -> Rect? { panels.first { $0.panel == p }?.rect }

    /// The kind of layout a size gets.
    public static func kind(width: Int, height: Int) -> Kind {
        if width < minimumWidth || height < minimumHeight { return .tooSmall }
        if width >= 160 && height >= 48 { return .wide }
        if width >= 120 && height >= 36 { return .standard }
        return .compact
    }

    /// The layout for a `width`×`height` terminal and the model's focus and tab state.
    public static func make(width: Int, height: Int, model: Model) -> Layout {
        let kind = kind(width: width, height: height)
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        guard kind != .tooSmall else { return Layout(kind: kind, status: empty, hints: empty, panels: [], tabs: nil) }
        if let presenting = PresenterLayout.make(width: width, height: height, model: model) { return presenting }
        let status = Rect(x: 0, y: 0, width: width, height: 1)
        let hints = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if model.maximized {
            return Layout(kind: kind, status: status, hints: hints, panels: [Placed(panel: model.focus, rect: body)],
                          tabs: nil)
        }
        let panels: [Placed]
        var tabs: Rect?
        switch kind {
        case .wide where model.loop != nil, .standard where model.loop != nil:
            panels = loopPanels(body, model: model, wide: kind == .wide)
        case .wide:
            // Graph above runway; the risk panels in a middle column; the levers on the right.
            let leverWidth = 44 + max(0, (width - 160) / 4)
            let riskWidth = 42 + max(0, (width - 160) / 4)
            let (left, rest) = body.splitLeft(width - leverWidth - riskWidth)
            let (middle, right) = rest.splitLeft(riskWidth)
            let (graph, runway) = left.splitTop(left.height * 11 / 20)
            let (conc, below) = middle.splitTop(14)
            let (stall, facts) = below.splitTop(10)
            panels = [.init(panel: .graph, rect: graph), .init(panel: .runway, rect: runway),
                      .init(panel: .concentration, rect: conc), .init(panel: .stall, rect: stall),
                      .init(panel: .factcheck, rect: facts), .init(panel: .levers, rect: right)]
        case .standard:
            // Graph above runway on the left; levers above the shared risk slot on the right.
            let (left, right) = body.splitLeft(width - 44)
            let (graph, runway) = left.splitTop(left.height * 11 / 20)
            let (levers, risk) = right.splitTop(right.height * 3 / 5)
            panels = [.init(panel: .graph, rect: graph), .init(panel: .runway, rect: runway),
                      .init(panel: .levers, rect: levers), .init(panel: model.riskTab, rect: risk)]
        default:
            // A tab strip, the main view, and the slider strip always visible.
            let (strip, below) = body.splitTop(1)
            let (main, levers) = below.splitTop(below.height - 5)
            tabs = strip
            panels = [.init(panel: model.compactTab, rect: main), .init(panel: .levers, rect: levers)]
        }
        return Layout(kind: kind, status: status, hints: hints, panels: panels, tabs: tabs)
    }

    /// A loop's panels (no stall cost, no fact check): the graph as large as the runway's
    /// table leaves it on the left; on the right the levers above the round-trip ledger.
    static func loopPanels(_ body: Rect, model: Model, wide: Bool) -> [Placed] {
        let rightWidth = wide ? 44 + max(0, (body.width - 160) / 4) : 44
        let (left, right) = body.splitLeft(body.width - rightWidth)
        // The runway: its line and one row per entity, plus a chart when the screen is tall.
        let table = (model.loop?.insiders.count ?? 0) + 3
        let (graph, runway) = left.splitTop(left.height - (wide ? max(table, left.height * 9 / 20) : min(table, left.height / 2)))
        let (levers, ledger) = right.splitTop(min(right.height / 2, model.levers.count * LeversPanel.rowsPerLever + 3))
        return [.init(panel: .graph, rect: graph), .init(panel: .runway, rect: runway),
                .init(panel: .levers, rect: levers), .init(panel: .concentration, rect: ledger)]
    }
}
