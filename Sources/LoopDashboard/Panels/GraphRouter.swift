/// Finds each edge's path between two boxes: horizontal and vertical runs with at most
/// three bends, through cells no box covers. Among the paths that fit it takes the
/// cheapest (length, then bends, then crossings); edges never share a run, a corner or
/// an end unless no other path exists.
struct GraphRouter: Sendable {
    var occupancy: Occupancy
    let bounds: Rect
    /// Box cells before each cell of its row, and of its column: a run is checked
    /// against every box at once.
    let rowBoxes: [Int], columnBoxes: [Int]

    init(occupancy: Occupancy, bounds: Rect) {
        self.occupancy = occupancy; self.bounds = bounds
        let w = bounds.width + 1, h = bounds.height + 1
        var rows = [Int](repeating: 0, count: h * w), columns = [Int](repeating: 0, count: w * h)
        for y in 0..<bounds.height {
            for x in 0..<bounds.width {
                let box = occupancy[bounds.x + x, bounds.y + y].contains(.box) ? 1 : 0
                rows[y * w + x + 1] = rows[y * w + x] + box
                columns[x * h + y + 1] = columns[x * h + y] + box
            }
        }
        rowBoxes = rows; columnBoxes = columns
    }

    /// Whether the cells between a path's two border cells stay inside the panel and
    /// clear of every box.
    func clearOfBoxes(_ corners: [Point]) -> Bool {
        let w = bounds.width + 1, h = bounds.height + 1, last = corners.count - 2
        for k in 0...last {
            let a = corners[k], b = corners[k + 1]
            var lo = a.y == b.y ? min(a.x, b.x) : min(a.y, b.y), hi = a.y == b.y ? max(a.x, b.x) : max(a.y, b.y)
            // Leave out the border cells at either end of the path.
            if k == 0 { if a.y == b.y ? a.x == lo : a.y == lo { lo += 1 } else { hi -= 1 } }
            if k == last { if a.y == b.y ? b.x == hi : b.y == hi { hi -= 1 } else { lo += 1 } }
            guard lo <= hi else { continue }
            if a.y == b.y {
                let y = a.y - bounds.y, x0 = lo - bounds.x, x1 = hi - bounds.x
                guard y >= 0, y < bounds.height, x0 >= 0, x1 < bounds.width else { return false }
                if rowBoxes[y * w + x1 + 1] != rowBoxes[y * w + x0] { return false }
            } else {
                let x = a.x - bounds.x, y0 = lo - bounds.y, y1 = hi - bounds.y
                guard x >= 0, x < bounds.width, y0 >= 0, y1 < bounds.height else { return false }
                if columnBoxes[x * h + y1 + 1] != columnBoxes[x * h + y0] { return false }
            }
        }
        return true
    }

    static let bendCost = 6, crossingCost = 3, hugCost = 5

    /// A path as its turning points, with the cost known before walking it.
    struct Candidate {
        var corners: [Point]
        var cost: Int
    }

    /// The path from `s` to `t`, marked as taken; nil when every path meets a box or
    /// shares a run, a corner or an end with another edge (nobody could tell the two
    /// apart: the layout then tries otherwise, or the list is drawn). Paths are looked
    /// for by number of bends, the fewest first: the cheapest path of the first kind that
    /// fits wins, so most edges cost a handful of candidates.
    mutating func route(from s: Rect, to t: Rect, boxes: [Rect]) -> [Point]? {
        let corridors = Self.corridors(boxes, bounds)
        for bends in 0...3 {
            let some = bends < 3 ? Self.candidates(from: s, to: t, bends: bends, bounds: bounds, corridors: corridors)
                : Self.threeBends(from: s, to: t, corridors: corridors)
            if let cells = best(of: some) { return take(cells) }
        }
        return nil
    }

    /// The cheapest candidate that fits, as cells (border cells included).
    func best(of candidates: [Candidate]) -> [Point]? {
        // Cheapest first; equal costs keep the order they were made in (straight before
        // bent, inner lanes first). Sorting plain integers keeps this cheap.
        let order = candidates.indices.map { candidates[$0].cost << 20 | $0 }.sorted()
        var best: (cost: Int, index: Int)?
        for key in order {
            let c = candidates[key & 0xFFFFF]
            if let b = best, c.cost >= b.cost { break }
            guard clearOfBoxes(c.corners), let extra = extraCost(c.corners) else { continue }
            if best == nil || c.cost + extra < best!.cost { best = (c.cost + extra, key & 0xFFFFF) }
        }
        return best.map { Self.cells(candidates[$0.index].corners) }
    }

    /// Three bends: out of a side, along a corridor column, along a corridor row, into the
    /// top or bottom; or out of the top or bottom, along a row, along a column, into a side.
    static func threeBends(from s: Rect, to t: Rect, corridors: (columns: [Int], rows: [Int])) -> [Candidate] {
        var out: [Candidate] = []
        func add(_ corners: [Point], lanes: Int) {
            var length = 0
            for (a, b) in zip(corners, corners.dropFirst()) { length += abs(a.x - b.x) + abs(a.y - b.y) }
            out.append(Candidate(corners: corners, cost: length + bendCost * 3 + lanes))
        }
        let sRows = rows(s), tRows = rows(t), sCols = columns(s).prefix(2), tCols = columns(t).prefix(2)
        for (i, y1) in sRows.prefix(2).enumerated() {
            for xm in corridors.columns {
                guard let sx = border(xm, s.x, s.maxX) else { continue }
                for ym in corridors.rows {
                    for (j, x2) in tCols.enumerated() {
                        guard let ty = border(ym, t.y, t.maxY) else { continue }
                        add([Point(x: sx, y: y1), Point(x: xm, y: y1), Point(x: xm, y: ym), Point(x: x2, y: ym),
                             Point(x: x2, y: ty)], lanes: i + j)
                    }
                }
            }
        }
        for (i, x1) in sCols.enumerated() {
            for ym in corridors.rows {
                guard let sy = border(ym, s.y, s.maxY) else { continue }
                for xm in corridors.columns {
                    for (j, y2) in tRows.prefix(2).enumerated() {
                        guard let tx = border(xm, t.x, t.maxX) else { continue }
                        add([Point(x: x1, y: sy), Point(x: x1, y: ym), Point(x: xm, y: ym), Point(x: xm, y: y2),
                             Point(x: tx, y: y2)], lanes: i + j)
                    }
                }
            }
        }
        return out
    }

    /// Free corridors between the boxes: the columns and the rows no box spans, as lanes
    /// (the corridor's middle first, then `step` cells out from it; six at most).
    static func corridors(_ boxes: [Rect], _ bounds: Rect) -> (columns: [Int], rows: [Int]) {
        /// Lanes `step` apart in each run of uncovered values in lo..<hi, middle first.
        func lanes(_ lo: Int, _ hi: Int, step: Int, covered: (Int) -> Bool) -> [Int] {
            var out: [Int] = [], v = lo
            while v < hi {
                guard !covered(v) else { v += 1; continue }
                let a = v
                while v < hi, !covered(v) { v += 1 }
                let mid = (a + v - 1) / 2
                out.append(mid)
                var d = step
                while (mid - d >= a || mid + d < v) && d <= 3 * step {
                    if mid - d >= a { out.append(mid - d) }
                    if mid + d < v { out.append(mid + d) }
                    d += step
                }
            }
            return out
        }
        return (lanes(bounds.x, bounds.maxX, step: 2) { x in boxes.contains { x >= $0.x && x < $0.maxX } },
                lanes(bounds.y, bounds.maxY, step: 1) { y in boxes.contains { y >= $0.y && y < $0.maxY } })
    }

    /// The border cell (column or row) of a box spanning lo..<hi that a run towards `v`
    /// crosses; nil when `v` is within the span.
    static func border(_ v: Int, _ lo: Int, _ hi: Int) -> Int? {
        v >= hi ? hi - 1 : (v < lo ? lo : nil)
    }

    /// Rows inside a box, the middle one first.
    static func rows(_ r: Rect) -> [Int] {
        let inner = Array(r.y + 1..<max(r.y + 1, r.maxY - 1))
        let mid = r.y + 1 + (r.height - 2) / 2
        return inner.sorted { abs($0 - mid) < abs($1 - mid) }
    }

    /// Columns inside a box where vertical edges leave or arrive: pairs of lanes either
    /// side of the centre, so two edges between the same boxes run side by side.
    static func columns(_ r: Rect) -> [Int] {
        let c = r.x + r.width / 2
        return [-2, 1, -5, 4, -8, 7].map { c + $0 }.filter { $0 > r.x && $0 < r.maxX - 1 }
    }

    /// Paths from `s` to `t` as corner lists. Each starts on a cell of the source's
    /// border and ends on one of the target's: the cells in between are the edge.
    static func candidates(from s: Rect, to t: Rect, bends: Int, bounds: Rect,
                           corridors: (columns: [Int], rows: [Int])) -> [Candidate]
    {
        var out: [Candidate] = []
        func add(_ corners: [Point], bends: Int, lanes: Int) {
            var length = 0
            for (a, b) in zip(corners, corners.dropFirst()) { length += abs(a.x - b.x) + abs(a.y - b.y) }
            out.append(Candidate(corners: corners, cost: length + bendCost * bends + lanes))
        }
        let sRows = rows(s), tRows = rows(t), sCols = columns(s), tCols = columns(t)
        // The border cell a run towards column x (or row y) leaves `s` from, or reaches
        // `t` at; nil when x (or y) is not beside the box.
        func exitX(_ x: Int) -> Int? { border(x, s.x, s.maxX) }
        func entryX(_ x: Int) -> Int? { border(x, t.x, t.maxX) }
        func exitY(_ y: Int) -> Int? { border(y, s.y, s.maxY) }
        func entryY(_ y: Int) -> Int? { border(y, t.y, t.maxY) }
        switch bends {
        case 0:
            // Straight runs, with at least one cell between the boxes.
            for (i, y) in sRows.enumerated() where tRows.contains(y) {
                if t.x > s.maxX { add([Point(x: s.maxX - 1, y: y), Point(x: t.x, y: y)], bends: 0, lanes: i) }
                if t.maxX < s.x { add([Point(x: s.x, y: y), Point(x: t.maxX - 1, y: y)], bends: 0, lanes: i) }
            }
            for (i, x) in sCols.enumerated() where x > t.x && x < t.maxX - 1 {
                if t.y > s.maxY { add([Point(x: x, y: s.maxY - 1), Point(x: x, y: t.y)], bends: 0, lanes: i) }
                if t.maxY < s.y { add([Point(x: x, y: s.y), Point(x: x, y: t.maxY - 1)], bends: 0, lanes: i) }
            }
        case 1:
            // One bend: out of a side and into the top or bottom, or the other way round.
            for (i, y) in sRows.enumerated() {
                for (j, x) in tCols.enumerated() {
                    guard let sx = exitX(x), let ty = entryY(y) else { continue }
                    add([Point(x: sx, y: y), Point(x: x, y: y), Point(x: x, y: ty)], bends: 1, lanes: i + j)
                }
            }
            for (i, x) in sCols.enumerated() {
                for (j, y) in tRows.enumerated() {
                    guard let sy = exitY(y), let tx = entryX(x) else { continue }
                    add([Point(x: x, y: sy), Point(x: x, y: y), Point(x: tx, y: y)], bends: 1, lanes: i + j)
                }
            }
        default:
            // Two bends through a free corridor between the boxes (or beside both).
            for (i, y1) in sRows.enumerated() {
                for (j, y2) in tRows.enumerated() where y1 != y2 {
                    for (k, xm) in corridors.columns.enumerated() {
                        guard let sx = exitX(xm), let tx = entryX(xm) else { continue }
                        add([Point(x: sx, y: y1), Point(x: xm, y: y1), Point(x: xm, y: y2), Point(x: tx, y: y2)],
                            bends: 2, lanes: i + j + min(k, 1))
                    }
                }
            }
            for (i, x1) in sCols.prefix(4).enumerated() {
                for (j, x2) in tCols.prefix(4).enumerated() where x1 != x2 {
                    for (k, ym) in corridors.rows.enumerated() {
                        guard let sy = exitY(ym), let ty = entryY(ym) else { continue }
                        add([Point(x: x1, y: sy), Point(x: x1, y: ym), Point(x: x2, y: ym), Point(x: x2, y: ty)],
                            bends: 2, lanes: i + j + min(k, 1))
                    }
                }
            }
        }
        return out
    }

    /// Every cell from the first corner to the last, in order.
    static func cells(_ corners: [Point]) -> [Point] {
        var out = [corners[0]]
        for (a, b) in zip(corners, corners.dropFirst()) {
            let dx = (b.x - a.x).signum(), dy = (b.y - a.y).signum()
            var p = a
            while p != b {
                p = Point(x: p.x + dx, y: p.y + dy)
                out.append(p)
            }
        }
        return out
    }

    /// How each cell of a path (border cells included) is used: a horizontal or vertical
    /// run, or a corner, the arrow or a border cell.
    static func marks(_ cells: [Point]) -> [Occupancy.Mark] {
        cells.indices.map { i in
            guard i > 0, i < cells.count - 2 else { return .end }
            let a = cells[i - 1], b = cells[i + 1]
            if a.y == b.y { return .horizontal }
            if a.x == b.x { return .vertical }
            return .end
        }
    }

    /// The cost of crossing other edges and running right beside them; nil if the path
    /// meets a box, leaves the panel, or shares a run, corner or end
    /// with another edge.
    func extraCost(_ corners: [Point]) -> Int? {
        var extra = 0
        let last = corners.last!, before = corners[corners.count - 2]
        let arrow = Point(x: last.x - (last.x - before.x).signum(), y: last.y - (last.y - before.y).signum())
        for k in 0..<corners.count - 1 {
            let a = corners[k], b = corners[k + 1]
            let dx = (b.x - a.x).signum(), dy = (b.y - a.y).signum()
            let run: Occupancy.Mark = dy == 0 ? .horizontal : .vertical
            var p = a
            while p != b {
                p = Point(x: p.x + dx, y: p.y + dy)
                if p == last { break }
                // A corner of this path, or its arrow: nothing else may be there.
                let isEnd = (p == b && k + 1 < corners.count - 1) || p == arrow
                let there = occupancy[p.x, p.y]
                if there.contains(.box) || there.contains(.label) { return nil }
                if !there.isEmpty {
                    if !isEnd && there == (run == .horizontal ? .vertical : .horizontal) {
                        extra += Self.crossingCost
                    } else {
                        return nil
                    }
                }
                // Running alongside a parallel edge leaves no room for either's labels.
                let side1 = dy == 0 ? occupancy[p.x, p.y - 1] : occupancy[p.x - 1, p.y]
                let side2 = dy == 0 ? occupancy[p.x, p.y + 1] : occupancy[p.x + 1, p.y]
                if (side1.contains(run) && !side1.contains(.box)) || (side2.contains(run) && !side2.contains(.box)) {
                    extra += Self.hugCost
                }
            }
        }
        return extra
    }

    /// Marks the path as taken; returns its cells between the two borders.
    mutating func take(_ cells: [Point]) -> [Point] {
        for (p, m) in zip(cells, Self.marks(cells)) { occupancy.mark(p.x, p.y, m) }
        return Array(cells.dropFirst().dropLast())
    }
}
