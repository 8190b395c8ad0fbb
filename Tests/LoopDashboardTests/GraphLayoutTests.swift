import LoopSim
import Testing
@testable import LoopDashboard

/// The funding graph's layout over random loops of 2 to 12 entities at random panel
/// sizes from 80×24 to 240×70: boxes stay whole, edges go round them, labels cover
/// nothing, every entity is drawn or listed, nothing is drawn outside the panel.
@Suite struct GraphLayoutTests {
    static let cases = 60

    /// A random spec and panel, drawn inside a frame with a margin of 2 cells all round.
    struct Case {
        var spec: GraphSpec
        var panel: Rect
        var layout: GraphLayout?
        var frame: Frame
    }

    static func make(_ seed: UInt64, phase: Int = 0) -> Case {
        // The same draws as `mostRandomLoopsGetBoxesNotTheList` makes.
        var rng = GraphFixtures.Random(state: seed)
        let spec = GraphFixtures.random(&rng)
        let panel = Rect(x: 2, y: 2, width: rng.int(80...240), height: rng.int(24...70))
        var f = Frame(width: panel.width + 4, height: panel.height + 4)
        let graph = FundingGraph(spec: spec, selected: spec.nodes[0].id, detailed: spec.nodes[0].id, phase: phase,
                                 glyphs: .of(.braille))
        graph.draw(into: &f, panel)
        return Case(spec: spec, panel: panel, layout: graph.layout(in: panel), frame: f)
    }

    static func inside(_ p: Point, _ r: Rect) -> Bool { p.x >= r.x && p.x < r.maxX && p.y >= r.y && p.y < r.maxY }

    /// Each random loop is drawn once and checked for every property.
    @Test(arguments: 0..<UInt64(cases))
    func randomLoopsKeepEveryProperty(seed: UInt64) {
        let c = Self.make(seed)
        nothingIsDrawnOutsideThePanel(c)
        guard let layout = c.layout else {
            for n in c.spec.nodes { #expect(c.frame.text.contains(n.name), "\(n.name) neither drawn nor listed") }
            return
        }
        edgesNeverEnterABox(c, layout)
        labelsCoverNoBoxNoEdgeAndNoOtherLabel(c, layout)
        boxesAreDrawnWhole(c, layout)
        aPulseStepChangesOnlyPulseCells(c, seed: seed)
    }

    func edgesNeverEnterABox(_ c: Case, _ layout: GraphLayout) {
        for (i, route) in layout.routes.enumerated() {
            for p in route {
                #expect(layout.boxes.allSatisfy { !Self.inside(p, $0) }, "edge \(i) enters a box at \(p.x),\(p.y)")
                #expect(Self.inside(p, c.panel), "edge \(i) leaves the panel at \(p.x),\(p.y)")
            }
        }
        #expect(layout.routes.allSatisfy { !$0.isEmpty } || c.spec.edges.contains { $0.from == $0.to })
    }

    func labelsCoverNoBoxNoEdgeAndNoOtherLabel(_ c: Case, _ layout: GraphLayout) {
        var covered: [Int: String] = [:]
        func key(_ x: Int, _ y: Int) -> Int { y * 1000 + x }
        for (i, b) in layout.boxes.enumerated() {
            for y in b.y..<b.maxY { for x in b.x..<b.maxX { covered[key(x, y)] = "box \(i)" } }
        }
        for (i, r) in layout.routes.enumerated() { for p in r { covered[key(p.x, p.y)] = "edge \(i)" } }
        for t in layout.labels {
            for x in t.x..<t.x + t.text.unicodeScalars.count {
                #expect(covered[key(x, t.y)] == nil, "'\(t.text)' covers \(covered[key(x, t.y)] ?? "")")
                #expect(Self.inside(Point(x: x, y: t.y), c.panel), "'\(t.text)' leaves the panel")
                covered[key(x, t.y)] = "label '\(t.text)'"
            }
        }
    }

    /// Every box in the drawing is exactly what the box alone draws: no edge, label or
    /// details overwrote its border, title or lines.
    func boxesAreDrawnWhole(_ c: Case, _ layout: GraphLayout) {
        let graph = FundingGraph(spec: c.spec, selected: c.spec.nodes[0].id, detailed: c.spec.nodes[0].id, phase: 0,
                                 glyphs: .of(.braille))
        var alone = Frame(width: c.frame.width, height: c.frame.height)
        for (i, n) in c.spec.nodes.enumerated() { graph.box(&alone, layout.boxes[i], n) }
        for (i, b) in layout.boxes.enumerated() {
            #expect(c.frame.row(b.y).contains(String(c.spec.nodes[i].name.prefix(b.width - 6))))
            for y in b.y..<b.maxY {
                for x in b.x..<b.maxX where c.frame[x, y] != alone[x, y] {
                    Issue.record("box \(c.spec.nodes[i].name) overwritten at \(x),\(y) by '\(c.frame[x, y].scalar)'")
                }
            }
        }
    }

    func nothingIsDrawnOutsideThePanel(_ c: Case) {
        for y in 0..<c.frame.height {
            for x in 0..<c.frame.width where !Self.inside(Point(x: x, y: y), c.panel) {
                #expect(c.frame[x, y] == .blank, "drawn outside the panel at \(x),\(y)")
            }
        }
    }

    /// The next pulse step repaints pulse cells only: the ones it leaves and enters.
    func aPulseStepChangesOnlyPulseCells(_ c: Case, seed: UInt64) {
        let next = Self.make(seed, phase: 1)
        #expect(next.layout == c.layout)
        for y in 0..<c.frame.height {
            for x in 0..<c.frame.width where c.frame[x, y] != next.frame[x, y] {
                #expect(c.frame[x, y].scalar == "●" || next.frame[x, y].scalar == "●", "\(x),\(y) changed")
            }
        }
    }

    @Test func mostRandomLoopsGetBoxesNotTheList() {
        let specs = (0..<UInt64(Self.cases)).map { seed -> (GraphSpec, Rect) in
            var rng = GraphFixtures.Random(state: seed)
            let spec = GraphFixtures.random(&rng)
            return (spec, Rect(x: 2, y: 2, width: rng.int(80...240), height: rng.int(24...70)))
        }
        let drawn = specs.filter { GraphLayout.make($0.0, in: $0.1) != nil }.count
        #expect(drawn >= Self.cases * 9 / 10, "only \(drawn) of \(Self.cases) drawn as boxes")
    }

    @Test func placementFollowsRole() {
        let p = GraphLayout.placement([.vendor, .vendor, .hyperscaler, .aiLab, .cloudOperator, .storage, .lender, .investor])
        #expect(p.map(\.band) == [0, 0, 0, 1, 1, 1, 2, 2])
        #expect(p.map(\.column) == [1, 2, 0, 0, 1, 2, 1, 0])
    }

    /// The article's boxes keep today's places: hyperscalers and NVIDIA on top, customers,
    /// CoreWeave and Vast left to right, lenders under CoreWeave.
    @Test func articleLoopKeepsItsShape() throws {
        let spec = ArticleGraphSpec(model: Model(paused: true)).spec
        let layout = try #require(GraphLayout.make(spec, in: Rect(x: 0, y: 0, width: 118, height: 36)))
        let box = { (id: String) in layout.boxes[spec.index(of: id)!] }
        #expect(box("otherCustomers").maxX < box("coreweave").x && box("coreweave").maxX < box("vast").x)
        #expect(box("nvidia").x == box("coreweave").x && box("nvidia").maxY < box("coreweave").y)
        #expect(box("lenders").x == box("coreweave").x && box("lenders").y > box("coreweave").maxY)
        #expect(box("hyperscalers").x == box("otherCustomers").x && box("hyperscalers").y == box("nvidia").y)
        // Straight runs for the chain and the vertical pairs; the loop back to NVIDIA bends once.
        let bends = spec.edges.indices.map { GraphLabels.runs(layout.routes[$0]).count - 1 }
        #expect(bends == [0, 0, 0, 0, 0, 0, 1])
    }
}
