/// The flows of a run, written in place as they are emitted — no uniqueness check or
/// reference count per flow, as an array append has — in the order they were emitted.
/// They go into memory of its own (a `RunMemory`, doubling when full) or, once given
/// one, into a buffer the caller owns: the memory of the array being made of them, so
/// that the projection's flows are never copied (`write(into:)`, `leave(_:)`).
struct FlowStage {
    private(set) var base: UnsafeMutablePointer<LoopFlow>
    private(set) var count = 0
    private var capacity: Int
    /// Its own memory, and all of it as a column; `base` is elsewhere while it writes into
    /// a caller's buffer.
    private var memory: RunMemory<LoopFlow>
    private var own: RunColumn<LoopFlow>
    private var borrowed = false

    /// Room for `capacity` flows to begin with.
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        (memory, own) = Self.memory(self.capacity)
        base = own.base
    }

    /// Memory for `capacity` flows, not written yet (flows are plain values: nothing to tear down).
    private static func memory(_ capacity: Int) -> (RunMemory<LoopFlow>, RunColumn<LoopFlow>) {
        let memory = RunMemory<LoopFlow>(unwritten: capacity)
        return (memory, memory.column(capacity))
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
        let (moved, column) = Self.memory(max(16, 2 * capacity))
        column.base.moveInitialize(from: base, count: count)
        // The old memory, when its own, is freed with its last reference.
        (memory, own, base, capacity, borrowed) = (moved, column, column.base, column.count, false)
    }
}
