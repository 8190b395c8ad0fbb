/// What covers each cell of the funding graph's panel while it is laid out: boxes, edge
/// runs, corners and labels. Cells outside the panel count as covered.
struct Occupancy: Sendable, Equatable {
    struct Mark: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let box = Mark(rawValue: 1)
        static let horizontal = Mark(rawValue: 2)
        static let vertical = Mark(rawValue: 4)
        /// A corner or an end of an edge: no other edge may pass through it.
        static let end = Mark(rawValue: 8)
        static let label = Mark(rawValue: 16)
        static let edge: Mark = [.horizontal, .vertical, .end]
    }

    let bounds: Rect
    private(set) var cells: [Mark]

    init(_ bounds: Rect) {
        self.bounds = bounds
        cells = Array(repeating: [], count: bounds.width * bounds.height)
    }

    func contains(_ x: Int, _ y: Int) -> Bool {
        x >= bounds.x && y >= bounds.y && x < bounds.maxX && y < bounds.maxY
    }

    subscript(x: Int, y: Int) -> Mark {
        contains(x, y) ? cells[(y - bounds.y) * bounds.width + (x - bounds.x)] : .box
    }

    mutating func mark(_ x: Int, _ y: Int, _ m: Mark) {
        guard contains(x, y) else { return }
        cells[(y - bounds.y) * bounds.width + (x - bounds.x)].formUnion(m)
    }

    mutating func mark(_ r: Rect, _ m: Mark) {
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { mark(x, y, m) } }
    }

    func isFree(_ x: Int, _ y: Int) -> Bool { contains(x, y) && self[x, y].isEmpty }

    /// Whether `width` cells from (x, y) are free, with a free or edge cell (not a label)
    /// on either side so that words never run together.
    func fits(_ x: Int, _ y: Int, width: Int) -> Bool {
        guard width > 0 else { return false }
        for cx in x..<x + width where !isFree(cx, y) { return false }
        return !self[x - 1, y].contains(.label) && !self[x + width, y].contains(.label)
    }

    /// The highest rectangle at the bottom-left of `r` that is free in every cell, at
    /// least `minWidth` wide and `minHeight` tall; its width stops one cell short of the
    /// first covered cell.
    func freeRect(bottomLeftOf r: Rect, minWidth: Int, minHeight: Int) -> Rect? {
        guard r.height >= minHeight else { return nil }
        var width = Int.max
        var best: Rect?
        for y in stride(from: r.maxY - 1, through: r.y, by: -1) {
            var run = 0
            while run < r.width, isFree(r.x + run, y) { run += 1 }
            width = min(width, run < r.width ? run - 1 : run)
            guard width >= minWidth else { break }
            if r.maxY - y >= minHeight { best = Rect(x: r.x, y: y, width: width, height: r.maxY - y) }
        }
        return best
    }
}
