import Foundation
import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// Goldens of the funding graph panel alone, text and colours, at three panel sizes in
/// the two ends of the capability range: the article's loop and a synthetic web.
@Suite struct GraphGoldenTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]
    static let capabilities = [Capabilities(color: .c256, glyphs: .braille), Capabilities(color: .mono, glyphs: .ascii)]

    static func render(_ spec: GraphSpec, selected: String, width: Int, height: Int, caps: Capabilities) -> String {
        var f = Frame(width: width, height: height)
        FundingGraph(spec: spec, selected: selected, detailed: selected, phase: 5, glyphs: .of(caps.glyphs))
            .draw(into: &f, f.bounds)
        return f.text(for: caps.glyphs) + "\n\n" + StyleMap.render(f, theme: .builtInDefault, tier: caps.color)
    }

    static func name(_ caps: Capabilities) -> String {
        caps.glyphs == .ascii ? "ascii-mono" : "braille-256"
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func articleLoop(size: String) {
        let (w, h) = PanelGoldenTests.parse(size)
        let spec = ArticleGraphSpec(model: Model(paused: true)).spec
        for caps in Self.capabilities {
            expectGolden(Self.render(spec, selected: "coreweave", width: w, height: h, caps: caps),
                         "graph-article-\(size)-\(Self.name(caps))")
        }
    }

    /// The second bundled loop, a year in, from the generic engine.
    static func aiWeb(month: Int = 12) throws -> (GraphSpec, MoneyLoop, LoopProjection) {
        let loop = try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))
        let p = LoopEngine.project(loop)
        return (LoopGraphSpec(loop: loop, projection: p, month: month).spec, loop, p)
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func aiWebLoop(size: String) throws {
        let (w, h) = PanelGoldenTests.parse(size)
        let spec = try Self.aiWeb().0
        for caps in Self.capabilities {
            expectGolden(Self.render(spec, selected: "openai", width: w, height: h, caps: caps),
                         "graph-ai-web-2025-\(size)-\(Self.name(caps))")
        }
    }

    /// Every deal's flow of the month is on exactly one edge: the edges add up to the engine's flows.
    @Test(arguments: [0, 12, 36])
    func aiWebEdgesAddUpToTheEnginesFlows(month: Int) throws {
        let (spec, loop, p) = try Self.aiWeb(month: month)
        #expect(spec.nodes.count == loop.entities.count)
        let cash = p.flows(month: month).filter { $0.deal >= 0 && $0.isCash }.reduce(0.0) { $0 + $1.amount }
        let drawn = spec.edges.filter(\.isCash).reduce(0.0) { $0 + $1.amount }
        #expect(abs(cash - drawn) <= 1e-6 * max(1, cash), "edges \(drawn) vs flows \(cash)")
        #expect(Set(spec.edges.map(\.status)) == Set(DealStatus.allCases))
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func syntheticWeb(size: String) {
        let (w, h) = PanelGoldenTests.parse(size)
        for caps in Self.capabilities {
            let text = Self.render(GraphFixtures.web(), selected: "openai", width: w, height: h, caps: caps)
            expectGolden(text, "graph-web-\(size)-\(Self.name(caps))")
            if caps.glyphs == .ascii { #expect(!text.contains("?"), "a glyph with no ASCII stand-in") }
        }
    }

    /// The web's four statuses each get their own legend line and their own line pattern.
    @Test(arguments: [GlyphTier.braille, .ascii])
    func everyStatusHasItsOwnPatternAndLegend(tier: GlyphTier) {
        let g = Glyphs.of(tier)
        let samples = DealStatus.allCases.map { EdgeStyle($0, glyphs: g).sample(6) }
        #expect(Set(samples).count == 4, "\(samples)")
        let vertical = DealStatus.allCases.map { s in String(String.UnicodeScalarView((0..<4).map { EdgeStyle(s, glyphs: g).vertical($0) })) }
        #expect(Set(vertical).count == 4, "\(vertical)")
        var f = Frame(width: 200, height: 60)
        FundingGraph(spec: GraphFixtures.web(), selected: nil, detailed: "openai", phase: 0, glyphs: g).draw(into: &f, f.bounds)
        for s in DealStatus.allCases {
            #expect(f.text.contains(EdgeStyle(s, glyphs: g).sample(4) + " " + s.label), "no legend for \(s.label)")
        }
    }
}
