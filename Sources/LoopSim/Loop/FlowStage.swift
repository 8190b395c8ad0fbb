/// The flows of a run, written in place as they are emitted — no uniqueness check or
/// reference count per flow, as an array append has — in the order they were emitted.
/// They go into memory of its own (a `RunMemory`, made when first needed, doubling when
/// full) or, once given one, into a buffer the caller owns: the memory of the array being
/// made of them, so that the projection's flows are never copied (`write(into:)`,
/// `leave(_:)`) and a stage that writes there from the start never allocates.
struct FlowStage {
    private(set) var base: UnsafeMutablePointer<LoopFlow>
    private(set) var count = 0
    private var capacity = 0
    /// Room for its first memory of its own.
    private let room: Int
    /// Its own memory once it has any, and all of it as a column; `base` is elsewhere while
    /// it writes into a caller's buffer, and nowhere (room for 0) before it has either.
    private var memory: RunMemory<LoopFlow>?
    private var own: RunColumn<LoopFlow>
    private var borrowed = false

    /// Room for `capacity` flows (at least 16) once it first needs memory of its own.
    init(capacity: Int) {
        room = max(16, capacity)
        // No memory yet: an append grows first.
        own = RunColumn(base: .nowhere, count: 0)
        base = own.base
    }

    mutating func append(_ flow: LoopFlow) {
        if count == capacity { grow() }
        (base + count).initialize(to: flow)
        count += 1
    }

    /// Every flow so far, in order (a copy).
    var flows: [LoopFlow] { UnsafeBufferPointer(start: base, count: count).array }

    /// From now on writes into `buffer` (the flows so far moved there when they fit), until
    /// `leave(buffer)`; outgrowing it, they move back to memory of its own.
    mutating func write(into buffer: UnsafeMutableBufferPointer<LoopFlow>) {
        guard let to = buffer.baseAddress, buffer.count > 0, buffer.count >= count, !borrowed else { return }
        to.moveInitialize(from: base, count: count)
        (base, capacity, borrowed) = (to, buffer.count, true)
    }

    /// Stops writing into `buffer`: the number of flows it holds (every flow, then the stage
    /// is emptied), or nil when they outgrew it and are in the stage's own memory.
    mutating func leave(_ buffer: UnsafeMutableBufferPointer<LoopFlow>) -> Int? {
        guard borrowed, base == buffer.baseAddress else { return nil }
        defer { (base, capacity, count, borrowed) = (own.base, own.count, 0, false) }
        return count
    }

    private mutating func grow() {
        let moved = RunMemory<LoopFlow>.make(unwritten: memory == nil && !borrowed ? room : max(16, 2 * capacity))
        let column = moved.column(moved.header.capacity)
        column.base.moveInitialize(from: base, count: count)
        // The old memory, when its own, is freed with its last reference.
        (memory, own, base, capacity, borrowed) = (moved, column, column.base, column.count, false)
    }
}
