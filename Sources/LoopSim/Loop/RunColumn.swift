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
/// run asks for them, freed with the run. A class only to own the memory, its elements
/// allocated with it (`ManagedBuffer`): one allocation, not two.
final class RunMemory<Element>: ManagedBuffer<RunMemoryCounts, Element> {
    /// Room for `capacity` elements, all `initial`.
    static func make(capacity: Int, initial: Element) -> RunMemory {
        let memory = empty(capacity)
        memory.withUnsafeMutablePointers { counts, base in
            base.initialize(repeating: initial, count: counts.pointee.capacity)
            counts.pointee.initialized = counts.pointee.capacity
        }
        return memory
    }

    /// Room for `capacity` plain values (no references), each written before it is read:
    /// nothing to set first or to tear down.
    static func make(unwritten capacity: Int) -> RunMemory where Element: BitwiseCopyable { empty(capacity) }

    /// The values `make(k)` gives for k in `0 ..< count`, those not nil, in order, made in place
    /// (no array of them first): `column(written)` is a column of them.
    static func make(count: Int, _ make: (Int) -> Element?) -> (memory: RunMemory, written: Int) {
        let memory = empty(count)
        let written = memory.withUnsafeMutablePointers { counts, base in
            for k in 0..<count {
                guard let value = make(k) else { continue }
                (base + counts.pointee.initialized).initialize(to: value)
                counts.pointee.initialized += 1
            }
            return counts.pointee.initialized
        }
        return (memory, written)
    }

    /// Room for `capacity` elements (at least one), none of them written yet.
    private static func empty(_ capacity: Int) -> RunMemory {
        let room = max(1, capacity)
        let memory = create(minimumCapacity: room) { _ in RunMemoryCounts(capacity: room) }
        // `create` called on this class makes an instance of it.
        return unsafeDowncast(memory, to: RunMemory.self)
    }

    deinit {
        _ = withUnsafeMutablePointers { counts, base in base.deinitialize(count: counts.pointee.initialized) }
    }

    /// The next `count` elements as a column, as they are (`initial`, or the values given).
    func column(_ count: Int) -> RunColumn<Element> {
        withUnsafeMutablePointers { counts, base in
            precondition(counts.pointee.used + count <= counts.pointee.capacity, "run memory too small")
            let c = RunColumn(base: base + counts.pointee.used, count: count)
            counts.pointee.used += count
            return c
        }
    }

    /// The next `count` elements as a column, each `value`.
    func column(_ count: Int, _ value: Element) -> RunColumn<Element> {
        let c = column(count)
        c.fill(value)
        return c
    }

    /// The next `values.count` elements as a column holding `values`.
    func column(_ values: [Element]) -> RunColumn<Element> {
        let c = column(values.count)
        for (i, v) in values.enumerated() { c[i] = v }
        return c
    }
}

/// What a `RunMemory` holds: room for `capacity` elements, the first `initialized` of them
/// holding values, the first `used` of them given out as columns.
struct RunMemoryCounts {
    let capacity: Int
    var initialized = 0, used = 0
}

extension UnsafeMutablePointer {
    /// An address for zero elements (a column or records of none): never read or written.
    static var nowhere: UnsafeMutablePointer { UnsafeMutablePointer(bitPattern: MemoryLayout<Pointee>.alignment)! }
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
    static func written(_ count: Int, size: Int, _ body: (UnsafeBufferPointer<UnsafeMutablePointer<Element>>) -> Void)
        -> [[Element]]
    {
        var made = [[Element]](repeating: [], count: count)
        // The memories' addresses on the stack, not in an array of their own.
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Element>.self, capacity: count) { bases in
            // Each array is made inside the making of the one before: every memory is valid in `body`.
            func make(_ k: Int) {
                guard k < count else { return body(UnsafeBufferPointer(bases)) }
                made[k] = [Element](unsafeUninitializedCapacity: Swift.max(1, size)) { buffer, written in
                    bases.initializeElement(at: k, to: buffer.baseAddress!)
                    make(k + 1)
                    written = size
                }
            }
            make(0)
        }
        return made
    }
}
