import LoopSim

/// Where the funding graph puts each entity, each deal's path and each label, for any
/// 2 to 12 entities in a panel of any size; nil when the panel is too small for boxes.
///
/// Placement by role (money reads left to right, hardware comes from above, capital
/// from below):
/// - Three columns: buyers of compute (AI labs, other customers) on the left, cloud
///   operators in the centre, storage on the right.
/// - Three bands. Top: vendors (centre, else right, else left) and hyperscalers (left,
///   else right, else centre). Middle: the buyers → operators → storage chain. Bottom:
///   lenders (centre, else right, else left) and investors (left, else right, else
///   centre). In the top and bottom bands each entity takes the least filled of its
///   columns, earlier preferences winning ties.
/// - Entities that share a band and a column stack downwards in the order given. When
///   the stacks are too tall for the panel, the column with the tallest stack splits into
///   side-by-side sub-columns, while the boxes still fit across.
/// - Empty columns and bands close up. Boxes have 3 lines in the middle band and 2 above
///   and below, then 1 line, then 1-row gutters, as room runs short.
///
/// Edges run orthogonally in the space between boxes (`GraphRouter`); labels go beside
/// them where they cover nothing (`GraphLabels`).
public struct GraphLayout: Sendable, Equatable {
    /// One box per node of the spec, in the spec's order.
    public var boxes: [Rect]
    /// One path per edge of the spec, from the cell next to the source's border to the
    /// arrow next to the target's; empty for an edge that names an unknown node.
    public var routes: [[Point]]
    /// Each edge's texts where they were placed (a text with no room is left out), then
    /// the legend's lines (edge -1).
    public var labels: [PlacedText]
    /// The free area, bottom left, for the selected node's details.
    public var details: Rect?
    /// The cells any box, edge or label covers (relative to the panel).
    var occupancy: Occupancy

    /// A text at a place: what it says and which edge it belongs to.
    public struct PlacedText: Sendable, Equatable {
        public var x: Int, y: Int
        public var text: String
        public var edge: Int
        /// The amount (bold) or the kind of deal (dim).
        public var isAmount: Bool
    }

    static let maxBoxWidth = 24
    /// (top and bottom band lines, middle band lines, gutter rows), best first: roomier
    /// gutters first when many edges join boxes that are not neighbours.
    static func densities(longEdges: Int) -> [(Int, Int, Int)] {
        let roomy = min(6, 2 + longEdges / 2)
        return (roomy > 2 ? [(2, 3, roomy)] : []) + [(2, 3, 2), (1, 1, 2), (1, 1, 1)]
    }

    /// Edges between boxes that are not side by side or one above the other by role.
    static func longEdges(_ spec: GraphSpec, _ place: [(band: Int, column: Int)]) -> Int {
        spec.edges.filter { e in
            guard let a = spec.index(of: e.from), let b = spec.index(of: e.to) else { return false }
            let db = abs(place[a].band - place[b].band), dc = abs(place[a].column - place[b].column)
            return db + dc != 1
        }.count
    }

    /// Band (0 top, 1 middle, 2 bottom) and column (0 left, 1 centre, 2 right) of each node.
    public static func placement(_ kinds: [EntityKind]) -> [(band: Int, column: Int)] {
        var filled = [[Int]](repeating: [0, 0, 0], count: 3)
        return kinds.map { kind in
            let (band, prefs): (Int, [Int]) = switch kind {
            case .vendor: (0, [1, 2, 0])
            case .hyperscaler: (0, [0, 2, 1])
            case .aiLab, .other: (1, [0])
            case .cloudOperator: (1, [1])
            case .storage: (1, [2])
            case .lender: (2, [1, 2, 0])
            case .investor: (2, [0, 2, 1])
            }
            let column = prefs.min { filled[band][$0] < filled[band][$1] } ?? prefs[0]
            filled[band][column] += 1
            return (band, column)
        }
    }

    /// Box width and gap between columns for `columns` columns across `width` cells.
    static func widths(columns: Int, width: Int) -> (box: Int, gap: Int)? {
        guard columns > 1 else { return width >= 12 ? (min(maxBoxWidth, width), 0) : nil }
        var box = min(maxBoxWidth, (width - 12 * (columns - 1)) / columns)
        if box < 14 { box = min(14, (width - 8 * (columns - 1)) / columns) }
        guard box >= 12 else { return nil }
        return (box, (width - columns * box) / (columns - 1))
    }

    /// Lays `spec` out in `r`; nil when not every box fits or an edge finds no path.
    /// The details take the free area at the bottom left, as many rows as `detailRows`
    /// asks for at its width; `legend` lists ways to write the legend, preferred first;
    /// the one that sits lowest at the bottom right is placed.
    public static func make(_ spec: GraphSpec, in r: Rect, legend: [[String]] = [],
                            detailRows: (Int) -> Int = { _ in 0 }) -> GraphLayout?
    {
        make(spec, from: routed(spec, in: r), legend: legend, detailRows: detailRows)
    }

    /// The boxes and the edges' paths in a panel: the costly part of a layout, which depends
    /// only on the graph's `Shape`, never on its texts.
    public struct Routed: Sendable, Equatable {
        var bounds: Rect
        var boxes: [Rect]
        var routes: [[Point]]
        var occupancy: Occupancy
    }

    /// What `routed` depends on: the panel, each node's id, kind and number of lines, and
    /// which nodes each edge joins.
    struct Shape: Sendable, Equatable {
        var bounds: Rect
        var nodes: [String]
        var kinds: [EntityKind]
        var lines: [Int]
        var edges: [String]

        init(_ spec: GraphSpec, in r: Rect) {
            bounds = r
            nodes = spec.nodes.map(\.id); kinds = spec.nodes.map(\.kind); lines = spec.nodes.map(\.lines.count)
            edges = spec.edges.map { $0.from + "\u{0}" + $0.to }
        }
    }

    /// The boxes placed and every edge routed; nil when the boxes or a path do not fit.
    static func routed(_ spec: GraphSpec, in r: Rect) -> Routed? {
        guard let boxes = boxes(spec, in: r) else { return nil }
        var occ = Occupancy(r)
        for b in boxes { occ.mark(b, .box) }
        var router = GraphRouter(occupancy: occ, bounds: r)
        var routes: [[Point]] = []
        for e in spec.edges {
            guard let s = spec.index(of: e.from), let t = spec.index(of: e.to), s != t else { routes.append([]); continue }
            guard let path = router.route(from: boxes[s], to: boxes[t], boxes: boxes) else { return nil }
            routes.append(path)
        }
        return Routed(bounds: r, boxes: boxes, routes: routes, occupancy: router.occupancy)
    }

    /// The layout of `spec` on boxes and paths already routed for its shape: the labels,
    /// the details' area and the legend.
    static func make(_ spec: GraphSpec, from routed: Routed?, legend: [[String]], detailRows: (Int) -> Int) -> GraphLayout? {
        guard let routed else { return nil }
        let r = routed.bounds, boxes = routed.boxes, routes = routed.routes
        var labels = GraphLabels(occupancy: routed.occupancy, bounds: r)
        var placed = labels.place(spec, routes: routes)
        var details = labels.occupancy.freeRect(bottomLeftOf: r, minWidth: 24, minHeight: 3)
        if let d = details {
            // Only the rows the details use (and a blank one above them) are kept from the legend.
            let used = Rect(x: d.x, y: d.y, width: d.width, height: min(d.height, detailRows(d.width) + 1))
            labels.occupancy.mark(used, .label)
            details = used
        }
        placed += labels.placeBlock(legend)
        return GraphLayout(boxes: boxes, routes: routes, labels: placed, details: details, occupancy: labels.occupancy)
    }

    /// The boxes alone: placement by role, then the densest arrangement that fits.
    static func boxes(_ spec: GraphSpec, in r: Rect) -> [Rect]? {
        let n = spec.nodes.count
        guard n > 0 else { return [] }
        let place = placement(spec.nodes.map(\.kind))
        // Each node's position inside its cell, in spec order.
        var cellCount = [[Int]](repeating: [0, 0, 0], count: 3)
        var slot = [Int](repeating: 0, count: n)
        for (i, p) in place.enumerated() {
            slot[i] = cellCount[p.band][p.column]
            cellCount[p.band][p.column] += 1
        }
        let usedColumns = (0..<3).filter { c in (0..<3).contains { cellCount[$0][c] > 0 } }
        let usedBands = (0..<3).filter { b in cellCount[b].contains { $0 > 0 } }
        var split = [1, 1, 1]
        while true {
            let columns = usedColumns.reduce(0) { $0 + split[$1] }
            guard let w = widths(columns: columns, width: r.width) else { return nil }
            let bw = w.box, gap = w.gap
            let stack = { (b: Int, c: Int) in (cellCount[b][c] + split[c] - 1) / split[c] }
            let bandRows = usedBands.map { b in usedColumns.map { stack(b, $0) }.max() ?? 0 }
            for (outer, middle, gutter) in densities(longEdges: longEdges(spec, place)) {
                // Each row's inner lines: the band's density, no more than its nodes have.
                var rowLines: [Int] = []
                for (bi, b) in usedBands.enumerated() {
                    for row in 0..<bandRows[bi] {
                        let most = (0..<n).filter { place[$0].band == b && slot[$0] / split[place[$0].column] == row }
                            .map { spec.nodes[$0].lines.count }.max() ?? 1
                        rowLines.append(max(1, min(b == 1 ? middle : outer, most)))
                    }
                }
                let height = rowLines.reduce(0) { $0 + $1 + 2 } + gutter * (rowLines.count - 1)
                guard height <= r.height else { continue }
                let top = r.y + max(0, (r.height - height - 6) / 2)
                var rowY: [Int] = [], y = top
                for lines in rowLines { rowY.append(y); y += lines + 2 + gutter }
                var columnX: [Int: Int] = [:], x = columns == 1 ? r.x + (r.width - bw) / 2 : r.x
                for c in usedColumns { columnX[c] = x; x += split[c] * (bw + gap) }
                var bandStart: [Int: Int] = [:], row = 0
                for (bi, b) in usedBands.enumerated() { bandStart[b] = row; row += bandRows[bi] }
                return (0..<n).map { i in
                    let p = place[i], k = split[p.column]
                    let row = bandStart[p.band]! + slot[i] / k
                    return Rect(x: columnX[p.column]! + (slot[i] % k) * (bw + gap), y: rowY[row],
                                width: bw, height: rowLines[row] + 2)
                }
            }
            // Too tall: split the column with the tallest stack, if any stack has two.
            guard let c = usedColumns.max(by: { a, b in
                usedBands.map { stack($0, a) }.max()! < usedBands.map { stack($0, b) }.max()!
            }), usedBands.map({ stack($0, c) }).max()! > 1 else { return nil }
            split[c] += 1
        }
    }
}
