import LoopDashboard
import LoopSim
import Testing

/// The view at every width from 1 to 300 and every height from 1 to 100 (each crossed with a
/// few of the other), the panel states taken in turn: a frame of exactly that size, the "too
/// small" message below 80×24, and the status and hint lines at or above it. A resize storm
/// can land on any of these sizes.
@Suite struct ViewSizeTests {
    static func models() -> [Model] {
        var out: [Model] = []
        for focus in Panel.allCases {
            for maximized in [false, true] {
                var m = Model(paused: true)
                m.focus = focus
                m.maximized = maximized
                m.compactTab = focus == .levers ? .graph : focus
                out.append(m)
            }
        }
        var help = Model(paused: true)
        help.showHelp = true
        help.month = help.horizon
        out.append(help)
        return out
    }

    /// Every width at the heights around the layouts' limits, every height at the widths
    /// around them, and random pairs from a resize storm's range.
    static var sizes: [(Int, Int)] {
        var s: [(Int, Int)] = []
        for w in 1...300 { for h in [23, 24, 40] { s.append((w, h)) } }
        for h in 1...100 { for w in [79, 80, 120] { s.append((w, h)) } }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<100 { s.append((Int.random(in: 10...300, using: &rng), Int.random(in: 4...100, using: &rng))) }
        return s
    }

    @Test func everyWidthAndHeightInEveryState() {
        let models = Self.models()
        for (i, (w, h)) in Self.sizes.enumerated() {
            let n = i % models.count
            let f = view(models[n], width: w, height: h, caps: .standard)
            #expect(f.width == w && f.height == h)
            let rows = f.text.split(separator: "\n", omittingEmptySubsequences: false)
            if w < Layout.minimumWidth || h < Layout.minimumHeight {
                if w >= 22 && h >= 4 {
                    #expect(f.text.contains("terminal too small"), "state \(n) at \(w)x\(h)")
                }
            } else {
                #expect(!f.text.contains("too small"), "state \(n) at \(w)x\(h)")
                #expect(rows.first?.hasPrefix(" moneyloop") == true, "state \(n) at \(w)x\(h): no status line")
                #expect(rows.count == h && rows[h - 1].contains("help"), "state \(n) at \(w)x\(h): no hint line")
            }
        }
    }
}
