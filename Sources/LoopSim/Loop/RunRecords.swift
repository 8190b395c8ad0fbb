/// Plain records a run reads each month (its loans, the dependent deals' terms, the
/// tranches' milestones) in memory of their own, read in place through a pointer: a field
/// is loaded where it is used, not the whole record copied out of an array before the
/// first branch. Freed with the run.
final class RunRecords<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ records: [Element]) {
        count = records.count
        base = .allocate(capacity: max(1, count))
        base.initialize(from: records, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
