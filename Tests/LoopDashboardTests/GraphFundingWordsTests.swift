import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// The funding graph's details say a company's funding as the runway panel beside it does
/// (`FundingWords`): when it needs new money, when it would be out had markets closed, its
/// rollovers — never "runway > 60 mo" for a company that only stays above zero by raising.
@Suite struct GraphFundingWordsTests {
    /// The rows inside the panel titled `title` on a rendered screen, cut to its columns.
    static func panel(_ title: String, in text: String) -> [String]? {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        let head = Array("╭ \(title) ".unicodeScalars)
        for (y, row) in rows.enumerated() {
            guard let x = row.indices.first(where: { row[$0...].starts(with: head) }),
                  let end = row[x...].firstIndex(of: "╮") else { continue }
            let inside = rows[(y + 1)...].prefix { $0.count > end && $0[x] == "│" }
            return inside.map { String(String.UnicodeScalarView($0[(x + 1)..<end])) }
        }
        return nil
    }

    /// The article at 120×40: the runway panel says CoreWeave needs new money from Mar 26
    /// and is out of cash Mar 26 had markets closed; the graph's CoreWeave details beside it
    /// say the same months (they said "runway > 60 mo": with credit open its cash never goes
    /// below zero), and its rollovers from Jan 26.
    @Test func theArticleGraphSaysCoreWeavesFundingGapAsTheRunwayPanelDoes() throws {
        let m = Model(paused: true)
        let text = view(m, width: 120, height: 40, caps: .plain).text
        let graph = try #require(Self.panel("Funding graph", in: text)).joined(separator: "\n")
        let runway = try #require(Self.panel("Revenue runway", in: text)).joined(separator: "\n")
        let h = Headline(m.projection, month: m.month)
        let need = try #require(h.coreweaveNeed.firstMonth), closed = try #require(h.coreweaveRunwayIfClosed)
        let roll = try #require(h.coreweaveNeed.firstRolloverMonth)
        #expect(h.coreweaveRunway == nil, "the case of the issue: never out of cash while credit is open")
        let label = { (t: Int) in h.calendar(t).shortLabel }
        #expect(label(need) == "Mar 26" && label(roll) == "Jan 26")
        #expect(runway.contains("CoreWeave needs money \(label(need)), out \(label(closed)) if closed"), "\(runway)")
        #expect(graph.split(separator: "\n").contains { $0.hasPrefix("CoreWeave ") }, "the details' title")
        for words in ["needs new money from \(label(need))", "out of cash \(label(closed)) if closed",
                      "rolls over debt from \(label(roll))"] {
            #expect(graph.contains(words), "'\(words)' not in the graph:\n\(graph)")
        }
        #expect(!graph.contains("runway"), "\(graph)")
    }

    /// At every size the details fit their width and name CoreWeave's months (shorter words
    /// where the graph is narrow), and Vast's: no new money, not out even had markets closed.
    @Test(arguments: [(80, 24), (100, 30), (120, 40), (160, 48), (200, 60)])
    func everySizeSaysTheSameMonthsInTheWidth(size: (Int, Int)) throws {
        var m = Model(paused: true)
        let h = Headline(m.projection, month: m.month)
        let need = h.calendar(try #require(h.coreweaveNeed.firstMonth)).shortLabel
        let closed = h.calendar(try #require(h.coreweaveRunwayIfClosed)).shortLabel
        for (node, expected) in [(Node.coreweave, ["needs", need, "out", closed]), (.vast, ["no new money", "closed"])] {
            m.selectedNode = node
            let graph = FundingGraph(model: m, glyphs: .of(.braille), focused: true)
            let details = try #require(graph.layout(in: Rect(x: 0, y: 0, width: size.0, height: size.1))?.details)
            let lines = graph.detailLines(width: details.width)
            let n = try #require(graph.spec.nodes.first { $0.id == node.rawValue })
            let own = DetailClauses.lines(n.details[0], n.status, width: details.width)
            #expect(lines.starts(with: own))
            #expect(own.allSatisfy { $0.unicodeScalars.count <= details.width }, "\(own)")
            // The rows drawn: a blank one above them when there are four or more.
            let shown = lines.prefix(details.height - (details.height >= 4 ? 1 : 0)).joined(separator: " ")
            for words in expected { #expect(shown.contains(words), "'\(words)' not in \(shown)") }
            #expect(!shown.contains("runway"))
        }
    }

    /// ai-web-2025, a year in and at the start: every entity's details say the months its
    /// row in the loop's runway panel says — the need and the closed-market date of one that
    /// finances itself, the plain runway of one that does not.
    @Test(arguments: [0, 12])
    func theLoopGraphSaysWhatTheLoopRunwayRowsSay(month: Int) throws {
        var m = Model(paused: true)
        m.load(LoopSession(loop: try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025"))))
        m.month = month
        let session = try #require(m.loop), p = session.projection
        let panel = LoopRunwayPanel(session: session, model: m, caps: .plain)
        let spec = LoopGraphSpec(loop: session.loop, projection: p, month: month, headlines: session.headlines).spec
        #expect(spec == LoopGraphSpec(loop: session.loop, projection: p, month: month).spec)
        let label = { (t: Int) in p.start.adding(months: t).shortLabel }
        var financed = 0
        for h in session.headlines {
            let e = session.loop.entities[h.entity]
            let row = panel.row(h).figures
            let node = try #require(spec.nodes.first { $0.id == e.id })
            let details = DetailClauses.lines(node.details[0], node.status, width: 200).joined(separator: "\n")
            #expect(!details.contains("runway"))
            if h.financed {
                financed += 1
                let need = h.need.firstMonth.map { "needs new money from \(label($0))" } ?? "needs no new money"
                #expect(details.contains(need), "\(e.id): '\(need)' not in \(details)")
                #expect(row.contains(h.need.firstMonth.map { "needs \(label($0))" } ?? "no new money"), "\(row)")
                let closed = h.runwayIfClosed.map { "out of cash \(label($0)) if markets closed" }
                    ?? "not out of cash even if markets closed"
                #expect(details.contains(closed), "\(e.id): '\(closed)' not in \(details)")
                #expect(row.contains(h.runwayIfClosed.map { "closed: out \(label($0))" } ?? "closed: lasts"), "\(row)")
            } else {
                let own = h.runway.map { "runs out of cash \(label($0))" } ?? "never runs out of cash within \(p.horizon) months"
                #expect(details.contains(own), "\(e.id): '\(own)' not in \(details)")
            }
        }
        #expect(financed == 3)
        // CoreWeave would be out before it needs new money had markets closed: its rolled-over
        // debt falls due unpaid — said where there is room.
        let cw = try #require(spec.nodes.first { $0.id == "coreweave" })
        #expect(DetailClauses.lines(cw.details[0], cw.status, width: 200).joined().contains(
            "if markets closed, when debt it could not roll over falls due"))
    }

    /// Each clause in the longest wording that fits the width, after the head when it fits
    /// there whole, else on a line of its own; the shortest when none fits.
    @Test func clausesArePackedToTheWidth() {
        let clauses = [["needs new money from Mar 26", "needs Mar 26"], ["out of cash Mar 26 if closed", "out Mar 26"]]
        #expect(DetailClauses.lines("CW", clauses, width: 80)
            == ["CW · needs new money from Mar 26 · out of cash Mar 26 if closed"])
        #expect(DetailClauses.lines("CW", clauses, width: 32) == ["CW · needs new money from Mar 26", "out of cash Mar 26 if closed"])
        #expect(DetailClauses.lines("CoreWeave", clauses, width: 27) == ["CoreWeave", "needs new money from Mar 26", "out Mar 26"])
        #expect(DetailClauses.lines("CW", clauses, width: 8) == ["CW", "needs Mar 26", "out Mar 26"])
        #expect(DetailClauses.lines("CW", [], width: 8) == ["CW"])
    }
}
