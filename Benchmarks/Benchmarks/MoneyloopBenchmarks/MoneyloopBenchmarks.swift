// The hot paths of moneyloop, measured with package-benchmark: the projection, the view of
// each layout, and the pure part of the blit (which cells changed between two frames).
// Budgets (DESIGN §6): projection of 120 months ≤ 100 µs; view of a 200×60 frame ≤ 2 ms;
// Monte Carlo of 10,000 paths × 60 months < 1 s on 2 cores.
// Run from Benchmarks/: `swift package benchmark`.
import Benchmark
import Foundation
import LoopConfig
import LoopDashboard
import LoopSim

/// A running model a year in, with one what-if change, as a viewer sees it.
func runningModel() -> Model {
    var m = Model(scenario: .article2025, paused: false)
    m.month = 12
    m.setLever("cw.utilization", to: 0.85)
    return m
}

/// The sizes of the three layouts.
let layouts: [(name: String, width: Int, height: Int)] = [
    ("compact 80x24", 80, 24),
    ("standard 120x40", 120, 40),
    ("wide 200x60", 200, 60),
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    // The whole 120-month deterministic projection, as a lever change recomputes it.
    let scenario = Scenario.article2025
    let schedule: LeverSchedule = {
        var s = LeverSchedule(base: scenario.parameters, changes: scenario.changes)
        s.apply(LeverChange(month: 6, id: "cw.utilization", value: 0.9))
        return s
    }()
    Benchmark("Engine.project 120 months") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Engine.project(scenario, schedule: schedule, months: 120))
        }
    }

    // A lever step as a key press does it: clamp, schedule, projection.
    Benchmark("Model.setLever (one key press)") { benchmark in
        var m = runningModel()
        var up = true
        for _ in benchmark.scaledIterations {
            _ = update(&m, .key(up ? .right : .left))
            up.toggle()
            blackHole(m.projection)
        }
    }

    // The view of each layout.
    for layout in layouts {
        Benchmark("view \(layout.name)") { benchmark in
            let m = runningModel()
            for _ in benchmark.scaledIterations {
                blackHole(view(m, width: layout.width, height: layout.height, caps: .standard))
            }
        }
    }

    // The blit's pure part at 120x40: which cells changed after one pulse step,
    // after one month, and when nothing changed (what the event loop skips).
    let m0 = runningModel()
    var m1 = m0
    _ = update(&m1, .frame)
    var m2 = m0
    _ = update(&m2, .tick)
    let before = view(m0, width: 120, height: 40, caps: .standard)
    let afterPulse = view(m1, width: 120, height: 40, caps: .standard)
    let afterTick = view(m2, width: 120, height: 40, caps: .standard)
    let cases: [(String, Frame?, Frame)] = [
        ("FrameDiff 120x40 one pulse step", before, afterPulse),
        ("FrameDiff 120x40 one month", before, afterTick),
        ("FrameDiff 120x40 unchanged", before, before),
        ("FrameDiff 120x40 first paint", nil, before),
    ]
    for (name, old, new) in cases {
        Benchmark(name) { benchmark in
            var diff = FrameDiff()
            for _ in benchmark.scaledIterations {
                diff.compute(from: old, to: new)
                blackHole(diff.changed.count)
            }
        }
    }
    // Two frames drawn apart (not one shared buffer): what the event loop's skip test compares.
    let again = view(m0, width: 120, height: 40, caps: .standard)
    Benchmark("Frame == 120x40 (the skip test)") { benchmark in
        let copy = again
        for _ in benchmark.scaledIterations {
            blackHole(before == copy)
        }
    }

    // One animation step end to end, without a terminal: update, view, diff.
    Benchmark("animation step 120x40 (update + view + diff)") { benchmark in
        var m = runningModel()
        var last = view(m, width: 120, height: 40, caps: .standard)
        var diff = FrameDiff()
        for _ in benchmark.scaledIterations {
            _ = update(&m, .frame)
            let next = view(m, width: 120, height: 40, caps: .standard)
            diff.compute(from: last, to: next)
            last = next
            blackHole(diff.changed.count)
        }
    }

    // Monte Carlo, as `m` runs it in the background: 10,000 paths × 60 months.
    for threads in [1, 2] {
        Benchmark("MonteCarlo 10000 paths x 60 months, \(threads) thread(s)",
                  configuration: .init(warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(MonteCarlo.run(scenario, paths: 10_000, seed: 1, threads: threads, months: 60))
            }
        }
    }

    // The second bundled loop through the generic engine: 12 entities, 120 months.
    let webPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios/ai-web-2025.yaml").path
    let web = try! LoopFile.load(contentsOf: webPath)
    Benchmark("LoopEngine.project ai-web-2025 (12 entities) 120 months") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LoopEngine.project(web, months: 120))
        }
    }
    Benchmark("LoopEngine.project ai-web-2025 120 months, open only (no closed-market run)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LoopEngine.project(web, months: 120, closed: false))
        }
    }
    Benchmark("LoopEngine.project ai-web-2025 120 months, no flow list") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LoopEngine.project(web, months: 120, flows: false))
        }
    }
    // After an edit of the loop (`:set entity.…`, a new file): its plan is built anew
    // before the projection (a lever key reuses the loop's plan).
    Benchmark("LoopEngine.project ai-web-2025 120 months, after an edit (plan built anew)") { benchmark in
        for _ in benchmark.scaledIterations {
            var edited = web
            edited.entities = web.entities
            blackHole(LoopEngine.project(edited, months: 120))
        }
    }
    // A lever key on the second loop as the dashboard takes it (paused, 120x40): `update`
    // (engine, round-trip ledgers, headlines), then the view of the new frame.
    Benchmark("loop lever key ai-web-2025 (update + view 120x40)") { benchmark in
        var m = Model(paused: true)
        m.load(LoopSession(loop: web))
        var left = true
        for _ in benchmark.scaledIterations {
            _ = update(&m, .key(left ? .left : .right))
            left.toggle()
            blackHole(view(m, width: 120, height: 40, caps: .standard))
        }
    }
    for threads in [1, 2] {
        Benchmark("LoopMonteCarlo ai-web-2025 10000 paths x 60 months, \(threads) thread(s)",
                  configuration: .init(warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(LoopMonteCarlo.run(web, paths: 10_000, seed: 1, threads: threads, months: 60))
            }
        }
    }
}
