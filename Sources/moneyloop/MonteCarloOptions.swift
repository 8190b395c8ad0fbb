import ArgumentParser
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LoopConfig
import LoopReport
import LoopSim

/// `--monte-carlo N`, `--seed S` and `--threads N` of `moneyloop simulate`, each read and
/// range-checked by the parser (one line naming the option, exit status 2).
struct MonteCarloOptions: ParsableArguments {
    @Option("monte-carlo", help: ArgumentHelp(
        "Run N Monte Carlo paths (\(PathCount.bounds); the dashboard uses 2,000) over the scenario's distributions "
            + "and shocks; table or JSON.", valueName: "N"))
    var paths: PathCount?

    @Option("seed", help: ArgumentHelp("Seed of the Monte Carlo paths (default 1): the same seed gives the "
        + "same numbers whatever the number of threads.", valueName: "S"))
    var seed: PathSeed?

    @Option("threads", help: ArgumentHelp("Threads for the Monte Carlo paths, \(ThreadCount.bounds) (default: the "
        + "processors online).", valueName: "N"))
    var threads: ThreadCount?

    /// What the options ask for, or nil when `--monte-carlo` is not given.
    struct Request {
        var paths: Int
        var seed: UInt64
        var threads: Int
    }

    func validate() throws {
        guard paths == nil else { return }
        let alone = "applies only with --monte-carlo N"
        if let seed { throw ConfigError(file: "--seed", keyPath: String(seed.value), message: alone) }
        if let threads { throw ConfigError(file: "--threads", keyPath: String(threads.value), message: alone) }
    }

    func resolve() -> Request? {
        guard let paths else { return nil }
        return Request(paths: paths.value, seed: seed?.value ?? 1, threads: threads?.value ?? MonteCarlo.defaultThreads)
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal, at most ten times a
/// second, and erased when done. Safe to call from the Monte Carlo's worker threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = Mutex(())
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(enabled: Bool = isatty(2) == 1) { self.enabled = enabled }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.withLock { _ in
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let text = ProgressText.line(done: done, total: total, elapsed: now.timeIntervalSince(start))
            StandardStream.error.write("\r" + text)
        }
    }

    /// Erases the bar.
    func finish() {
        guard enabled else { return }
        lock.withLock { _ in _ = StandardStream.error.write("\r\u{1B}[K") }
    }
}
