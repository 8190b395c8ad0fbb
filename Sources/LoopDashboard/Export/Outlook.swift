import LoopSim

/// The headline figure narration speaks of, read from the engine's `Headline`: for each
/// tracked company the month (from the scenario's start) it first needs new money (the
/// funding need, with credit as the scenario has it), and which company does first.
struct Outlook: Equatable, Sendable {
    /// The companies narration follows, in the order it names them.
    static let companies: [Node] = [.coreweave, .vast]

    var first: Node?
    /// Months from the start; a company missing here does not meet the event in the horizon.
    var months: [Node: Int]
    var start: YearMonth
    var horizon: Int
    /// How the event is said after a company's name.
    var verb = "needs new money"

    init(_ h: Headline) {
        first = h.firstToNeedMoney
        months = [:]
        for c in Self.companies { months[c] = h.need(of: c)?.firstMonth }
        start = h.date.adding(months: -h.month)
        horizon = h.horizon
    }

    /// The calendar month company `c` meets the event, if it does.
    func date(_ c: Node) -> YearMonth? { months[c].map { start.adding(months: $0) } }
}
