/// The flows of a run, written in place as they are emitted — no uniqueness check or
/// reference count per flow, as an array append has — in the order they were emitted.
/// They go into memory of its own (`FlowStageMemory`, doubling when full) or, once given
/// one, into a buffer the caller owns: the memory of the array being made of them, so
/// that the projection's flows are never copied (`write(into:)`, `leave(_:)`).
struct FlowStage {
    private(set) var base: UnsafeMutablePointer<LoopFlow>
    private(set) var count = 0
    private var capacity: Int
    /// Its own memory; `base` is elsewhere while it writes into a caller's buffer.
    private var memory: FlowStageMemory
    private var borrowed = false

    /// Room for `capacity` flows to begin with.
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        memory = FlowStageMemory(capacity: self.capacity)
        base = memory.base
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
        defer { (base, capacity, count, borrowed) = (memory.base, memory.capacity, 0, false) }
        return count
    }

    private mutating func grow() {
        let moved = FlowStageMemory(capacity: max(16, 2 * capacity))
        moved.base.moveInitialize(from: base, count: count)
        // The old memory, when its own, is freed with its last reference.
        (memory, base, capacity, borrowed) = (moved, moved.base, moved.capacity, false)
    }
}

/// The memory of a `FlowStage`, freed with the run. A class only to own the memory.
final class FlowStageMemory {
    let base: UnsafeMutablePointer<LoopFlow>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    // LoopFlow is plain values: nothing to deinitialize.
    deinit { base.deallocate() }
}
