/// Plain records a run reads each month (its vendor sales, capacity deals and loans with
/// the run's levers applied, the dependent deals' terms, the tranches' milestones) in
/// memory of their own (`RunMemory`), read in place through `base`: a field is loaded
/// where it is used, not the whole record copied out of an array before the first branch.
struct RunRecords<Element> {
    /// Owns the memory (none for no records); freed with the last copy of these records.
    private let memory: RunMemory<Element>?
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// The records `make(k)` gives for k in `0 ..< count`, those not nil, in order, made
    /// straight into their memory.
    init(count: Int, _ make: (Int) -> Element?) {
        let (memory, written) = RunMemory.make(count: count, make)
        self.memory = memory
        base = memory.column(written).base
        self.count = written
    }

    /// No records, in no memory.
    init() {
        (memory, base, count) = (nil, .nowhere, 0)
    }

    init(_ records: [Element]) { self.init(count: records.count) { records[$0] } }

    var indices: Range<Int> { 0..<count }
}

/// Records are written once, while they are made, then only read: the plan's
/// (`LoopPlan.dependentTerms`, `milestones`) by any thread's run, safely.
extension RunRecords: @unchecked Sendable where Element: Sendable {}
