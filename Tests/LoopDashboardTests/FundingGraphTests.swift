import LoopSim
import Testing
@testable import LoopDashboard

/// The funding graph shows the engine's numbers, month by month.
@Suite struct FundingGraphTests {
    func graphText(_ m: Model, width: Int = 100, height: Int = 24) -> String {
        var f = Frame(width: width, height: height)
        FundingGraph(model: m, glyphs: .of(.braille), focused: true).draw(into: &f, f.bounds)
        return f.text
    }

    @Test(arguments: [0, 3, 6, 18, 40, 60])
    func everyEdgeLabelIsTheEnginesFlow(month: Int) {
        var m = Model(paused: true)
        m.month = month
        let s = m.projection.months[month]
        let text = graphText(m)
        let revenue = Node.customers.reduce(0.0) { $0 + s.flow(from: $1, to: .coreweave) }
        let edges: [(String, Double)] = [
            ("revenue", revenue),
            ("storage", s.flow(from: .coreweave, to: .vast)),
            ("GPUs", s.flow(from: .coreweave, to: .nvidia)),
            ("backstop", s.flow(from: .nvidia, to: .coreweave)),
            ("draws", s.flow(from: .lenders, to: .coreweave)),
            ("debt service", s.coreweave.interest + s.coreweave.principal),
        ]
        for (name, amount) in edges where amount != 0 {
            #expect(text.contains(Format.dollars(amount) + "/mo"), "\(name) \(Format.dollars(amount)) missing at month \(month)")
        }
        // A deal that moves nothing this month says when it does, never "$0/mo".
        let spec = ArticleGraphSpec(model: m).spec
        for e in spec.edges where e.amount == 0 {
            let months = m.projection.months
            let moves = { (t: Int) in
                let other = months[t]
                return ArticleGraphSpec.amount(ArticleGraphSpec.deals.first { $0.label == e.label }!, in: other) != 0
            }
            let expected = (month + 1..<months.count).first(where: moves).map { "from " + m.scenario.start.adding(months: $0).shortLabel }
                ?? (0..<month).last(where: moves).map { "last " + m.scenario.start.adding(months: $0).shortLabel }
                ?? "none to " + m.scenario.start.adding(months: months.count - 1).shortLabel
            #expect(e.amountLabel == expected, "\(e.label) at month \(month)")
        }
        #expect(text.contains("cash \(Format.dollars(s.coreweave.cash))"))
        #expect(text.contains("cash \(Format.dollars(s.vast.cash))"))
        #expect(text.contains("valuation") && text.contains(Format.dollars(s.vast.valuation)))
    }

    @Test func pulsesMoveAlongEdgesAndOnlyThere() {
        var m = Model(paused: true)
        m.month = 4
        var a = Frame(width: 100, height: 24), b = Frame(width: 100, height: 24)
        FundingGraph(model: m, glyphs: .of(.braille), focused: false).draw(into: &a, a.bounds)
        m.phase += 1
        FundingGraph(model: m, glyphs: .of(.braille), focused: false).draw(into: &b, b.bounds)
        let changed = a.changedCells(since: b)
        #expect(changed > 0, "no pulse moved")
        #expect(changed <= 16, "a pulse step repainted \(changed) cells")
        for y in 0..<a.height {
            for x in 0..<a.width where a[x, y] != b[x, y] {
                #expect(a[x, y].scalar == "●" || b[x, y].scalar == "●")
            }
        }
    }

    @Test func edgesShowTheWhatIfsDifferenceFromTheBaseline() {
        var m = Model(paused: true)
        #expect(!graphText(m).contains("Δ"), "no what-if, no delta")
        m.setLever("cw.usageShare", to: 0.3)
        m.month = 3
        let s = m.projection.months[3], b = m.baseline.months[3]
        let revenue = { (x: MonthSnapshot) in Node.customers.reduce(0.0) { $0 + x.flow(from: $1, to: .coreweave) } }
        let expected = FundingGraph.delta(revenue(s), base: revenue(b))
        #expect(expected.hasPrefix(" Δ+"))
        #expect(graphText(m, width: 200).contains("revenue" + expected))
    }

    @Test func noFlowNoPulse() {
        #expect(FundingGraph.pulsePeriod(0) == nil)
        #expect(FundingGraph.pulsePeriod(600e6)! < FundingGraph.pulsePeriod(1e6)!)
    }

    /// The selected node's details list its deals with their status, date and source,
    /// wrapped to the room beside the graph (40 rows: room for CoreWeave's funding words,
    /// three lines at this width, and all six deals).
    @Test func detailsShowEachDealsSourceAndDate() throws {
        var m = Model(paused: true)
        m.selectedNode = .coreweave
        let text = graphText(m, width: 118, height: 40)
        let graph = FundingGraph(model: m, glyphs: .of(.braille), focused: true)
        let width = try #require(graph.layout(in: Rect(x: 0, y: 0, width: 118, height: 40))?.details).width - 2
        let storage = ParameterRegistry.parameter("vast.dealTotal")!.source
        let flow = Format.perMonth(m.now.flow(from: .coreweave, to: .vast))
        let backstop = ParameterRegistry.parameter("nvidia.backstopTotal")!.source
        // The backstop moves nothing this month: it says when it does (`FundingGraphTests.everyEdgeLabelIsTheEnginesFlow`).
        let when = try #require(graph.spec.edges.first { $0.label == "backstop" }).amountLabel
        #expect(!when.hasPrefix("$"))
        for line in ["→ Vast Data storage \(flow): announced, \(m.scenario.start.shortLabel) · \(storage)",
                     "← NVIDIA backstop \(when): binding (filed), Sep 25 · \(backstop)"] {
            for piece in CaptionBanner.wrap(line, width: width) {
                #expect(text.contains(piece), "'\(piece)' missing")
            }
        }
    }

    @Test func tooSmallForBoxesFallsBackToAList() {
        let text = graphText(Model(paused: true), width: 50, height: 8)
        #expect(text.contains("CoreWeave → Vast"))
    }
}
