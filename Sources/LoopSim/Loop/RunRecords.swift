/// Plain records a run reads each month (its vendor sales, capacity deals and loans with
/// the run's levers applied, the dependent deals' terms, the tranches' milestones) in
/// memory of their own (`RunMemory`), read in place through `base`: a field is loaded
/// where it is used, not the whole record copied out of an array before the first branch.
struct RunRecords<Element> {
    /// Owns the memory; freed with the last copy of these records.
    private let memory: RunMemory<Element>
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ records: [Element]) {
        memory = RunMemory(records)
        let all = memory.column(records.count)
        base = all.base
        count = all.count
    }

    var indices: Range<Int> { 0..<count }
}
