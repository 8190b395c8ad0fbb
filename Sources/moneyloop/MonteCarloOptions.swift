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

/// `--monte-carlo N`, `--seed S` and `--threads N` of `moneyloop simulate`, checked by the
/// shared error path (one line naming the option, exit status 2).
struct MonteCarloOptions: ParsableArguments {
    @Option(name: .customLong("monte-carlo"), help: ArgumentHelp(
        "Run N Monte Carlo paths (1 … 100,000; the dashboard uses 2,000) over the scenario's distributions "
            + "and shocks; table or JSON.", valueName: "N"))
    var paths: String?

    @Option(name: .long, help: ArgumentHelp("Seed of the Monte Carlo paths (default 1): the same seed gives the "
        + "same numbers whatever the number of threads.", valueName: "S"))
    var seed: String?

    @Option(name: .long, help: ArgumentHelp("Threads for the Monte Carlo paths (default: the processors online).",
                                            valueName: "N"))
    var threads: String?

    /// What the options ask for, or nil when `--monte-carlo` is not given.
    struct Request {
        var paths: Int
        var seed: UInt64
        var threads: Int
    }

    func resolve() throws(ConfigError) -> Request? {
        guard let paths else {
            for (name, given) in [("--seed", seed), ("--threads", threads)] where given != nil {
                throw ConfigError(file: name, keyPath: given ?? "", message: "applies only with --monte-carlo N")
            }
            return nil
        }
        let max = MonteCarlo.maxPaths
        guard let n = Self.whole(paths), (1...max).contains(n) else {
            throw ConfigError(file: "--monte-carlo", keyPath: paths,
                              message: "expected a whole number of paths, 1 … \(Format.grouped(Double(max)))")
        }
        var s: UInt64 = 1
        if let seed {
            guard let v = UInt64(seed.filter { $0 != "_" }) else {
                throw ConfigError(file: "--seed", keyPath: seed,
                                  message: "expected a whole number 0 … \(UInt64.max)")
            }
            s = v
        }
        var t = MonteCarlo.defaultThreads
        if let threads {
            guard let v = Self.whole(threads), (1...256).contains(v) else {
                throw ConfigError(file: "--threads", keyPath: threads, message: "expected a whole number, 1 … 256")
            }
            t = v
        }
        return Request(paths: n, seed: s, threads: t)
    }

    static func whole(_ text: String) -> Int? {
        Int(text.trimmingWhitespace().filter { $0 != "_" && $0 != "," })
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
