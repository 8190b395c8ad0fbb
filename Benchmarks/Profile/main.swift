// LoopProfile: CPU time per run of the generic loop engine, for `perf record` and for a
// machine too busy for wall-clock benchmarks (the CPU time of the process, not the
// clock). `swift build -c release --product LoopProfile`, then
// `.build/release/LoopProfile ../scenarios/ai-web-2025.yaml N MODE`, MODE one of
// project (flows and the closed-market run, as `simulate` and the dashboard use it),
// noflows, open (no closed-market run), edit (a projection after an edit of the loop, its
// plan built anew), mc (N Monte Carlo paths × 60 months, 1 thread),
// article (the article engine's 120-month projection, as a yardstick), and for a lever key
// in the dashboard (ai-web-2025 open, paused, 120×40): lever (update and view), update, view.
import Foundation
import LoopConfig
import LoopDashboard
import LoopSim

let web = try! LoopFile.load(contentsOf: CommandLine.arguments[1])
let n = Int(CommandLine.arguments[2]) ?? 2000
let mode = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : "project"
var sink = 0.0
let t0 = clock()
switch mode {
case "article":
    for _ in 0..<n { sink += Engine.project(.article2025, months: 120).months[120].coreweave.cash }
case "lever", "update", "view":
    // A lever key as the dashboard takes it, paused at 120×40: `update` (the engine, the
    // round-trip ledgers, the headlines) and/or `view` of the new frame.
    var m = Model(paused: true)
    m.load(LoopSession(loop: web))
    var left = true  // the first lever (firmness) starts at its top: ← then → both change it
    var frame = view(m, width: 120, height: 40, caps: .standard)
    for _ in 0..<n {
        if mode != "view" {
            _ = update(&m, .key(left ? .left : .right))
            left.toggle()
        }
        if mode != "update" { frame = view(m, width: 120, height: 40, caps: .standard) }
    }
    sink += Double(frame.width)
case "mc":
    sink += LoopMonteCarlo.run(web, paths: n, seed: 1, threads: 1, months: 60).runOut.reduce(0, +)
case "edit":
    // A projection after an edit of the loop: its plan is built anew first.
    for _ in 0..<n {
        var edited = web
        edited.entities = web.entities
        let p = LoopEngine.project(edited, months: 120)
        sink += p.cash[p.cash.count - 1]
    }
default:
    for _ in 0..<n {
        let p = LoopEngine.project(web, months: 120, flows: mode != "noflows", closed: mode != "open")
        sink += p.cash[p.cash.count - 1]
    }
}
let cpu = Double(clock() - t0) / Double(CLOCKS_PER_SEC)
print("\(mode): \(n) runs, \(String(format: "%.1f", cpu / Double(n) * 1e6)) µs of CPU per run (checksum \(sink))")
