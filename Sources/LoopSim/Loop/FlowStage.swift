/// The flows of the month being run, written in place — no uniqueness check or reference
/// count per flow, as an array append has — and moved to the run's list once a month
/// (`LoopRun.flows`), in the order they were emitted. Grows when a month has more flows
/// than it has room for. Its memory belongs to `FlowStageMemory`.
struct FlowStage {
    private(set) var base: UnsafeMutablePointer<LoopFlow>
    private(set) var count = 0
    private var capacity: Int
    private let memory: FlowStageMemory

    /// Room for `capacity` flows a month to begin with.
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

    /// Appends the month's flows to `flows` and empties the stage.
    mutating func flush(into flows: inout [LoopFlow]) {
        guard count > 0 else { return }
        flows.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    private mutating func grow() {
        capacity *= 2
        memory.resize(capacity, keeping: count)
        base = memory.base
    }
}

/// The memory of a `FlowStage`, freed with the run. A class only to own the memory.
final class FlowStageMemory {
    private(set) var base: UnsafeMutablePointer<LoopFlow>

    init(capacity: Int) { base = .allocate(capacity: capacity) }

    /// Moves the first `count` flows into new memory for `capacity`.
    func resize(_ capacity: Int, keeping count: Int) {
        let moved = UnsafeMutablePointer<LoopFlow>.allocate(capacity: capacity)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
    }

    // LoopFlow is plain values: nothing to deinitialize.
    deinit { base.deallocate() }
}
