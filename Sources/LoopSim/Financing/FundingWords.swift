/// One company's funding need in words, both ways, right in every case: it needs new money
/// (from when, how much at most), or only rolls over maturing debt, or needs nothing; and
/// when it would be out of cash had markets closed — after it needs new money, or before,
/// because debt it rolls over while credit is open would fall due unpaid. The one reading
/// behind the runway panels, the presenter, `simulate` and `compare`.
public struct FundingWords: Sendable, Equatable {
    public var need: FundingNeed
    /// First month cash goes below zero with credit as set, and had markets closed.
    public var runway: Int?
    public var runwayIfClosed: Int?
    /// The credit window the projection ran under, 0 closed … 1 open.
    public var creditWindow: Double
    public var start: YearMonth
    public var horizon: Int

    public init(need: FundingNeed, runway: Int?, runwayIfClosed: Int?, creditWindow: Double, start: YearMonth,
                horizon: Int)
    {
        self.need = need; self.runway = runway; self.runwayIfClosed = runwayIfClosed
        self.creditWindow = creditWindow; self.start = start; self.horizon = horizon
    }

    /// Its rollovers begin before it needs new money (or it needs none): worth saying.
    public var rollsOverFirst: Bool {
        guard let r = need.firstRolloverMonth else { return false }
        return need.firstMonth.map { r < $0 } ?? true
    }

    /// Markets closed, it is out of cash before it would need new money with credit open —
    /// because the debt it rolls over would fall due unpaid.
    public var closedFirstByRollover: Bool {
        guard let closed = runwayIfClosed, let r = need.firstRolloverMonth, r <= closed else { return false }
        return need.firstMonth.map { closed < $0 } ?? true
    }

    /// "Feb 27".
    public func label(_ t: Int) -> String { start.adding(months: t).shortLabel }

    /// "while credit is open", "with the credit window at 50%" or "with markets closed".
    public var creditPhrase: String {
        creditWindow >= 1 ? "while credit is open"
            : creditWindow > 0 ? "with the credit window at \(Format.percent(creditWindow))" : "with markets closed"
    }

    /// "needs money from Feb 27, $27.7B at the peak", "rolls over maturing debt from Jan 27 and
    /// needs new money from Feb 27, $27.7B at the peak", "needs no new money within 84 months,
    /// only to roll over maturing debt from Jan 27 ($3.1B in all)" or "needs no new money
    /// within 84 months" — the credit phrase follows when money or rollovers are needed.
    public var needClause: String {
        let roll = need.firstRolloverMonth.map(label) ?? ""
        if let n = need.firstMonth {
            let peak = "\(Format.dollars(need.peak)) at the peak \(creditPhrase)"
            return rollsOverFirst ? "rolls over maturing debt from \(roll) and needs new money from \(label(n)), \(peak)"
                : "needs money from \(label(n)), \(peak)"
        }
        guard rollsOverFirst else { return "needs no new money within \(horizon) months" }
        return "needs no new money within \(horizon) months, only to roll over maturing debt from \(roll) "
            + "(\(Format.dollars(need.rolledOver)) in all) \(creditPhrase)"
    }

    /// "not out of cash even if markets closed", "out of cash Mar 27 only if markets closed",
    /// "out of cash Jan 27 if markets closed, when debt it could not roll over falls due", or
    /// with credit as set: "out of cash May 27 with credit as set, Jan 27 if markets closed".
    public var closedClause: String {
        switch (runway, runwayIfClosed) {
        case (nil, nil): return "not out of cash even if markets closed"
        case let (nil, closed?):
            if closedFirstByRollover {
                return "out of cash \(label(closed)) if markets closed, when debt it could not roll over falls due"
            }
            return "out of cash \(label(closed)) " + (need.firstMonth == nil ? "if" : "only if") + " markets closed"
        case let (open?, nil): return "out of cash \(label(open)) with credit as set"
        case let (open?, closed?):
            return "out of cash \(label(open)) with credit as set"
                + (closed == open ? " and if markets closed" : ", \(label(closed)) if markets closed")
        }
    }

    /// The whole sentence: "CoreWeave needs money from …; out of cash … if markets closed."
    /// (covenant breaches, if any, follow in `breachClause`).
    public func sentence(name: String) -> String {
        "\(name) \(needClause); \(closedClause)" + (breachClause.map { "; \($0)" } ?? "") + "."
    }

    /// "interest coverage covenant broken Jan 30 (1.20× against ≥ 1.40×)".
    public var breachClause: String? {
        guard let b = need.firstBreach else { return nil }
        let (value, limit) = b.kind == .interestCoverage
            ? (Format.fixed(b.value, 2) + "×", "≥ " + Format.fixed(b.limit, 2) + "×")
            : (Format.percent(b.value, digits: 1), "≤ " + Format.percent(b.limit))
        return "\(b.kind.label) covenant broken \(label(b.month)) (\(value) against \(limit))"
    }

    /// A panel row's need: "needs Feb 27, $27.7B", "rolls over Jan 27, needs Feb 27, $27.7B",
    /// "rolls over from Jan 27" or "no new money".
    public var shortNeed: String {
        let roll = need.firstRolloverMonth.map(label) ?? ""
        guard let n = need.firstMonth else { return rollsOverFirst ? "rolls over from \(roll)" : "no new money" }
        let needs = "needs \(label(n)), \(Format.dollars(need.peak))"
        return rollsOverFirst ? "rolls over \(roll), \(needs)" : needs
    }

    /// A panel row's closed case: "closed: out Jan 27" or "closed: lasts".
    public var shortClosed: String { runwayIfClosed.map { "closed: out \(label($0))" } ?? "closed: lasts" }
}

extension FundingWords {
    /// The same reading in clauses short enough for a detail line, each clause's wordings
    /// longest first: out of cash with credit as set (when it is), when it needs new money or
    /// that it needs none, had markets closed (unless the same month), rollovers that come first.
    public var clauses: [[String]] {
        var out: [[String]] = []
        if let o = runway {
            let closed = runwayIfClosed == o ? " and if markets closed" : ""
            out.append(["out of cash \(label(o)) with credit as set\(closed)", "out of cash \(label(o))", "out \(label(o))"])
        }
        if let n = need.firstMonth {
            let window = creditWindow < 1 ? " \(creditPhrase)" : ""
            out.append(["needs new money from \(label(n)), \(Format.dollars(need.peak)) at the peak\(window)",
                        "needs new money from \(label(n))", "needs money \(label(n))", "needs \(label(n))"])
        } else {
            out.append(["needs no new money within \(horizon) months", "no new money needed", "no new money"])
        }
        if runway == nil || runwayIfClosed != runway { out.append(closedClauses) }
        if rollsOverFirst, let r = need.firstRolloverMonth {
            out.append(["rolls over maturing debt from \(label(r))", "rolls over debt from \(label(r))",
                        "rolls over from \(label(r))"])
        }
        return out
    }

    /// A company that does not finance itself in the same clauses: when its cash first goes
    /// below zero, or that it never does within the horizon; had markets closed, if that differs.
    public var runwayClauses: [[String]] {
        let own = runway.map { ["runs out of cash \(label($0))", "out of cash \(label($0))", "out \(label($0))"] }
            ?? ["never runs out of cash within \(horizon) months", "never out of cash in \(horizon) mo",
                "never out in \(horizon) mo"]
        return runwayIfClosed == runway ? [own] : [own, closedClauses]
    }

    /// Had markets closed: "out of cash Jan 27 if markets closed, when debt it could not roll over
    /// falls due" … "out Jan 27 if closed", or "not out of cash even if markets closed" … "lasts if closed".
    var closedClauses: [String] {
        guard let c = runwayIfClosed else {
            return ["not out of cash even if markets closed", "lasts even if markets closed", "lasts if closed"]
        }
        let forms = ["out of cash \(label(c)) if markets closed", "out of cash \(label(c)) if closed", "out \(label(c)) if closed"]
        return closedFirstByRollover ? [forms[0] + ", when debt it could not roll over falls due"] + forms : forms
    }
}
