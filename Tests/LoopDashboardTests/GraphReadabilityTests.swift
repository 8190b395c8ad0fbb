import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// The funding graph of both bundled loops read as a person would, at the sizes the
/// dashboard gives it and several months: it is drawn (not the list), no edge runs
/// through a box or along another edge, every text is whole, and every number on an
/// edge is the engine's, worked out here from the projection's flows.
@Suite struct GraphReadabilityTests {
    /// The graph panel alone at the three golden sizes, and inside the 120×40 dashboard.
    static let sizes = [(80, 24), (120, 40), (200, 60), (74, 26)]

    @Test(arguments: [0, 12, 36])
    func aiWebLoopIsReadable(month: Int) throws {
        let (spec, loop, p) = try GraphGoldenTests.aiWeb(month: month)
        for (w, h) in Self.sizes {
            let layout = try #require(GraphLayout.make(spec, in: Rect(x: 0, y: 0, width: w, height: h)),
                                      "\(w)x\(h) month \(month): the list instead of the graph")
            Self.edgesKeepOutOfBoxesAndApart(spec, layout, "\(w)x\(h) month \(month)")
            Self.textsAreWhole(spec, layout, "\(w)x\(h) month \(month)")
            Self.amountsAreTheEngines(spec, layout, loop, p, month: month)
            // Every status drawn is explained by the legend, in one of its ways (at 80×24
            // there is no room left for it: the list and the details name each status).
            guard w > 80 else { continue }
            let legend = FundingGraph(spec: spec, selected: nil, detailed: "openai", phase: 0, glyphs: .of(.braille)).legend
            let drawnLegend = try #require(GraphLayout.make(spec, in: Rect(x: 0, y: 0, width: w, height: h), legend: legend),
                                           "\(w)x\(h)").labels.filter { $0.edge == -1 }.map(\.text).joined(separator: " ")
            let statuses = Set(spec.edges.indices.filter { !layout.routes[$0].isEmpty }.map { spec.edges[$0].status })
            for s in statuses {
                #expect(drawnLegend.contains(s.label) || drawnLegend.contains(FundingGraph.shortWord(s)),
                        "\(w)x\(h) month \(month): no legend for \(s.label) in '\(drawnLegend)'")
            }
            // The largest flow drawn has its amount beside it (at 80×24 the lanes beside it
            // may all be taken: it is then first in the details).
            let drawn = spec.edges.indices.filter { !layout.routes[$0].isEmpty }
            let largest = try #require(drawn.max { spec.edges[$0].amount < spec.edges[$1].amount })
            #expect(layout.labels.contains { $0.edge == largest && $0.isAmount },
                    "\(w)x\(h) month \(month): the largest flow \(spec.edges[largest].from)→\(spec.edges[largest].to) unlabelled")
        }
    }

    @Test(arguments: [0, 12])
    func articleLoopIsReadable(month: Int) throws {
        var m = Model(paused: true)
        m.month = month
        let spec = ArticleGraphSpec(model: m).spec
        for (w, h) in Self.sizes {
            let layout = try #require(GraphLayout.make(spec, in: Rect(x: 0, y: 0, width: w, height: h)))
            Self.edgesKeepOutOfBoxesAndApart(spec, layout, "article \(w)x\(h)")
            Self.textsAreWhole(spec, layout, "article \(w)x\(h)")
            #expect(layout.routes.allSatisfy { !$0.isEmpty }, "the article's loop folds no edge")
        }
    }

    /// An edge folded into the details (or drawn) is listed, deal by deal, in the details
    /// of both its entities; the box (or top line) of an entity outside the loop says
    /// what it pays and receives this month, as the engine moved it.
    @Test(arguments: [0, 12])
    func foldedEdgesAreInTheDetailsAndOutsideEntitiesSayWhatTheyPay(month: Int) throws {
        let (spec, loop, p) = try GraphGoldenTests.aiWeb(month: month)
        #expect(spec.folded().contains(true), "the rest of the economy's edges fold")
        for (i, e) in spec.edges.enumerated() {
            for end in [e.from, e.to] {
                let lines = spec.dealLines(of: spec.index(of: end)!)
                for part in e.parts.isEmpty ? [e] : e.parts {
                    #expect(lines.contains { $0.contains("\(part.label) \(part.amountLabel): \(part.status.label)") },
                            "edge \(i) \(e.from)→\(e.to) \(part.label) missing from \(end)'s details")
                }
            }
        }
        for (k, entity) in loop.entities.enumerated() where entity.external {
            let paid = p.flows(month: month).filter { $0.from == k && $0.deal >= 0 && $0.isCash }.reduce(0.0) { $0 + $1.amount }
            let line = try #require(spec.nodes[k].lines.first)
            if paid > 0 { #expect(line.hasPrefix(Format.perMonth(paid) + " → "), "\(entity.id): '\(line)' vs \(paid)") }
            #expect(!line.hasPrefix("$0"), "\(entity.id) says '\(line)'")
        }
    }

    /// Deals that start later say when, not "$0": OpenAI's systems from NVIDIA at month 0.
    @Test func aDealThatStartsLaterSaysWhen() throws {
        let (spec, _, _) = try GraphGoldenTests.aiWeb(month: 0)
        let e = try #require(spec.edges.first { $0.from == "openai" && $0.to == "nvidia" })
        #expect(e.amount == 0 && e.amountLabel.hasPrefix("from "), "\(e.amountLabel)")
        #expect(!spec.edges.contains { $0.amountLabel.hasPrefix("$0") })
    }

    // MARK: - Properties

    static func inside(_ p: Point, _ r: Rect) -> Bool { p.x >= r.x && p.x < r.maxX && p.y >= r.y && p.y < r.maxY }

    /// No cell of a path is in a box (border included), and two paths meet only where one
    /// crosses the other at right angles (deals the same way between the same boxes share one).
    static func edgesKeepOutOfBoxesAndApart(_ spec: GraphSpec, _ layout: GraphLayout, _ at: String) {
        var seen: [Int: (edge: Int, horizontal: Bool?)] = [:]
        for (i, route) in layout.routes.enumerated() {
            for (k, p) in route.enumerated() {
                for (b, box) in layout.boxes.enumerated() where inside(p, box) {
                    Issue.record("\(at): edge \(spec.edges[i].from)→\(spec.edges[i].to) crosses box \(spec.nodes[b].id) at \(p.x),\(p.y)")
                }
                // The run's direction here; nil at a corner or an end.
                let a = k > 0 ? route[k - 1] : nil, c = k + 1 < route.count ? route[k + 1] : nil
                // The first cell runs on from the box's border towards the next (the router
                // lets other edges cross it); the last is the arrow.
                let horizontal: Bool? = if let c, let a { a.y == c.y ? true : a.x == c.x ? false : nil }
                    else if let c { c.y == p.y } else { nil }
                let key = p.y * 10_000 + p.x
                if let other = seen[key], spec.edges[other.edge].from + ">" + spec.edges[other.edge].to != spec.edges[i].from + ">" + spec.edges[i].to {
                    #expect(horizontal != nil && other.horizontal != nil && horizontal != other.horizontal,
                            "\(at): edges \(spec.edges[other.edge].from)→\(spec.edges[other.edge].to) and \(spec.edges[i].from)→\(spec.edges[i].to) share \(p.x),\(p.y)")
                }
                seen[key] = (i, horizontal)
            }
        }
    }

    /// Every text on the graph is one of its edge's texts whole (the amount, the amount
    /// without "/mo", the kind), never cut ("…") or "$0"; the top line lists whole entries.
    static func textsAreWhole(_ spec: GraphSpec, _ layout: GraphLayout, _ at: String) {
        for t in layout.labels {
            #expect(!t.text.contains("…"), "\(at): '\(t.text)' is cut")
            guard t.edge >= 0 else { continue }
            let e = spec.edges[t.edge]
            let whole = [e.amountLabel, e.amountLabel.hasSuffix("/mo") ? String(e.amountLabel.dropLast(3)) : e.amountLabel,
                         e.label + e.delta]
            #expect(whole.contains(t.text), "\(at): '\(t.text)' is not a whole text of \(e.from)→\(e.to)")
            #expect(t.text != "$0" && t.text != "$0/mo", "\(at): \(e.from)→\(e.to) reads \(t.text)")
        }
    }

    /// Each amount on an edge equals what the engine moved between its two entities this
    /// month (deals only); with nothing this month, the first later month money moves.
    static func amountsAreTheEngines(_ spec: GraphSpec, _ layout: GraphLayout, _ loop: MoneyLoop, _ p: LoopProjection,
                                     month: Int)
    {
        for t in layout.labels where t.edge >= 0 && t.isAmount {
            let e = spec.edges[t.edge]
            let from = loop.entity(e.from)!, to = loop.entity(e.to)!
            let moved = { (m: Int) in
                p.flows(month: m).filter { $0.from == from && $0.to == to && $0.deal >= 0 && $0.isCash == e.isCash }
                    .reduce(0.0) { $0 + $1.amount }
            }
            let now = moved(month)
            let expected: String
            if now != 0 {
                expected = e.isCash ? Format.perMonth(now) : Format.dollars(now)
            } else if let later = (month + 1...p.horizon).first(where: { moved($0) != 0 }) {
                expected = "from " + p.start.adding(months: later).shortLabel
            } else if let earlier = (0..<month).last(where: { moved($0) != 0 }) {
                expected = "last " + p.start.adding(months: earlier).shortLabel
            } else {
                expected = "none to " + p.start.adding(months: p.horizon).shortLabel
            }
            #expect(t.text == expected || t.text + "/mo" == expected, "\(e.from)→\(e.to) reads '\(t.text)', engine \(expected)")
        }
    }
}
