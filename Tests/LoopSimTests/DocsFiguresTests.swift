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
        typealias r = InterestRunRateTests
        let offQ4 = m0.coreweave.interest / (r.q4Reported / 3) - 1
        let month = { (m: Int?) in m.map { "\(p.start.adding(months: $0).shortLabel) (month \($0))" } ?? "never" }
        return [
            "CASH": Format.dollars(s.coreweaveCash),
            "DEBT": Format.dollars(s.facilities.reduce(0) { $0 + $1.balance }),
            "INTEREST": Format.dollars(m0.coreweave.interest),
            "Q4RATE": Format.dollars(r.q4Reported / 3),
            "Q4DIFF": "\(Format.percent(abs(offQ4))) \(offQ4 < 0 ? "below" : "above")",
            "OVERQ3": Format.percent(m0.coreweave.interest / (r.q3Reported / 3) - 1),
            "GROWTH": Format.percent(r.principalSeptember2025 / r.principalJune2025 - 1),
            "Q2GAP": Format.percent(abs((r.q2Contractual + r.q2Amortisation) / r.q2Reported - 1)),
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
        @CASH@ unrestricted, @DEBT@ of debt (the filed total) in seven facilities with their filed maturities and
        rates, the $55.6B backlog, and 400,000 GPUs (an assumption from 590 MW of active power).
        Month-0 interest is @INTEREST@ a month: the filed effective rates on the 30 September
        balances. Month 0 is November 2025, in Q4-2025, the quarter that accrues on those
        balances; CoreWeave reported $388M of interest expense for it (FY2025 10-K), @Q4RATE@ a
        month, and month 0 is @Q4DIFF@ it. It is @OVERQ3@ over Q3-2025's reported $103.5M, less than
        the @GROWTH@ by which the debt grew during Q3, the balances that quarter's expense accrued
        on. The effective rates include amortised issuance costs and leave out capitalised
        interest; on Q2's filed breakdown that measure is within @Q2GAP@ of the reported interest
        expense, net (`InterestRunRateTests`). With `cw.contractRate` at
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
