import Dispatch

/// Monte Carlo over any loop: each path draws the loop levers from `LoopUncertainty`
/// (its own seeded stream, so the result is the same whatever the thread count) and
/// records, for every entity that is not external, the month its cash first goes below
/// zero.
public enum LoopMonteCarlo {
    /// What a run found, per tracked entity (`entities` lists their indices).
    public struct Result: Sendable, Equatable {
        public var paths: Int
        public var months: Int
        public var entities: [Int]
        /// Share of paths in which each entity runs out within the horizon, and within 24 months.
        public var runOut: [Double]
        public var runOutWithin24: [Double]
        /// Share of paths in which each entity is the first to run out.
        public var first: [Double]
        /// Median of each entity's lowest cash over the horizon.
        public var medianLowestCash: [Double]
    }

    /// Runs `paths` paths of `loop` for `months` months on `threads` threads.
    public static func run(_ loop: MoneyLoop, uncertainty: LoopUncertainty = LoopUncertainty(), base: LoopLevers = LoopLevers(),
                           paths: Int, seed: UInt64, threads: Int = MonteCarlo.defaultThreads,
                           months: Int? = nil) -> Result
    {
        let paths = max(1, min(MonteCarlo.maxPaths, paths))
        let horizon = max(1, min(Scenario.maxHorizon, months ?? loop.horizon))
        let tracked = loop.entities.indices.filter { !loop.entities[$0].external }
        let k = tracked.count
        let runOut = UnsafeMutableBufferPointer<Int32>.allocate(capacity: paths * k)
        let lowest = UnsafeMutableBufferPointer<Double>.allocate(capacity: paths * k)
        defer { runOut.deallocate(); lowest.deallocate() }
        let out = SendableBuffers(runOut: runOut, lowest: lowest)
        let workers = max(1, min(threads, paths))
        let work: @Sendable (Int) -> Void = { w in
            let plan = LoopPlan(loop)
            var i = w
            while i < paths {
                var rng = PathRandom(seed: seed, path: i)
                let levers = uncertainty.draw(&rng, base: base)
                for j in 0..<k { out.runOut[i * k + j] = -1; out.lowest[i * k + j] = .infinity }
                LoopEngine.finalCash(plan, levers: levers, months: horizon) { t, cash in
                    for (j, e) in tracked.enumerated() {
                        let c = cash[e]
                        if c < out.lowest[i * k + j] { out.lowest[i * k + j] = c }
                        if c < -Projection.roundingDollars, out.runOut[i * k + j] < 0 { out.runOut[i * k + j] = Int32(t) }
                    }
                }
                i += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        var result = Result(paths: paths, months: horizon, entities: tracked, runOut: Array(repeating: 0, count: k),
                            runOutWithin24: Array(repeating: 0, count: k), first: Array(repeating: 0, count: k),
                            medianLowestCash: [])
        let share = 1 / Double(paths)
        for i in 0..<paths {
            var best: (Int, Int32)?
            for j in 0..<k {
                let r = runOut[i * k + j]
                guard r >= 0 else { continue }
                result.runOut[j] += share
                if r <= 24 { result.runOutWithin24[j] += share }
                if best == nil || r < best!.1 { best = (j, r) }
            }
            if let best { result.first[best.0] += share }
        }
        result.medianLowestCash = (0..<k).map { j in
            let v = (0..<paths).map { lowest[$0 * k + j] }.sorted()
            return v[v.count / 2]
        }
        return result
    }
}

/// The raw per-path outcome buffers, written by path index only (no two workers share a slot).
private struct SendableBuffers: @unchecked Sendable {
    let runOut: UnsafeMutableBufferPointer<Int32>
    let lowest: UnsafeMutableBufferPointer<Double>
}

/// The ranges a loop Monte Carlo draws its levers from (uniform; assumptions).
public struct LoopUncertainty: Sendable, Equatable {
    public var demandDelay: ClosedRange<Int> = 0...9
    public var buildDelay: ClosedRange<Int> = 0...6
    public var rateShock: ClosedRange<Double> = 0...0.02
    /// How much of each non-binding deal happens on a path.
    public var nonBinding: ClosedRange<Double> = 0...1
    public var utilizationScale: ClosedRange<Double> = 0.9...1.2
    public init() {}

    func draw(_ rng: inout PathRandom, base: LoopLevers) -> LoopLevers {
        var l = base
        func pick(_ r: ClosedRange<Double>) -> Double { r.lowerBound + (r.upperBound - r.lowerBound) * rng.unit() }
        l.demandDelay = base.demandDelay + demandDelay.lowerBound
            + Int(Double(demandDelay.count) * rng.unit())
        l.buildDelay = base.buildDelay + buildDelay.lowerBound + Int(Double(buildDelay.count) * rng.unit())
        l.rateShock = base.rateShock + pick(rateShock)
        l.nonBinding = base.nonBinding * pick(nonBinding)
        l.utilizationScale = base.utilizationScale * pick(utilizationScale)
        return l
    }
}
