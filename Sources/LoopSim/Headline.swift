/// The numbers a presenter reads out, computed both ways (issue 17): when each company
/// first needs money beyond rollovers and its revolver (and how much at most), and when
/// it would run out of cash if markets closed; covenant breaches; who needs money
/// first; Vast's share of revenue from CoreWeave; CoreWeave's utilization. Everything
/// is read from a projection the engine computed; nothing is estimated here.
public struct Headline: Sendable, Equatable {
    /// The month (0 = the scenario's start) the month-dependent figures are read at.
    public var month: Int
    public var date: YearMonth
    public var horizon: Int
    public var start: YearMonth
    /// Months until CoreWeave's cash goes below zero with the financing the credit
    /// window allows; nil: not within the horizon.
    public var coreweaveRunway: Int?
    public var vastRunway: Int?
    /// The company that runs out first with financing; nil when neither does.
    public var firstOut: Node?
    /// Each company's funding need (first month, peak, raised, breaches).
    public var coreweaveNeed: FundingNeed
    public var vastNeed: FundingNeed
    /// Months until cash goes below zero had markets closed at the start.
    public var coreweaveRunwayIfClosed: Int?
    public var vastRunwayIfClosed: Int?
    /// The company that needs money first; nil when neither does.
    public var firstToNeedMoney: Node?
    /// The company that would run out first with markets closed.
    public var firstOutIfClosed: Node?
    /// The credit window in force at `month`, 0 … 1.
    public var creditWindow: Double
    /// Share of Vast's revenue in `month` paid by CoreWeave, 0 … 1.
    public var vastShareFromCoreWeave: Double
    /// CoreWeave's utilization in `month`, 0 … 1.
    public var utilization: Double
    /// The calendar month each company runs out, when it does.
    public var coreweaveOut: YearMonth?
    public var vastOut: YearMonth?

    /// The headline of `projection` at `month` (clamped to the projection).
    public init(_ projection: Projection, month: Int) {
        let now = projection.month(month)
        self.month = now.month
        date = now.date
        horizon = projection.horizon
        start = projection.start
        coreweaveRunway = projection.runway(of: .coreweave)
        vastRunway = projection.runway(of: .vast)
        firstOut = projection.firstToRunOut
        coreweaveNeed = projection.fundingNeed(of: .coreweave)
        vastNeed = projection.fundingNeed(of: .vast)
        coreweaveRunwayIfClosed = projection.runwayIfClosed(of: .coreweave)
        vastRunwayIfClosed = projection.runwayIfClosed(of: .vast)
        firstToNeedMoney = projection.firstToNeedMoney
        firstOutIfClosed = projection.firstOutIfClosed
        creditWindow = now.coreweave.financing.creditWindow
        vastShareFromCoreWeave = now.vast.coreweaveShare
        utilization = now.coreweave.utilization
        coreweaveOut = coreweaveRunway.map { projection.start.adding(months: $0) }
        vastOut = vastRunway.map { projection.start.adding(months: $0) }
    }

    /// The runway of a tracked company, with financing.
    public func runway(of company: Node) -> Int? {
        company == .coreweave ? coreweaveRunway : company == .vast ? vastRunway : nil
    }

    /// The runway of a tracked company had markets closed.
    public func runwayIfClosed(of company: Node) -> Int? {
        company == .coreweave ? coreweaveRunwayIfClosed : company == .vast ? vastRunwayIfClosed : nil
    }

    /// The funding need of a tracked company.
    public func need(of company: Node) -> FundingNeed? {
        company == .coreweave ? coreweaveNeed : company == .vast ? vastNeed : nil
    }

    /// A short name fit for large letters: `CW`, `VAST`, or `NONE`.
    public static func shortName(_ company: Node?) -> String {
        switch company {
        case .coreweave?: "CW"
        case .vast?: "VAST"
        case let other?: other.label.uppercased()
        case nil: "NONE"
        }
    }

    /// The short name of the company that runs out first.
    public var firstOutShortName: String { Headline.shortName(firstOut) }

    /// The calendar month of month `m`.
    public func calendar(_ m: Int) -> YearMonth { start.adding(months: m) }

    /// The company's funding need in words, every case (see `FundingWords`).
    public func words(_ company: Node) -> FundingWords {
        FundingWords(need: need(of: company) ?? FundingNeed(EmptyCollection<(Int, FinancingMonth)>()),
                     runway: runway(of: company), runwayIfClosed: runwayIfClosed(of: company),
                     creditWindow: creditWindow, start: start, horizon: horizon)
    }

    /// "Mar 26 (month 4)".
    func when(_ m: Int) -> String { "\(calendar(m).shortLabel) (month \(m))" }

    /// "needs money from Mar 26 (month 4), peak $6.6B", "rolls over debt from Jan 26 (month 2),
    /// needs money from …", "needs no new money in 60 mo, only rolls over debt from Jan 26
    /// (month 2)" or "needs no new money in 60 mo".
    public func needText(_ company: Node) -> String {
        let w = words(company)
        let roll = w.rollsOverFirst ? w.need.firstRolloverMonth.map { "rolls over debt from \(when($0))" } : nil
        guard let m = w.need.firstMonth else {
            return "needs no new money in \(horizon) mo" + (roll.map { ", only \($0)" } ?? "")
        }
        return (roll.map { "\($0), " } ?? "") + "needs money from \(when(m)), peak \(Format.dollars(w.need.peak))"
    }

    /// "out of cash Jun 26 (month 7) if markets close", "… if markets close, when debt it
    /// rolls over falls due" (before it needs new money), or "lasts > 60 mo if markets close".
    public func closedText(_ company: Node) -> String {
        guard let m = runwayIfClosed(of: company) else { return "lasts \(Format.runway(nil, horizon: horizon)) if markets close" }
        return "out of cash \(when(m)) if markets close"
            + (words(company).closedFirstByRollover ? ", when debt it rolls over falls due" : "")
    }

    /// "2 covenant breaches, first interest coverage May 27" or "no covenant breach".
    public func breachText(_ company: Node) -> String {
        guard let n = need(of: company), let b = n.firstBreach else { return "no covenant breach" }
        let count = n.breaches.count
        return "\(count) covenant breach\(count == 1 ? "" : "es"), first \(b.kind.label) \(calendar(b.month).shortLabel)"
    }

    /// The difference between open and closed markets, in words, the verdict first.
    public var explanation: String {
        let w = words(.coreweave)
        let closed = coreweaveRunwayIfClosed.map { "out of cash \(when($0))" }
        let unpaid = w.closedFirstByRollover ? ", when debt it rolls over falls due unpaid" : ""
        if creditWindow <= 0 {
            return "Markets closed: no rollovers or raises, only cash and the committed revolver. CoreWeave "
                + (closed.map { "is \($0)" } ?? "lasts \(Format.runway(nil, horizon: horizon))")
                + "; with credit open it would " + (coreweaveNeed.firstMonth == nil ? "need no new money."
                    : "raise what it needs instead.")
        }
        let roll = w.rollsOverFirst ? w.need.firstRolloverMonth.map { "rolls over maturing debt from \(when($0))" } : nil
        guard let need = coreweaveNeed.firstMonth else {
            return "CoreWeave needs no new money within \(horizon) months" + (roll.map { ", only \($0)" } ?? "") + "; "
                + (closed.map { "if markets closed it would be \($0)\(unpaid)." } ?? "it lasts even if markets close.")
        }
        let ask = (roll.map { "CoreWeave \($0) and needs new money from " } ?? "CoreWeave needs money from ")
            + "\(when(need)), \(Format.dollars(coreweaveNeed.peak)) at the peak"
        if let out = coreweaveOut {
            return "Even with credit \(Format.percent(creditWindow, digits: 0)) open CoreWeave runs out "
                + "\(out.shortLabel): \(ask); markets closed it is " + (closed ?? "never out") + "."
        }
        if w.closedFirstByRollover, let closed {
            return "A funding gap, not insolvency: \(ask) while credit is open; if markets closed it is \(closed)\(unpaid)."
        }
        return "A funding gap, not insolvency: \(ask) while credit is open; "
            + (closed.map { "only if markets closed is it \($0)." } ?? "it lasts even if markets close.")
    }

    /// One line of text: what `present --rehearse` prints for a step.
    public var line: String {
        let first = firstToNeedMoney.map { "\($0.label) needs money first" } ?? "neither needs new money"
        let closed = firstOutIfClosed.map { "\($0.label) first out if markets close" }
            ?? "nobody runs out if markets close"
        let out = coreweaveOut.map { "runs out \($0.shortLabel) (month \(coreweaveRunway ?? 0)), " } ?? ""
        return "CoreWeave \(out)\(needText(.coreweave)), \(closedText(.coreweave)), \(breachText(.coreweave)) · "
            + "Vast \(needText(.vast)), \(closedText(.vast)) · \(first); \(closed) · "
            + "Vast revenue from CoreWeave \(Format.percent(vastShareFromCoreWeave)) · "
            + "utilization \(Format.percent(utilization))"
    }
}
