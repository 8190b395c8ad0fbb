/// Puts each edge's amount and kind beside one of its runs, on cells nothing else
/// covers: above and below a horizontal run, left or right of a vertical one. A text
/// that finds no room is shortened ("/mo" dropped, the kind left out), then left out:
/// never cut to a stub.
struct GraphLabels: Sendable {
    typealias Placed = GraphLayout.PlacedText
    var occupancy: Occupancy
    let bounds: Rect

    init(occupancy: Occupancy, bounds: Rect) {
        self.occupancy = occupancy; self.bounds = bounds
    }

    /// A straight run of a path: its first and last cell.
    struct Run {
        var a: Point, b: Point
        var horizontal: Bool { a.y == b.y }
        var length: Int { abs(b.x - a.x) + abs(b.y - a.y) + 1 }
        var lo: Point { Point(x: min(a.x, b.x), y: min(a.y, b.y)) }
    }

    static func runs(_ cells: [Point]) -> [Run] {
        guard cells.count > 1 else { return cells.map { Run(a: $0, b: $0) } }
        var out: [Run] = []
        var start = 0
        for i in 1..<cells.count {
            let turns = i + 1 < cells.count
                && (cells[i + 1].x - cells[i].x, cells[i + 1].y - cells[i].y) != (cells[i].x - cells[i - 1].x, cells[i].y - cells[i - 1].y)
            if turns || i == cells.count - 1 {
                out.append(Run(a: cells[start], b: cells[i]))
                start = i
            }
        }
        return out
    }

    /// Places every edge's texts, the largest flows first (they get the best places; a
    /// small flow's text may find none and is then only in the details); for each edge
    /// the longest horizontal run is tried first, then the vertical runs, then the rest.
    mutating func place(_ spec: GraphSpec, routes: [[Point]]) -> [Placed] {
        var out: [Placed] = []
        let order = spec.edges.indices.sorted { (spec.edges[$0].amount, -$0) > (spec.edges[$1].amount, -$1) }
        for i in order where !routes[i].isEmpty {
            let e = spec.edges[i]
            let all = Self.runs(routes[i])
            let horizontal = all.filter(\.horizontal).sorted { $0.length > $1.length }
            let vertical = all.filter { !$0.horizontal }.sorted { $0.length > $1.length }
            let order = Array(horizontal.prefix(1)) + vertical + horizontal.dropFirst()
            let amounts = [e.amountLabel] + (e.amountLabel.hasSuffix("/mo") ? [String(e.amountLabel.dropLast(3))] : [])
            let kind = e.label + e.delta
            var placed: [Placed] = []
            // Both texts beside one run if possible; else each wherever it fits.
            for run in order where placed.isEmpty {
                placed = pair(run, amounts: amounts, kind: kind, edge: i)
            }
            if placed.isEmpty {
                for run in order {
                    if let p = single(run, texts: amounts, edge: i, isAmount: true) { placed = [p]; break }
                }
            }
            for p in placed { commit(p) }
            out += placed
        }
        return out
    }

    /// The entities at `outside` listed in the top `rows` rows less one ("outside the loop:"
    /// and each one's short name and what it pays), wrapped at the panel's width; edge -2.
    mutating func placeOutside(_ spec: GraphSpec, _ outside: [Int], rows: Int) -> [Placed] {
        guard !outside.isEmpty else { return [] }
        // Each one's short name and first line, those that move the most first.
        let moved = { (i: Int) in spec.edges.reduce(0.0) { $0 + ($1.from == spec.nodes[i].id || $1.to == spec.nodes[i].id ? $1.amount : 0) } }
        let items = outside.sorted { (moved($0), -$0) > (moved($1), -$1) }.map { i in
            ([GraphSpec.shortName(spec.nodes[i].name)] + spec.nodes[i].lines.prefix(1)).joined(separator: " ")
        }
        // Whole items only: one with no room left is in the details and the list, not cut.
        var lines = ["outside the loop:"]
        for item in items {
            let last = lines[lines.count - 1]
            if last.unicodeScalars.count + 3 + item.unicodeScalars.count <= bounds.width {
                lines[lines.count - 1] += (last.hasSuffix(":") ? " " : " · ") + item
            } else if lines.count < rows - 1, item.unicodeScalars.count <= bounds.width {
                lines.append(item)
            }
        }
        let placed = lines.enumerated().filter { $0.element.unicodeScalars.count <= bounds.width }.map { k, l in
            Placed(x: bounds.x, y: bounds.y + k, text: l, edge: -2, isAmount: false)
        }
        for p in placed { commit(p) }
        return placed
    }

    /// Both texts beside `run`: amount above and kind below a horizontal run (or the
    /// other way round), or kind then amount on two rows beside a vertical one.
    mutating func pair(_ run: Run, amounts: [String], kind: String, edge: Int) -> [Placed] {
        // The kind is whole or left out (the amount alone, by `single`): a cut word reads as nothing.
        for amount in amounts {
            for k in [kind] {
                for spot in spots(run, amount: amount, kind: k) {
                    let a = Placed(x: spot.0.x, y: spot.0.y, text: amount, edge: edge, isAmount: true)
                    let b = Placed(x: spot.1.x, y: spot.1.y, text: k, edge: edge, isAmount: false)
                    if fits(a), fits(b), a.y != b.y || a.x + a.text.count < b.x || b.x + b.text.count < a.x {
                        return [a, b]
                    }
                }
            }
        }
        return []
    }

    /// One text beside `run`, the first variant that fits.
    func single(_ run: Run, texts: [String], edge: Int, isAmount: Bool) -> Placed? {
        for t in texts {
            for spot in spots(run, amount: t, kind: t) {
                let p = Placed(x: spot.0.x, y: spot.0.y, text: t, edge: edge, isAmount: isAmount)
                if fits(p) { return p }
            }
        }
        return nil
    }

    /// Where the amount and the kind would start beside `run`, best first: centred on it,
    /// then slid along it either way (still beside the run).
    func spots(_ run: Run, amount: String, kind: String) -> [(Point, Point)] {
        let lo = run.lo, wa = amount.unicodeScalars.count, wk = kind.unicodeScalars.count
        if run.horizontal {
            guard max(wa, wk) <= run.length else { return [] }
            let slack = run.length - max(wa, wk)
            return Self.slides(slack).flatMap { d -> [(Point, Point)] in
                let ax = lo.x + (run.length - wa) / 2 + d, kx = lo.x + (run.length - wk) / 2 + d
                return [(Point(x: ax, y: lo.y - 1), Point(x: kx, y: lo.y + 1)),
                        (Point(x: ax, y: lo.y + 1), Point(x: kx, y: lo.y - 1))]
            }
        }
        // The side away from a neighbouring lane first.
        let edgeOnRight = (1...4).contains { occupancy[lo.x + $0, lo.y].contains(.vertical) }
        let edgeOnLeft = (1...4).contains { occupancy[lo.x - $0, lo.y].contains(.vertical) }
        let slack = max(0, run.length - 2)
        return Self.slides(slack).flatMap { d -> [(Point, Point)] in
            let top = lo.y + max(0, (run.length - 2) / 2) + d
            let kindRow = top, amountRow = run.length >= 2 ? top + 1 : top
            let left = (Point(x: lo.x - 1 - wa, y: amountRow), Point(x: lo.x - 1 - wk, y: kindRow))
            let right = (Point(x: lo.x + 2, y: amountRow), Point(x: lo.x + 2, y: kindRow))
            return edgeOnRight && !edgeOnLeft ? [left, right] : [right, left]
        }
    }

    /// Offsets from the centre within `slack` cells of room: 0, -1, 1, -2, 2 … then every
    /// fourth cell (a text keeps near the middle of its run, and a frame tries few places).
    static func slides(_ slack: Int) -> [Int] {
        let lo = -(slack / 2), hi = slack - slack / 2
        let near = (1...3).flatMap { [-$0, $0] }, far = stride(from: 4, through: max(4, slack), by: 4).flatMap { [-$0, $0] }
        return [0] + (near + far).filter { $0 >= lo && $0 <= hi }
    }

    func fits(_ p: Placed) -> Bool {
        occupancy.fits(p.x, p.y, width: p.text.unicodeScalars.count)
    }

    mutating func commit(_ p: Placed) {
        for x in p.x..<p.x + p.text.unicodeScalars.count { occupancy.mark(x, p.y, .label) }
    }

    /// A block of lines (the legend) in the bottom-right corner, left-aligned within it:
    /// of the ways to write it, the one that can sit lowest (the first on a tie); the last
    /// way only when no other fits, anywhere free; nothing when none fits.
    mutating func placeBlock(_ ways: [[String]]) -> [Placed] {
        var best: (bottom: Int, block: [Placed])?
        for (k, lines) in ways.enumerated() where !lines.isEmpty && (k < ways.count - 1 || ways.count == 1 || best == nil) {
            let width = lines.map(\.unicodeScalars.count).max() ?? 0
            guard width <= bounds.width else { continue }
            // The fallback may also move left, to any free place (rightmost of the lowest).
            // (Every third column: a frame's legend costs a few hundred checks, not thousands.)
            let xs = k == ways.count - 1 && ways.count > 1 ? Array(stride(from: bounds.maxX - width, through: bounds.x, by: -3))
                : [bounds.maxX - width]
            search: for y0 in stride(from: bounds.maxY - lines.count, through: bounds.y, by: -1) {
                for x in xs {
                    let block = lines.enumerated().map { Placed(x: x, y: y0 + $0.offset, text: $0.element, edge: -1, isAmount: false) }
                    guard block.allSatisfy({ occupancy.fits($0.x, $0.y, width: width) }) else { continue }
                    if best == nil || y0 + lines.count > best!.bottom { best = (y0 + lines.count, block) }
                    break search
                }
            }
        }
        for p in best?.block ?? [] { commit(p) }
        return best?.block ?? []
    }
}
