import Foundation
import Testing

/// Compares text with a golden file under `Tests/LoopDashboardTests/Goldens/`; with
/// `MONEYLOOP_UPDATE_GOLDENS=1` it rewrites the file instead (review the diff as text).
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    let url = dir.appendingPathComponent(name + ".txt")
    let body = text + "\n"
    if ProcessInfo.processInfo.environment["MONEYLOOP_UPDATE_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? body.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden \(name).txt: run with MONEYLOOP_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != body {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = body.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        Issue.record("""
            \(name).txt differs at line \(line + 1):
            expected: \(line < e.count ? String(e[line]) : "<end>")
            actual:   \(line < a.count ? String(a[line]) : "<end>")
            (MONEYLOOP_UPDATE_GOLDENS=1 rewrites it)
            """, sourceLocation: sourceLocation)
    }
}
