/// Puts each edge's amount and kind beside one of its runs, on cells nothing else
/// covers: above and below a horizontal run, left or right of a vertical one. A text
/// that finds no room is shortened ("/mo" dropped, the kind cut), then left out.
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

    /// Places every edge's texts; the longest horizontal run is tried first, then the
    /// vertical runs, then the rest.
    mutating func place(_ spec: GraphSpec, routes: [[Point]]) -> [Placed] {
        var out: [Placed] = []
        for (i, e) in spec.edges.enumerated() where !routes[i].isEmpty {
            let all = Self.runs(routes[i])
            let horizontal = all.filter(\.horizontal).sorted { $0.length > $1.length }
            let vertical = all.filter { !$0.horizontal }.sorted { $0.length > $1.length }
            let order = Array(horizontal.prefix(1)) + vertical + horizontal.dropFirst()
            let amounts = [e.amountLabel] + (e.amountLabel.hasSuffix("/mo") ? [String(e.amountLabel.dropLast(3))] : [])
            var kinds = Shortenings(e.label + e.delta)
            var placed: [Placed] = []
            // Both texts beside one run if possible; else each wherever it fits.
            for run in order where placed.isEmpty {
                placed = pair(run, amounts: amounts, kinds: &kinds, edge: i)
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

    /// Both texts beside `run`: amount above and kind below a horizontal run (or the
    /// other way round), or kind then amount on two rows beside a vertical one; `kinds`
    /// the kind's text, then its shortenings (each made only once it fits somewhere).
    mutating func pair(_ run: Run, amounts: [String], kinds: inout Shortenings, edge: Int) -> [Placed] {
        for amount in amounts {
            let wa = amount.unicodeScalars.count
            for v in kinds.lengths.indices {
                let wk = kinds.width(v)
                for spot in spots(run, amountWidth: wa, kindWidth: wk) {
                    let a = Placed(x: spot.0.x, y: spot.0.y, text: amount, edge: edge, isAmount: true)
                    guard fits(a), occupancy.fits(spot.1.x, spot.1.y, width: wk) else { continue }
                    let b = Placed(x: spot.1.x, y: spot.1.y, text: kinds.text(v), edge: edge, isAmount: false)
                    if a.y != b.y || a.x + a.text.count < b.x || b.x + b.text.count < a.x {
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
            let w = t.unicodeScalars.count
            for spot in spots(run, amountWidth: w, kindWidth: w) {
                let p = Placed(x: spot.0.x, y: spot.0.y, text: t, edge: edge, isAmount: isAmount)
                if fits(p) { return p }
            }
        }
        return nil
    }

    /// Where the amount and the kind, `amountWidth` and `kindWidth` cells wide, would start
    /// beside `run`, best first.
    func spots(_ run: Run, amountWidth wa: Int, kindWidth wk: Int) -> [(Point, Point)] {
        let lo = run.lo
        if run.horizontal {
            guard max(wa, wk) <= run.length else { return [] }
            let ax = lo.x + (run.length - wa) / 2, kx = lo.x + (run.length - wk) / 2
            return [(Point(x: ax, y: lo.y - 1), Point(x: kx, y: lo.y + 1)),
                    (Point(x: ax, y: lo.y + 1), Point(x: kx, y: lo.y - 1))]
        }
        let top = lo.y + max(0, (run.length - 2) / 2)
        let kindRow = top, amountRow = run.length >= 2 ? top + 1 : top
        let left = (Point(x: lo.x - 1 - wa, y: amountRow), Point(x: lo.x - 1 - wk, y: kindRow))
        let right = (Point(x: lo.x + 2, y: amountRow), Point(x: lo.x + 2, y: kindRow))
        // The side away from a neighbouring lane first.
        let edgeOnRight = (1...4).contains { occupancy[lo.x + $0, lo.y].contains(.vertical) }
        let edgeOnLeft = (1...4).contains { occupancy[lo.x - $0, lo.y].contains(.vertical) }
        return edgeOnRight && !edgeOnLeft ? [left, right] : [right, left]
    }

    func fits(_ p: Placed) -> Bool {
        occupancy.fits(p.x, p.y, width: p.text.unicodeScalars.count)
    }

    mutating func commit(_ p: Placed) {
        for x in p.x..<p.x + p.text.unicodeScalars.count { occupancy.mark(x, p.y, .label) }
    }

    /// A block of lines (the legend) in the bottom-right corner, left-aligned within it:
    /// of the ways to write it, the one that can sit lowest (the first on a tie); nothing
    /// when none fits.
    mutating func placeBlock(_ ways: [[String]]) -> [Placed] {
        var best: (bottom: Int, block: [Placed])?
        for lines in ways where !lines.isEmpty {
            let width = lines.map(\.unicodeScalars.count).max() ?? 0
            guard width <= bounds.width else { continue }
            let x = bounds.maxX - width
            for y0 in stride(from: bounds.maxY - lines.count, through: bounds.y, by: -1) {
                let block = lines.enumerated().map { Placed(x: x, y: y0 + $0.offset, text: $0.element, edge: -1, isAmount: false) }
                guard block.allSatisfy({ occupancy.fits($0.x, $0.y, width: width) }) else { continue }
                if best == nil || y0 + lines.count > best!.bottom { best = (y0 + lines.count, block) }
                break
            }
        }
        for p in best?.block ?? [] { commit(p) }
        return best?.block ?? []
    }
}
