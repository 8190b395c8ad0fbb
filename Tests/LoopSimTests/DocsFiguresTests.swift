import Foundation
import Testing
import TestSupport
@testable import LoopSim

/// docs/simulation.md quotes the default projection's figures; each is recomputed here
/// from the program, so a change to the model fails until the docs follow.
@Suite struct DocsFiguresTests {
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The figures, as the docs write them, computed from the default projection.
    static func figures() -> [String: String] {
        let s = Scenario.article2025
        let p = Engine.project(s)
        let m0 = p.months[0]
        let h = Headline(p, month: 0)
        let peakFleet = p.months.map(\.coreweave.gpusInService).max() ?? 0
        let reached = p.months.first { $0.coreweave.gpusInService >= peakFleet - 1 }!
        let month = { (m: Int?) in m.map { "\(p.start.adding(months: $0).shortLabel) (month \($0))" } ?? "never" }
        return [
            "CASH": Format.dollars(s.coreweaveCash),
            "DEBT": Format.dollars(s.facilities.reduce(0) { $0 + $1.balance }),
            "INTEREST": Format.dollars(m0.coreweave.interest),
            "OVERQ3": Format.percent(m0.coreweave.interest / (InterestRunRateTests.q3Reported / 3) - 1),
            "OVERQ2": Format.percent(InterestRunRateTests.monthZeroInterest(InterestRunRateTests.june2025) * 3
                / InterestRunRateTests.q2Reported - 1),
            "MSFT": Format.percent(m0.flow(from: .microsoft, to: .coreweave) / m0.coreweave.revenue),
            "FLEET": Format.grouped((peakFleet / 1_000).rounded() * 1_000),
            "FLEETDATE": reached.date.shortLabel,
            "NEED": month(h.coreweaveNeed.firstMonth),
            "ROLL": month(h.coreweaveNeed.firstRolloverMonth),
            "PEAK": Format.dollars(h.coreweaveNeed.peak),
            "CLOSED": month(h.coreweaveRunwayIfClosed),
            "VASTSHARE": Format.percent(m0.vast.coreweaveShare),
            "VASTVAL": Format.dollars(m0.vast.valuation),
        ]
    }

    @Test func defaultScenarioParagraphMatchesTheProgram() throws {
        let doc = try String(contentsOf: Support.root.appendingPathComponent("docs/simulation.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "### What the default scenario shows"))
        let end = try #require(doc.range(of: "The other bundled scenarios:"))
        let paragraph = Self.normalized(String(doc[start.upperBound..<end.lowerBound]))
        let template = Self.normalized(Self.template)
        var filled = template
        for (key, value) in Self.figures() { filled = filled.replacingOccurrences(of: "@\(key)@", with: value) }
        #expect(paragraph == filled, "docs/simulation.md should read:\n\(filled)")
        // The runway the old text quoted (month 8, late 2028) is gone.
        #expect(!doc.contains("month 8 (July 2026)") && !doc.contains("recovers in late 2028"))
    }

    static let template = """
        `article-2025` starts in November 2025 with CoreWeave's balances as of one date, 30
        September 2025 (the Q3-2025 10-Q, the last quarter filed before the start): cash
        @CASH@ unrestricted, @DEBT@ of debt in seven facilities with their filed maturities and
        rates, the $55.6B backlog, and 400,000 GPUs (an assumption from 590 MW of active power).
        Month-0 interest is @INTEREST@ a month: Q4-2025's run rate implied by the FY2025 guidance
        ($123–136M). It is @OVERQ3@ over Q3-2025's reported $103.5M because it is cash interest on the
        30 September balances at the filed effective rates, while the reported expense is on the
        quarter's lower average balances and leaves out interest capitalised on data centres under
        construction, still paid in cash ($23.2M in Q2); the same arithmetic on the 30 June balances
        overstates Q2's reported expense by @OVERQ2@ (`InterestRunRateTests`). With `cw.contractRate` at
        $1.80 the fleet reproduces Q4-2025 revenue; Microsoft is the largest payer (@MSFT@ of
        month-0 revenue; 62% of 2024 revenue and 67% of 2025 in the filings). CoreWeave then builds
        for its backlog, to about @FLEET@ GPUs by @FLEETDATE@, beyond its $4.6B of committed
        undrawn delayed-draw debt: it rolls over maturing debt from @ROLL@ and **needs new money
        from @NEED@, @PEAK@ at the peak** — a funding gap while credit is open. **If markets closed, it would be out of cash in
        @CLOSED@**, the revolver included. Vast needs no new money, but CoreWeave pays @VASTSHARE@
        of its month-0 revenue, and at 150× ARR (deal included) the model values it at
        @VASTVAL@ against the article's $30B. None of this is forced: change any assumption
        (`--set`) and see what follows. (Every figure in this paragraph is checked against the
        program by `DocsFiguresTests`.)
        """
}
