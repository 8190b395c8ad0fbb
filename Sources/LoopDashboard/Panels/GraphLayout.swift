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
/// Edges run orthogonally in the space between boxes (`GraphRouter`), near pairs first;
/// labels go beside them where they cover nothing, the largest flows first (`GraphLabels`).
/// Readable or not at all: no path may run along another, so when they cannot all be
/// routed apart the edges of entities outside the loop fold into the details, then their
/// boxes give way to a line at the top, and at last the list is drawn (`routed`).
public struct GraphLayout: Sendable, Equatable {
    /// One box per node of the spec, in the spec's order; empty (width 0) for an entity
    /// outside the loop listed at the top instead (`routed`).
    public var boxes: [Rect]
    /// One path per edge of the spec, from the cell next to the source's border to the
    /// arrow next to the target's; empty for an edge that names an unknown node, and for
    /// one folded into the details (an entity outside the loop, `routed`).
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
    /// gutters first when many edges join boxes that are not neighbours, then narrower ones.
    static func densities(longEdges: Int) -> [(Int, Int, Int)] {
        let roomy = min(6, 2 + longEdges / 2)
        return stride(from: roomy, through: 2, by: -1).map { (2, 3, $0) } + [(1, 1, 2), (1, 1, 1)]
    }

    /// Edges between boxes that are not side by side or one above the other by role.
    static func longEdges(_ spec: GraphSpec, _ place: [(band: Int, column: Int)]) -> Int {
        let folded = spec.folded()
        return spec.edges.indices.filter { !folded[$0] }.map { spec.edges[$0] }.filter { e in
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
        /// The entities outside the loop listed at the top instead of drawn as boxes.
        var outside: [Int] = []
    }

    /// What `routed` depends on: the panel, each node's id, kind and number of lines, and
    /// which nodes each edge joins, and which nodes are outside the loop.
    struct Shape: Sendable, Equatable {
        var bounds: Rect
        var nodes: [String]
        var kinds: [EntityKind]
        var lines: [Int]
        var edges: [String]
        var external: [Bool]

        init(_ spec: GraphSpec, in r: Rect) {
            bounds = r
            nodes = spec.nodes.map(\.id); kinds = spec.nodes.map(\.kind); lines = spec.nodes.map(\.lines.count)
            edges = spec.edges.map { $0.from + "\u{0}" + $0.to }
            external = spec.nodes.map(\.external)
        }
    }

    /// The boxes placed and every edge routed; nil when the boxes or a path do not fit, or
    /// a path could only be found on top of another edge (nobody could tell the two apart).
    /// The edges of entities outside the loop that deal with many are folded into details
    /// first; when the rest still cannot be routed apart, those of every entity outside
    /// the loop are (their boxes say what they pay and receive).
    static func routed(_ spec: GraphSpec, in r: Rect) -> Routed? {
        let outside = spec.nodes.indices.filter { spec.nodes[$0].external }
        // The fewest edges folded first; at last the boxes outside the loop give their place
        // to a line at the top that lists them (`outsideRows`).
        let ways: [(folded: [Bool], hidden: [Int])] = [(spec.folded(), []), (spec.folded(hub: 1), [])]
            + (outside.isEmpty ? [] : [(spec.folded(hub: 1), outside)])
        for way in ways {
            let rows = way.hidden.isEmpty ? 0 : outsideRows(way.hidden.count)
            let inner = Rect(x: r.x, y: r.y + rows, width: r.width, height: r.height - rows)
            guard inner.height > 0 else { continue }
            for boxes in arrangements(spec, in: inner, hidden: Set(way.hidden)).prefix(2) {
                if let routed = route(spec, boxes: boxes, folded: way.folded, in: r) {
                    return Routed(bounds: r, boxes: boxes, routes: routed.routes, occupancy: routed.occupancy,
                                  outside: way.hidden)
                }
            }
        }
        return nil
    }

    /// Rows at the top of the panel that list the entities outside the loop when their boxes are left out.
    static func outsideRows(_ count: Int) -> Int { min(count, 2) + 1 }

    /// Every edge not folded routed between `boxes`; nil when one finds no path of its own.
    static func route(_ spec: GraphSpec, boxes: [Rect], folded: [Bool], in r: Rect) -> (routes: [[Point]], occupancy: Occupancy)? {
        var occ = Occupancy(r)
        for b in boxes { occ.mark(b, .box) }
        let ends = spec.edges.map { e in spec.index(of: e.from).flatMap { s in spec.index(of: e.to).map { (s, $0) } } }
        // Edges between near boxes first: they take the short straight paths, the long
        // ones go round. An edge that finds no path of its own goes first next time (three
        // tries: the cost of a layout stays a few routings).
        var order = spec.edges.indices.filter { !folded[$0] && ends[$0] != nil && ends[$0]!.0 != ends[$0]!.1 }
            .sorted { (distance(ends[$0]!, boxes), $0) < (distance(ends[$1]!, boxes), $1) }
        for _ in 0..<3 {
            var router = GraphRouter(occupancy: occ, bounds: r)
            var routes = [[Point]](repeating: [], count: spec.edges.count)
            var stuck: Int?
            for i in order {
                // Deals the same way between the same two boxes share one path.
                if let twin = order.first(where: { $0 != i && !routes[$0].isEmpty && ends[$0]! == ends[i]! }) {
                    routes[i] = routes[twin]; continue
                }
                routes[i] = router.route(from: boxes[ends[i]!.0], to: boxes[ends[i]!.1], boxes: boxes) ?? []
                if routes[i].isEmpty { stuck = i; break }
            }
            guard let stuck else { return (routes, router.occupancy) }
            order = [stuck] + order.filter { $0 != stuck }
        }
        return nil
    }

    /// How far apart two boxes are, centre to centre, along the grid.
    static func distance(_ ends: (Int, Int), _ boxes: [Rect]) -> Int {
        let a = boxes[ends.0], b = boxes[ends.1]
        return abs((a.x + a.maxX) - (b.x + b.maxX)) / 2 + abs((a.y + a.maxY) - (b.y + b.maxY)) / 2
    }

    /// The layout of `spec` on boxes and paths already routed for its shape: the labels,
    /// the details' area and the legend.
    static func make(_ spec: GraphSpec, from routed: Routed?, legend: [[String]], detailRows: (Int) -> Int) -> GraphLayout? {
        guard let routed else { return nil }
        let r = routed.bounds, boxes = routed.boxes, routes = routed.routes
        var labels = GraphLabels(occupancy: routed.occupancy, bounds: r)
        var placed = labels.placeOutside(spec, routed.outside, rows: outsideRows(routed.outside.count))
        placed += labels.place(spec, routes: routes)
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

    static func arrangements(_ spec: GraphSpec, in r: Rect, hidden: Set<Int>) -> [[Rect]] {
        guard !hidden.isEmpty else { return arrangements(spec, in: r) }
        // The shown nodes laid out alone; the hidden ones get an empty box at the corner.
        let shown = spec.nodes.indices.filter { !hidden.contains($0) }
        let ids = Set(shown.map { spec.nodes[$0].id })
        let sub = GraphSpec(nodes: shown.map { spec.nodes[$0] },
                            edges: spec.edges.filter { ids.contains($0.from) && ids.contains($0.to) })
        return arrangements(sub, in: r).map { placed in
            var out = [Rect](repeating: Rect(x: r.x, y: r.y, width: 0, height: 0), count: spec.nodes.count)
            for (k, i) in shown.enumerated() { out[i] = placed[k] }
            return out
        }
    }

    /// The boxes alone: placement by role, then every arrangement that fits, best first
    /// (`densities`); the first whose edges can all be routed apart is drawn.
    static func arrangements(_ spec: GraphSpec, in r: Rect) -> [[Rect]] {
        let n = spec.nodes.count
        guard n > 0 else { return [[]] }
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
            guard let w = widths(columns: columns, width: r.width) else { return [] }
            var found: [[Rect]] = []
            let bw = w.box, gap = w.gap
            let stack = { (b: Int, c: Int) in (cellCount[b][c] + split[c] - 1) / split[c] }
            let bandRows = usedBands.map { b in usedColumns.map { stack(b, $0) }.max() ?? 0 }
            // A roomy gutter only where it leaves the details their rows below the boxes; else
            // the first way that fits.
            let ways = densities(longEdges: longEdges(spec, place))
            for (slack, (outer, middle, gutter)) in ways.filter({ $0.2 > 2 }).map({ (6, $0) }) + ways.map({ (0, $0) }) {
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
                guard height + slack <= r.height else { continue }
                let top = r.y + max(0, (r.height - height - 6) / 2)
                var rowY: [Int] = [], y = top
                for lines in rowLines { rowY.append(y); y += lines + 2 + gutter }
                var columnX: [Int: Int] = [:], x = columns == 1 ? r.x + (r.width - bw) / 2 : r.x
                for c in usedColumns { columnX[c] = x; x += split[c] * (bw + gap) }
                var bandStart: [Int: Int] = [:], row = 0
                for (bi, b) in usedBands.enumerated() { bandStart[b] = row; row += bandRows[bi] }
                let boxes = (0..<n).map { i in
                    let p = place[i], k = split[p.column]
                    let row = bandStart[p.band]! + slot[i] / k
                    return Rect(x: columnX[p.column]! + (slot[i] % k) * (bw + gap), y: rowY[row],
                                width: bw, height: rowLines[row] + 2)
                }
                if !found.contains(boxes) { found.append(boxes) }
            }
            if !found.isEmpty { return found }
            // Too tall: split the column with the tallest stack, if any stack has two.
            guard let c = usedColumns.max(by: { a, b in
                usedBands.map { stack($0, a) }.max()! < usedBands.map { stack($0, b) }.max()!
            }), usedBands.map({ stack($0, c) }).max()! > 1 else { return [] }
            split[c] += 1
        }
    }
}
