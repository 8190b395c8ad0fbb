/// What the terminal must write to go from one frame to the next: every cell when
/// there is no previous frame of the same size, else only the cells that differ.
/// Pure, so the cost of the blit's own diff can be measured and tested without a terminal.
public struct FrameDiff: Equatable, Sendable {
    /// True when the screen must be erased and every cell written.
    public var full: Bool
    /// Indices (`y * width + x`) of the cells to write, in screen order.
    public var changed: [Int]

    /// The difference from `previous` (nil: nothing on screen yet) to `next`.
    public init(from previous: Frame?, to next: Frame) {
        self.init()
        compute(from: previous, to: next)
    }

    /// An empty difference, to be filled by `compute` (reusing its storage).
    public init() {
        full = false
        changed = []
    }

    /// Recomputes the difference in place, keeping the storage of `changed`.
    public mutating func compute(from previous: Frame?, to next: Frame) {
        changed.removeAll(keepingCapacity: true)
        guard let previous, previous.width == next.width, previous.height == next.height else {
            full = true
            changed.append(contentsOf: 0..<next.cells.count)
            return
        }
        full = false
        previous.cells.withUnsafeBufferPointer { old in
            next.cells.withUnsafeBufferPointer { new in
                for i in 0..<new.count where old[i] != new[i] { changed.append(i) }
            }
        }
    }

    /// True when nothing has to be written.
    public var isEmpty: Bool { !full && changed.isEmpty }
}
