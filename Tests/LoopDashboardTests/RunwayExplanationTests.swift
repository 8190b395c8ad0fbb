import Foundation
import LoopSim
import Testing
@testable import LoopDashboard

/// The runway panel says in words what the headline means, and the next frame after a
/// lever change already says it for the new values.
@Suite struct RunwayExplanationTests {
    static func text(_ m: Model) -> String { view(m, width: 120, height: 40, caps: .plain).text }

    /// The panel's lines joined, box edges and padding dropped, so wrapped words read as one text.
    static func normalized(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            let inner = line.split(separator: "│", omittingEmptySubsequences: false)
            return inner.count >= 2 ? String(inner[1]).trimmingCharacters(in: .whitespaces) : ""
        }.joined(separator: " ")
    }

    @Test func closingTheCreditWindowChangesTheHeadlineInTheNextFrame() {
        var m = Model(paused: true)
        m.setFocus(.runway)
        let open = Self.text(m)
        #expect(Self.normalized(open).contains("A funding gap, not insolvency: CoreWeave rolls over maturing debt from Jan 26"))
        m.setLever("credit.window", to: 0)
        let closed = Self.text(m)
        #expect(closed.contains("Markets closed: no rollovers or raises"))
        #expect(closed.contains("CoreWeave is out of cash Mar 26 (month 4)"))
        // The presenter's big numbers follow in the same frame.
        #expect(HeadlinePanel(model: m, caps: .plain).headline.creditWindow == 0)
        #expect(HeadlinePanel(model: m, caps: .plain).headline.coreweaveRunway == 4)
    }

    /// A build delay moves the closed-market runway later and the trough deeper; the
    /// panel says why.
    @Test func buildDelayIsExplainedOnScreen() {
        var v = Scenario.article2025.parameters
        v.setClamped("credit.window", 0)
        let now = Engine.project(.article2025, schedule: LeverSchedule(base: v))
        v.setClamped("build.delayMonths", 6)
        let late = Engine.project(.article2025, schedule: LeverSchedule(base: v))
        let trough = { (p: Projection) in p.months.map(\.coreweave.cash).min()! }
        #expect(late.runway(of: .coreweave)! > now.runway(of: .coreweave)! && trough(late) < trough(now))
        var m = Model(paused: true)
        m.setFocus(.runway)
        #expect(!Self.text(m).contains("Build delay 6 mo"))
        m.setLever("build.delayMonths", to: 6)
        #expect(Self.normalized(Self.text(m)).contains("Build delay 6 mo: GPUs land and are paid for later, so cash dips later but deeper"))
    }
}
