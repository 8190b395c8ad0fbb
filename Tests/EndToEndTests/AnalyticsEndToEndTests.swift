import Foundation
import TestSupport
import Testing

/// `m`, `K` and `c` in the real binary: the Monte Carlo runs in the background while
/// keys keep working, and the overlays open and close.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct AnalyticsEndToEndTests {
    @Test func bandsTornadoAndComparison() async throws {
        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        try await t.waitFor { $0.contains("Revenue runway") }
        try t.send("m")
        // While it runs, the clock still steps.
        try t.send(".")
        let stepped = try await t.waitFor { $0.contains("month 1/60") }
        #expect(stepped.contains("month 1/60"), "a key waited for the Monte Carlo:\n\(stepped)")
        let bands = try await t.waitFor(timeout: 30) { $0.contains("P(<24 mo)") }
        #expect(bands.contains("░") && bands.contains("▒"), "no fan bands:\n\(bands)")
        try t.send("K")
        let tornado = try await t.waitFor { $0.contains("Sensitivity: CoreWeave first needs money") }
        #expect(tornado.contains("Contract revenue per reserved"), "no tornado:\n\(tornado)")
        try t.send("Escape")
        try t.send("c")
        let picker = try await t.waitFor { $0.contains("Compare the what-if with") && $0.contains("price-war") }
        #expect(picker.contains("price-war"), "no scenario list:\n\(picker)")
        try t.send("Enter")
        let deltas = try await t.waitFor { $0.contains("Compare: this what-if vs") }
        #expect(deltas.contains("CoreWeave first needs money") && deltas.contains("difference"), "no deltas:\n\(deltas)")
        try t.send("Escape")
        try t.send("q")
        #expect(await t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(try t.format("#{alternate_on}") == "0")
    }
}
