import Testing
@testable import LoopSim

/// The funding-need sentence in every case (issue 17): new money needed, only maturing
/// debt to roll over, or nothing; the closed-market date after the need, or before it
/// because rolled-over debt would fall due unpaid; out of cash even with credit.
@Suite struct FundingWordsTests {
    static let start = YearMonth(year: 2025, month: 11)

    /// A funding need read off months where debt is rolled over from `roll` and new money
    /// is needed from `need` (each nil: never).
    static func need(roll: Int?, need: Int?, months: Int = 24) -> FundingNeed {
        FundingNeed((0..<months).map { t -> (Int, FinancingMonth) in
            var f = FinancingMonth()
            if let r = roll, t >= r { f.refinanced = 100 }
            if let n = need, t >= n { f.need = 50; f.newDebt = 50; f.cumulativeNeed = Double(t - n + 1) * 50 }
            return (t, f)
        })
    }

    static func words(roll: Int?, need: Int?, runway: Int? = nil, closed: Int?, window: Double = 1) -> FundingWords {
        FundingWords(need: Self.need(roll: roll, need: need), runway: runway, runwayIfClosed: closed,
                     creditWindow: window, start: start, horizon: 24)
    }

    @Test func newMoneyNeededBeforeTheClosedMarketDate() {
        let w = Self.words(roll: nil, need: 3, closed: 4)
        #expect(w.sentence(name: "Firm")
            == "Firm needs money from Feb 26, $1.1k at the peak while credit is open; out of cash Mar 26 only if markets closed.")
        #expect(w.shortNeed == "needs Feb 26, $1.1k" && w.shortClosed == "closed: out Mar 26")
    }

    /// The ai-web-2025 CoreWeave case: rollovers from month 13, new money from 15, out of
    /// cash at 14 had markets closed — said in that order, with the reason.
    @Test func rolloversFirstAndTheClosedDateBeforeTheNeed() {
        let w = Self.words(roll: 13, need: 15, closed: 14)
        #expect(w.rollsOverFirst && w.closedFirstByRollover)
        #expect(w.sentence(name: "CoreWeave")
            == "CoreWeave rolls over maturing debt from Dec 26 and needs new money from Feb 27, $450 at the peak while "
            + "credit is open; out of cash Jan 27 if markets closed, when debt it could not roll over falls due.")
        #expect(w.shortNeed == "rolls over Dec 26, needs Feb 27, $450")
        #expect(!w.sentence(name: "CoreWeave").contains("only if"))
    }

    @Test func onlyRolloversNeeded() {
        let w = Self.words(roll: 5, need: nil, closed: 5)
        #expect(w.sentence(name: "Firm")
            == "Firm needs no new money within 24 months, only to roll over maturing debt from Apr 26 ($1.9k in all) "
            + "while credit is open; out of cash Apr 26 if markets closed, when debt it could not roll over falls due.")
        #expect(w.shortNeed == "rolls over from Apr 26")
    }

    @Test func rolloversFirstButTheClosedDateAfterTheNeed() {
        let w = Self.words(roll: 2, need: 4, closed: 6)
        #expect(w.rollsOverFirst && !w.closedFirstByRollover)
        #expect(w.sentence(name: "Firm").hasSuffix("; out of cash May 26 only if markets closed."))
        #expect(w.sentence(name: "Firm").hasPrefix("Firm rolls over maturing debt from Jan 26 and needs new money from Mar 26"))
    }

    @Test func rolloversInTheSameMonthAsTheNeedAreNotSaidApart() {
        let w = Self.words(roll: 4, need: 4, closed: 4)
        #expect(!w.rollsOverFirst && !w.closedFirstByRollover)
        #expect(w.sentence(name: "Firm").hasPrefix("Firm needs money from Mar 26,"))
    }

    @Test func nothingNeeded() {
        let w = Self.words(roll: nil, need: nil, closed: nil)
        #expect(w.sentence(name: "Firm") == "Firm needs no new money within 24 months; not out of cash even if markets closed.")
        #expect(w.shortNeed == "no new money" && w.shortClosed == "closed: lasts")
    }

    @Test func outOfCashEvenWithCreditAsSet() {
        let w = Self.words(roll: nil, need: 3, runway: 6, closed: 4, window: 0.5)
        #expect(w.sentence(name: "Firm") == "Firm needs money from Feb 26, $1.1k at the peak with the credit window at 50%; "
            + "out of cash May 26 with credit as set, Mar 26 if markets closed.")
    }

    /// The engine's own case: a bond due in month 3 that cash cannot pay; with credit open
    /// it is rolled over and nothing else is needed; markets closed, it falls due unpaid.
    @Test func theEngineSaysARolloverOnlyNeedSo() {
        let income = (from: 3, to: 0, terms: DealTerms.recurring(monthly: 10, growthPerYear: 0, start: 0, term: 600))
        let bond = (from: 1, to: 0, terms: DealTerms.loan(LoanTerms(facility: .bond, limit: 0, drawn: 1_000, rate: 0,
                                                                   floating: false, maturity: 3)))
        let p = LoopEngine.project(LoopFinancingTests.loop(cash: 100, LoopFinancingTests.terms(), horizon: 24,
                                                           [income, bond]))
        let h = LoopHeadline(p, entity: 0)
        #expect(h.need.firstMonth == nil && h.need.firstRolloverMonth == 3 && h.runwayIfClosed == 3)
        let line = h.sentence(name: "Firm", start: p.start, horizon: p.horizon)
        #expect(line.contains("needs no new money within 24 months, only to roll over maturing debt from Feb 26"), "\(line)")
        #expect(line.contains("out of cash Feb 26 if markets closed, when debt it could not roll over falls due"), "\(line)")
    }

    /// The same reading in a detail line's clauses, longest wordings first: rollovers that
    /// come first last (the need and the closed-market date matter most), with the reason.
    @Test func clausesSayTheNeedTheClosedDateThenTheRollovers() {
        let w = Self.words(roll: 13, need: 15, closed: 14)
        #expect(w.clauses == [
            ["needs new money from Feb 27, $450 at the peak", "needs new money from Feb 27", "needs money Feb 27",
             "needs Feb 27"],
            ["out of cash Jan 27 if markets closed, when debt it could not roll over falls due",
             "out of cash Jan 27 if markets closed", "out of cash Jan 27 if closed", "out Jan 27 if closed"],
            ["rolls over maturing debt from Dec 26", "rolls over debt from Dec 26", "rolls over from Dec 26"],
        ])
        #expect(Self.words(roll: nil, need: nil, closed: nil).clauses
            == [["needs no new money within 24 months", "no new money needed", "no new money"],
                ["not out of cash even if markets closed", "lasts even if markets closed", "lasts if closed"]])
        #expect(Self.words(roll: 5, need: nil, closed: 5).clauses.map(\.last) == ["no new money", "out Apr 26 if closed",
                                                                                  "rolls over from Apr 26"])
    }

    /// Out of cash even with credit as set comes first (with the closed-market date when it is
    /// the same month), and the need says the credit window.
    @Test func clausesPutARealRunOutFirst() {
        let c = Self.words(roll: nil, need: 3, runway: 6, closed: 4, window: 0.5).clauses
        #expect(c.first == ["out of cash May 26 with credit as set", "out of cash May 26", "out May 26"])
        #expect(c[1].first == "needs new money from Feb 26, $1.1k at the peak with the credit window at 50%")
        #expect(c.count == 3 && c[2].last == "out Mar 26 if closed")
        // The same month both ways is said once.
        let same = Self.words(roll: nil, need: 3, runway: 4, closed: 4, window: 0).clauses
        #expect(same.map(\.first) == ["out of cash Mar 26 with credit as set and if markets closed",
                                      "needs new money from Feb 26, $1.1k at the peak with markets closed"])
    }

    /// A company that does not finance itself: its plain runway, and a closed-market date
    /// only when it differs.
    @Test func runwayClausesOfACompanyThatDoesNotFinanceItself() {
        #expect(Self.words(roll: nil, need: nil, closed: nil).runwayClauses
            == [["never runs out of cash within 24 months", "never out of cash in 24 mo", "never out in 24 mo"]])
        #expect(Self.words(roll: nil, need: nil, runway: 6, closed: 6).runwayClauses
            == [["runs out of cash May 26", "out of cash May 26", "out May 26"]])
        #expect(Self.words(roll: nil, need: nil, runway: 6, closed: 4).runwayClauses.count == 2)
    }
}
