import LoopSim

/// The headline figure narration speaks of, read from the engine's `Headline`: for each
/// tracked company the month (from the scenario's start) it runs out of cash with no new
/// financing beyond its facilities, and which company does first.
struct Outlook: Equatable, Sendable {
    /// The companies narration follows, in the order it names them.
    static let companies: [Node] = [.coreweave, .vast]

    var first: Node?
    /// Months from the start; a company missing here does not meet the event in the horizon.
    var months: [Node: Int]
    var start: YearMonth
    var horizon: Int
    /// How the event is said after a company's name.
    var verb = "runs out of cash"

    init(_ h: Headline) {
        first = h.firstOut
        months = [:]
        for c in Self.companies { months[c] = h.runway(of: c) }
        start = h.date.adding(months: -h.month)
        horizon = h.horizon
    }

    /// The calendar month company `c` meets the event, if it does.
    func date(_ c: Node) -> YearMonth? { months[c].map { start.adding(months: $0) } }
}
