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

    /// A copy as an array, made in one block copy.
    var array: [Element] { buffer.array }
}

/// The memory of one run's columns: carved out of one allocation per element type as the
/// run asks for them, freed with the run. A class only to own the memory.
final class RunMemory<Element> {
    private let base: UnsafeMutablePointer<Element>
    /// Elements it has room for; the first `initialized` of them hold values.
    private let capacity: Int, initialized: Int
    private var used = 0

    /// Room for `capacity` elements, all `initial`.
    init(capacity: Int, initial: Element) {
        self.capacity = capacity
        initialized = max(1, capacity)
        base = .allocate(capacity: initialized)
        base.initialize(repeating: initial, count: initialized)
    }

    /// Room for `capacity` plain values (no references), each written before it is read:
    /// nothing to set first or to tear down.
    init(unwritten capacity: Int) where Element: BitwiseCopyable {
        self.capacity = capacity
        initialized = 0
        base = .allocate(capacity: max(1, capacity))
    }

    /// Room for exactly `values`, holding them: `column(values.count)` is a column of them.
    init(_ values: [Element]) {
        capacity = values.count
        initialized = values.count
        base = .allocate(capacity: max(1, capacity))
        for (i, v) in values.enumerated() { (base + i).initialize(to: v) }
    }

    deinit {
        base.deinitialize(count: initialized)
        base.deallocate()
    }

    /// The next `count` elements as a column, as they are (`initial`, or the values given).
    func column(_ count: Int) -> RunColumn<Element> {
        precondition(used + count <= capacity, "run memory too small")
        let c = RunColumn(base: base + used, count: count)
        used += count
        return c
    }

    /// The next `count` elements as a column, each `value`.
    func column(_ count: Int, _ value: Element) -> RunColumn<Element> {
        let c = column(count)
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

extension UnsafeBufferPointer {
    /// A copy as an array, made in one block copy (`Array(_:)` copies element by element).
    var array: [Element] {
        [Element](unsafeUninitializedCapacity: count) { copy, written in
            if let to = copy.baseAddress, let from = baseAddress { to.initialize(from: from, count: count) }
            written = count
        }
    }
}

extension Array where Element: BitwiseCopyable {
    /// `count` arrays of `size` elements each, made without setting or copying one: `body`
    /// is given each array's memory, in order, while they are being made, and must write
    /// every element of each (a projection's columns, written month by month).
    static func written(_ count: Int, size: Int, _ body: ([UnsafeMutablePointer<Element>]) -> Void) -> [[Element]] {
        var bases: [UnsafeMutablePointer<Element>] = []
        bases.reserveCapacity(count)
        var made = [[Element]](repeating: [], count: count)
        // Each array is made inside the making of the one before: every memory is valid in `body`.
        func make(_ k: Int) {
            guard k < count else { return body(bases) }
            made[k] = [Element](unsafeUninitializedCapacity: Swift.max(1, size)) { buffer, written in
                bases.append(buffer.baseAddress!)
                make(k + 1)
                written = size
            }
        }
        make(0)
        return made
    }
}
