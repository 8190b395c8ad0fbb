/// Where each panel goes for a terminal size: wide, standard, compact, or too small.
public struct Layout: Equatable, Sendable {
    public enum Kind: String, Sendable { case wide, standard, compact, tooSmall }

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var kind: Kind
    /// The status line (top row).
    public var status: Rect
    /// The hint bar (bottom row).
    public var hints: Rect
    /// The panels shown and their rectangles.
    public var panels: [(Panel, Rect)]
    /// The compact layout's tab strip.
    public var tabs: Rect?

    public static func == (a: Layout, b: Layout) -> Bool {
        a.kind == b.kind && a.status == b.status && a.hints == b.hints && a.tabs == b.tabs
            && a.panels.map(\.0) == b.panels.map(\.0) && a.panels.map(\.1) == b.panels.map(\.1)
    }

    public func rect(of p: Panel) -> Rect? { panels.first { $0.0 == p }?.1 }

    /// The layout for a `width`×`height` terminal and the model's focus and tab state.
    public static func make(width: Int, height: Int, model: Model) -> Layout {
        let full = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            return Layout(kind: .tooSmall, status: Rect(x: 0, y: 0, width: 0, height: 0),
                          hints: Rect(x: 0, y: 0, width: 0, height: 0), panels: [], tabs: nil)
        }
        let (status, rest) = full.splitTop(1)
        let body = Rect(x: 0, y: rest.y, width: width, height: rest.height - 1)
        let hints = Rect(x: 0, y: height - 1, width: width, height: 1)
        if model.maximized {
            return Layout(kind: kindFor(width, height), status: status, hints: hints,
                          panels: [(model.focus, body)], tabs: nil)
        }
        if width >= 120 && height >= 36 {
            // Graph above runway on the left; levers on the right.
            let leverWidth = width >= 160 ? 52 : 44
            let (left, right) = body.splitLeft(width - leverWidth)
            let (graph, runway) = left.splitTop(left.height * 11 / 20)
            return Layout(kind: kindFor(width, height), status: status, hints: hints,
                          panels: [(.graph, graph), (.levers, right), (.runway, runway)], tabs: nil)
        }
        // Compact: a tab strip, the main view, and the slider strip always visible.
        let (tabs, below) = body.splitTop(1)
        let stripHeight = 5
        let (main, strip) = below.splitTop(below.height - stripHeight)
        let tab: Panel = model.compactTab == .levers ? .graph : model.compactTab
        return Layout(kind: .compact, status: status, hints: hints,
                      panels: [(tab, main), (.levers, strip)], tabs: tabs)
    }

    static func kindFor(_ w: Int, _ h: Int) -> Kind {
        if w >= 160 && h >= 48 { return .wide }
        if w >= 120 && h >= 36 { return .standard }
        return .compact
    }
}
