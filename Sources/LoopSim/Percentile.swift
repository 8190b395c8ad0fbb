/// Percentiles of a sample, by linear interpolation between the closest ranks (the
/// usual definition of spreadsheets and NumPy): the q-th percentile of sorted values
/// x₀ … xₙ₋₁ sits at position q × (n − 1).
public enum Percentile {
    /// The `q` percentile (0 … 1) of `sorted` (ascending); 0 when empty.
    public static func of(sorted: UnsafeBufferPointer<Double>, _ q: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let pos = min(1, max(0, q)) * Double(sorted.count - 1)
        let i = Int(pos)
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (pos - Double(i)) * (sorted[i + 1] - sorted[i])
    }

    /// The `q` percentile (0 … 1) of `values` in any order; 0 when empty.
    public static func of(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        return sorted.withUnsafeBufferPointer { of(sorted: $0, q) }
    }
}

/// Percentile bands of a quantity over months: five values per month.
public struct Bands: Sendable, Equatable {
    /// The percentiles the bands hold: 5, 25, 50, 75, 95.
    public static let levels: [Double] = [0.05, 0.25, 0.50, 0.75, 0.95]

    public var p5: [Double]
    public var p25: [Double]
    public var p50: [Double]
    public var p75: [Double]
    public var p95: [Double]

    public init(p5: [Double], p25: [Double], p50: [Double], p75: [Double], p95: [Double]) {
        self.p5 = p5; self.p25 = p25; self.p50 = p50; self.p75 = p75; self.p95 = p95
    }

    /// Empty bands for `months` months, filled in by the run.
    init(months: Int) {
        let zero = [Double](repeating: 0, count: months)
        self.init(p5: zero, p25: zero, p50: zero, p75: zero, p95: zero)
    }

    /// The band of one level (index into `levels`).
    public subscript(level: Int) -> [Double] {
        get { [p5, p25, p50, p75, p95][level] }
        set {
            switch level {
            case 0: p5 = newValue
            case 1: p25 = newValue
            case 2: p50 = newValue
            case 3: p75 = newValue
            default: p95 = newValue
            }
        }
    }

    /// The lowest and highest value of any band (for a chart's scale).
    public var range: (min: Double, max: Double) {
        ((p5.min() ?? 0), (p95.max() ?? 0))
    }
}

/// How many months of runway a company had across the paths of a run.
public struct RunwayDistribution: Sendable, Equatable {
    /// `counts[m]`: the paths whose cash first went below zero in month m (0 … horizon).
    public var counts: [Int]
    /// The paths that never ran out within the horizon.
    public var beyondHorizon: Int

    public init(counts: [Int], beyondHorizon: Int) { self.counts = counts; self.beyondHorizon = beyondHorizon }

    public var paths: Int { counts.reduce(0, +) + beyondHorizon }
    public var horizon: Int { counts.count - 1 }

    /// P(runway < `months`): the share of paths that ran out before month `months`.
    public func probability(below months: Int) -> Double {
        guard paths > 0 else { return 0 }
        return Double(counts.prefix(max(0, months)).reduce(0, +)) / Double(paths)
    }

    /// The first month by which a share `q` of the paths had run out; nil when fewer
    /// than that ran out within the horizon.
    public func percentile(_ q: Double) -> Int? {
        let need = Double(paths) * min(1, max(0, q))
        var seen = 0
        for (m, n) in counts.enumerated() {
            seen += n
            if n > 0, Double(seen) >= need { return m }
        }
        return nil
    }
}
