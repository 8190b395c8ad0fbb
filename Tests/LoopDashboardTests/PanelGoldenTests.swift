import LoopSim
import Testing
@testable import LoopDashboard

/// Text goldens of each layout and each panel (maximised) at three sizes.
@Suite struct PanelGoldenTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func layout(size: String) {
        let (w, h) = Self.parse(size)
        expectGolden(view(Model(paused: true), width: w, height: h, caps: .plain).text, "layout-\(size)")
    }

    @Test(arguments: Panel.allCases)
    func panelMaximised(panel: Panel) {
        for (w, h) in Self.sizes {
            var m = Model(paused: true)
            m.setFocus(panel)
            m.maximized = true
            expectGolden(view(m, width: w, height: h, caps: .plain).text, "panel-\(panel.rawValue)-\(w)x\(h)")
        }
    }

    @Test func layoutKindsBySize() {
        #expect(Layout.kind(width: 79, height: 24) == .tooSmall)
        #expect(Layout.kind(width: 80, height: 24) == .compact)
        #expect(Layout.kind(width: 120, height: 36) == .standard)
        #expect(Layout.kind(width: 160, height: 48) == .wide)
        #expect(Layout.kind(width: 200, height: 47) == .standard)
    }

    @Test func wideLayoutShowsEveryPanel() {
        let text = view(Model(paused: true), width: 200, height: 60, caps: .plain).text
        for p in Panel.allCases { #expect(text.contains(p.title), "missing \(p.title)") }
    }

    @Test func focusMovesTheCompactTabAndTheRiskSlot() {
        var m = Model(paused: true)
        for _ in 0..<2 { _ = update(&m, .key(.tab)) }
        #expect(m.focus == .concentration)
        #expect(view(m, width: 80, height: 24, caps: .plain).text.contains("[Payers]"))
        _ = update(&m, .key(.tab))
        #expect(m.focus == .stall && m.riskTab == .stall)
        #expect(view(m, width: 120, height: 40, caps: .plain).text.contains("[Stall cost]"))
    }

    @Test func maximiseTogglesWithE() {
        var m = Model(paused: true)
        _ = update(&m, .key(.char("e")))
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(m.maximized && text.contains("e restore") && !text.contains("Funding graph"))
        _ = update(&m, .key(.escape))
        #expect(!m.maximized)
    }

    static func parse(_ s: String) -> (Int, Int) {
        let p = s.split(separator: "x").compactMap { Int($0) }
        return (p[0], p[1])
    }
}
