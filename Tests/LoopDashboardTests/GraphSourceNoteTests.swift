import Foundation
import Testing
@testable import LoopDashboard

/// A loop entity's opening figures can be traced from the graph's details: the source
/// note of its cash and debt, with a filing's accession number where there is one.
@Suite struct GraphSourceNoteTests {
    @Test func theDetailsOfANodeShowWhereItsOpeningFiguresComeFrom() throws {
        let spec = try GraphGoldenTests.aiWeb().0
        let graph = FundingGraph(spec: spec, selected: "coreweave", detailed: "coreweave", phase: 0, glyphs: .of(.braille))
        let lines = graph.detailLines(width: 60)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 60 })
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("opening cash: CoreWeave 10-Q Q3 2025 (accession 0001769628-25-000062)"))
        #expect(text.contains("opening debt: all CoreWeave debt"))
        // Before the deals.
        let cash = try #require(lines.firstIndex { $0.hasPrefix("opening cash:") })
        let deal = try #require(lines.firstIndex { $0.hasPrefix("←") || $0.hasPrefix("→") })
        #expect(cash < deal)
        // An outside entity has no opening figures to trace.
        #expect(spec.nodes.first { $0.id == "lenders" }?.notes == [])
    }
}
