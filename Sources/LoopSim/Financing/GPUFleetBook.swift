/// A GPU fleet's book, cohort by cohort (oldest first), depreciated straight-line over a
/// useful life (6 years as CoreWeave files, 4 as some peers): the collateral value lenders
/// lend against, the GPUs that reach the end of their life and retire (to be replaced),
/// and the share of life left in the oldest GPUs — what they re-lease at off contract.
public struct GPUFleetBook: Sendable {
    /// One purchase: how many GPUs, what they cost, the month they entered service.
    struct Cohort: Sendable, Equatable {
        var gpus: Double
        var cost: Double
        var month: Int
    }

    /// Months a GPU is depreciated over and kept in service; may change (a lever).
    public var usefulLifeMonths: Int { didSet { usefulLifeMonths = Swift.max(1, usefulLifeMonths) } }
    /// The cohorts in service are `cohorts[first...]`: retiring moves `first` on (a month's
    /// retirement costs no shift of the rest), and the retired prefix is dropped once it is
    /// as long as what is left.
    private var cohorts: [Cohort] = []
    private var first = 0

    public init(usefulLifeMonths: Int) { self.usefulLifeMonths = Swift.max(1, usefulLifeMonths) }

    /// Makes room for `count` cohorts in all, so that adding them allocates nothing more.
    public mutating func reserveCapacity(_ count: Int) { cohorts.reserveCapacity(count) }

    /// Adds `gpus` costing `cost` in all, in service from `month` (negative: before the start).
    public mutating func add(gpus: Double, cost: Double, month: Int) {
        guard gpus > 0 else { return }
        let c = Cohort(gpus: gpus, cost: Swift.max(0, cost), month: month)
        // Kept oldest first; purchases arrive in month order, so this is nearly always an append.
        if first < cohorts.count, cohorts[cohorts.count - 1].month > month {
            cohorts.insert(c, at: cohorts[first...].firstIndex { $0.month > month } ?? cohorts.count)
        } else {
            cohorts.append(c)
        }
    }

    /// The average share of useful life left, at `month`, in the oldest `count` GPUs (each
    /// 1 − age ÷ life, as its book value): the price share a GPU re-leases at once off
    /// contract. `unbooked` GPUs of unknown age (an opening fleet without a book) count first,
    /// as new. 1 when there are none.
    public func lifeLeftShare(oldest count: Double, month: Int, unbooked: Double = 0) -> Double {
        guard count > 0, count.isFinite else { return 1 }
        var left = count, sum = Swift.min(count, Swift.max(0, unbooked))
        left -= sum
        let life = Double(usefulLifeMonths)
        for i in first..<cohorts.count {
            guard left > 0 else { break }
            let c = cohorts[i]
            let n = Swift.min(left, c.gpus)
            sum += n * Swift.max(0, 1 - Double(Swift.max(0, month - c.month)) / life)
            left -= n
        }
        return Swift.min(1, Swift.max(0, (sum + Swift.max(0, left)) / count))
    }

    /// The fleet's book value at `month`: each cohort's cost less straight-line depreciation.
    public func bookValue(month: Int) -> Double {
        var sum = 0.0
        for i in first..<cohorts.count {
            let age = Double(Swift.max(0, month - cohorts[i].month))
            sum += cohorts[i].cost * Swift.max(0, 1 - age / Double(usefulLifeMonths))
        }
        return sum
    }

    /// Whether some cohort's life has ended by `month` (what `retire(through:)` would remove).
    public func retires(through month: Int) -> Bool {
        first < cohorts.count && cohorts[first].month + usefulLifeMonths <= month
    }

    /// Removes the cohorts whose life has ended by `month` and returns how many GPUs
    /// they held (a shorter life set mid-run retires the overdue ones at once).
    /// Cohorts are kept oldest first under one life, so those that ended are a prefix.
    public mutating func retire(through month: Int) -> Double {
        var gone = 0.0, ended = first
        let life = usefulLifeMonths
        while ended < cohorts.count, cohorts[ended].month + life <= month {
            gone += cohorts[ended].gpus
            ended += 1
        }
        first = ended
        if first > 0, 2 * first >= cohorts.count {
            cohorts.removeFirst(first)
            first = 0
        }
        return gone
    }

    /// GPUs in the book.
    public var gpus: Double {
        var sum = 0.0
        for i in first..<cohorts.count { sum += cohorts[i].gpus }
        return sum
    }

    /// GPUs retiring in the months after `month`, up to and including `month + months`.
    public func retiring(after month: Int, within months: Int) -> Double {
        var sum = 0.0
        for i in first..<cohorts.count {
            let end = cohorts[i].month + usefulLifeMonths
            sum += (end > month && end <= month + months ? cohorts[i].gpus : 0)
        }
        return sum
    }
}

extension GPUFleetBook: Equatable {
    /// Two books are equal when their lives and the cohorts in service are (the retired
    /// prefix not yet dropped is not part of the book).
    public static func == (a: GPUFleetBook, b: GPUFleetBook) -> Bool {
        a.usefulLifeMonths == b.usefulLifeMonths && a.cohorts[a.first...] == b.cohorts[b.first...]
    }
}
