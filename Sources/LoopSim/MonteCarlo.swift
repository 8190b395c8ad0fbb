import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monte Carlo over a scenario's uncertainty (DESIGN §2): N paths, each with its own
/// random stream seeded from (seed, path index), split across threads in chunks with
/// `DispatchQueue.concurrentPerform`. Paths write to their own slots and the summary
/// sorts them, so the result is identical whatever the number of threads.
public enum MonteCarlo {
    public static let defaultPaths = 2_000
    /// The most paths a run takes (their cash: about 190 MB at 120 months).
    public static let maxPaths = 100_000
    /// Paths per unit of work a thread takes at a time.
    static let chunk = 64

    /// The companies whose cash and runway a run tracks.
    public static let companies: [Node] = [.coreweave, .vast]

    /// The processors online: the default number of threads.
    public static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `paths` paths of `scenario` under `schedule` (the scenario's values when nil)
    /// sampling `uncertainty` (the scenario's when nil), for `months` months (the
    /// scenario's horizon when nil). `progress` is called from worker threads with the
    /// paths done and the total, after each chunk. Returns nil when `control` was cancelled.
    public static func run(_ scenario: Scenario, schedule: LeverSchedule? = nil, uncertainty: Uncertainty? = nil,
                           paths: Int = defaultPaths, seed: UInt64, threads: Int = defaultThreads,
                           months: Int? = nil, control: MonteCarloControl = MonteCarloControl(),
                           progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> MonteCarloResult?
    {
        let paths = max(1, min(maxPaths, paths))
        let horizon = Engine.horizon(scenario, months: months)
        let schedule = schedule ?? scenario.schedule
        let uncertainty = uncertainty ?? scenario.uncertainty
        let store = PathStore(paths: paths, months: horizon + 1, companies: companies.count)
        let chunks = (paths + chunk - 1) / chunk
        let nextChunk = Locked(0)
        let workers = max(1, min(threads, chunks))
        let work: @Sendable (Int) -> Void = { _ in
            var events = PathEvents()
            while !control.isCancelled {
                let c = nextChunk.with { n in defer { n += 1 }; return n }
                guard c < chunks else { return }
                let range = c * chunk..<min(paths, (c + 1) * chunk)
                for i in range {
                    if control.isCancelled { return }
                    var rng = PathRandom(seed: seed, path: i)
                    let drawn = uncertainty.draw(&rng, schedule: schedule, horizon: horizon, events: &events)
                    store.record(path: i) { body in
                        Engine.run(scenario, schedule: drawn, horizon: horizon, events: events, flows: false, body)
                    }
                }
                let done = control.complete(range.count)
                progress?(done, paths)
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        guard !control.isCancelled else { return nil }
        let sampled = uncertainty.parameters.filter { !$0.distribution.isFixed }.count
            + uncertainty.shocks.filter { $0.chance > 0 }.count
        return store.summarize(scenario: scenario, horizon: horizon, seed: seed, sampled: sampled, threads: workers)
    }
}

/// The raw outcome of every path: cash per company, month and path (month-major, so a
/// month's paths sit together for sorting), and the month each company ran out.
final class PathStore: @unchecked Sendable {
    let paths: Int
    let months: Int
    let companies: Int
    /// `cash[(company × months + month) × paths + path]`.
    private let cash: UnsafeMutableBufferPointer<Double>
    /// `runOut[company × paths + path]`: the month cash first went below zero, −1 never.
    private let runOut: UnsafeMutableBufferPointer<Int32>

    init(paths: Int, months: Int, companies: Int) {
        self.paths = paths; self.months = months; self.companies = companies
        cash = .allocate(capacity: paths * months * companies)
        cash.initialize(repeating: 0)
        runOut = .allocate(capacity: paths * companies)
        runOut.initialize(repeating: -1)
    }

    deinit {
        cash.deallocate()
        runOut.deallocate()
    }

    /// Records the snapshots `run` produces as the outcome of path `i`. Each path writes
    /// only its own slots, so threads never touch the same memory.
    func record(path i: Int, _ run: ((MonthSnapshot) -> Void) -> Void) {
        let stride = months * paths
        var out = (Int32(-1), Int32(-1))
        run { snap in
            let t = snap.month
            guard t < months else { return }
            let cw = snap.coreweave.cash, vast = snap.vast.cash
            cash[t * paths + i] = cw
            cash[stride + t * paths + i] = vast
            if out.0 < 0, cw < 0 { out.0 = Int32(t) }
            if out.1 < 0, vast < 0 { out.1 = Int32(t) }
        }
        runOut[i] = out.0
        runOut[paths + i] = out.1
    }

    /// Percentile bands per month (columns sorted in parallel), runway counts, and who
    /// ran out first.
    func summarize(scenario: Scenario, horizon: Int, seed: UInt64, sampled: Int, threads: Int) -> MonteCarloResult {
        let columns = companies * months
        let levels = Bands.levels
        let quantiles = SharedBuffer<Double>(count: columns * levels.count)
        defer { quantiles.deallocate() }
        let sortColumns: @Sendable (Int) -> Void = { w in
            for col in stride(from: w, to: columns, by: threads) {
                var column = UnsafeMutableBufferPointer(rebasing: self.cash[col * self.paths..<(col + 1) * self.paths])
                column.sort()
                for (k, q) in levels.enumerated() {
                    quantiles.base[col * levels.count + k] = Percentile.of(sorted: UnsafeBufferPointer(column), q)
                }
            }
        }
        if threads == 1 { sortColumns(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: sortColumns) }

        var outcomes: [CompanyOutcome] = []
        for (ci, company) in MonteCarlo.companies.prefix(companies).enumerated() {
            var bands = Bands(months: months)
            for k in levels.indices {
                bands[k] = (0..<months).map { quantiles.base[(ci * months + $0) * levels.count + k] }
            }
            var counts = [Int](repeating: 0, count: months)
            var beyond = 0
            for i in 0..<paths {
                let m = Int(runOut[ci * paths + i])
                if m >= 0 { counts[m] += 1 } else { beyond += 1 }
            }
            outcomes.append(CompanyOutcome(company: company, cash: bands,
                                           runway: RunwayDistribution(counts: counts, beyondHorizon: beyond)))
        }
        var firstOut = [Int](repeating: 0, count: companies)
        var nobody = 0
        for i in 0..<paths {
            var best = -1, bestMonth = Int32.max
            for c in 0..<companies {
                let m = runOut[c * paths + i]
                if m >= 0, m < bestMonth { best = c; bestMonth = m }
            }
            if best >= 0 { firstOut[best] += 1 } else { nobody += 1 }
        }
        return MonteCarloResult(scenarioName: scenario.name, start: scenario.start, horizon: horizon, paths: paths,
                                seed: seed, sampled: sampled, companies: outcomes, firstOut: firstOut, nobodyOut: nobody)
    }
}

/// Memory the threads of a run share, each writing only its own slots.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>

    init(count: Int) { base = .allocate(capacity: count) }

    func deallocate() { base.deallocate() }
}
