/// One run's numbers by entity or by deal (cash, fleet, balances …), in memory the run
/// owns (`RunMemory`): the month loop reads and writes them in place, with no
/// copy-on-write check or reference count per access. Valid while its memory lives.
struct RunColumn<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < count, "run column index out of range")
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count, "run column index out of range")
            base[i] = newValue
        }
    }

    var indices: Range<Int> { 0..<count }

    /// Sets every element to `value`.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// Its elements in place, to copy into what a projection keeps.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// A copy as an array.
    var array: [Element] { Array(buffer) }
}

/// The memory of one run's columns: carved out of one allocation per element type as the
/// run asks for them, freed with the run. A class only to own the memory.
final class RunMemory<Element> {
    private let base: UnsafeMutablePointer<Element>
    private let capacity: Int
    private var used = 0

    /// Room for `capacity` elements, all `initial`.
    init(capacity: Int, initial: Element) {
        self.capacity = capacity
        base = .allocate(capacity: max(1, capacity))
        base.initialize(repeating: initial, count: max(1, capacity))
    }

    deinit {
        base.deinitialize(count: max(1, capacity))
        base.deallocate()
    }

    /// The next `count` elements as a column, each `value`.
    func column(_ count: Int, _ value: Element) -> RunColumn<Element> {
        precondition(used + count <= capacity, "run memory too small")
        let c = RunColumn(base: base + used, count: count)
        used += count
        c.fill(value)
        return c
    }

    /// The next `values.count` elements as a column holding `values`.
    func column(_ values: [Element]) -> RunColumn<Element> {
        let c = column(values.count, values.first ?? base.pointee)
        for (i, v) in values.enumerated() { c[i] = v }
        return c
    }
}
