/// A scenario figure read from a filing, with the note that traces it to the filing:
/// form, accession number, date filed, tags (and, for a flow, its period).
public struct FiledFigure: Sendable, Equatable {
    /// What it sets, as the update lists it (`coreweave.cash`, `cw.revenue2024`).
    public var key: String
    public var value: Double
    /// The balance-sheet date, or the last day of the period (`YYYY-MM-DD`).
    public var date: String
    public var source: String
    /// The filing's folder on sec.gov.
    public var url: String
}

/// How one scenario figure is read from a company's facts.
public enum FigureRule: Sendable, Equatable {
    /// The latest balance-sheet value (cash and equivalents, backlog).
    case balance(FiledConcept)
    /// Current plus noncurrent debt on the latest date both are filed.
    case totalDebt
    /// The twelve months to a date in `year` (a fiscal year, `cw.revenue2024`).
    case year(FiledConcept, Int)
    /// The latest quarter's flow, a month's worth (a third of it).
    case monthly(FiledConcept)
}

/// Figures read from a company's facts by a `FigureRule`: the value, and the note naming
/// the filing; or, when the filings do not give it, why.
public enum OpeningFigures {
    /// The figure `key` by `rule`, or why the filings do not give it.
    public static func read(_ rule: FigureRule, key: String, in company: CompanyFacts, through: String? = nil)
        -> Result<FiledFigure, FilingsError>
    {
        switch rule {
        case let .balance(c):
            guard let f = FactSelection.latest(c, in: company, through: through) else { return .failure(notFiled(c, through)) }
            return .success(figure(key, f.value, [f], company))
        case .totalDebt:
            let current = FactSelection.series(.debtCurrent, in: company, through: through)
            let noncurrent = FactSelection.series(.debtNoncurrent, in: company, through: through)
            if let n = noncurrent.first(where: { n in current.contains { $0.end == n.end } }),
               let c = current.first(where: { $0.end == n.end }) {
                return .success(figure(key, c.value + n.value, [c, n], company))
            }
            if current.isEmpty || noncurrent.isEmpty {
                return .failure(notFiled(current.isEmpty ? .debtCurrent : .debtNoncurrent, through))
            }
            return .failure(FilingsError("current and noncurrent debt are never filed for the same date"))
        case let .year(c, year):
            guard let f = FactSelection.series(c, in: company, through: through)
                .first(where: { $0.months == 12 && $0.end.hasPrefix("\(year)-") })
            else { return .failure(FilingsError("no twelve-month \(c.tags.joined(separator: " / ")) fact ending in \(year)")) }
            return .success(figure(key, f.value, [f], company))
        case let .monthly(c):
            guard let f = FactSelection.series(c, in: company, through: through).first(where: { $0.months == 3 }) else {
                return .failure(FilingsError("no quarterly \(c.tags.joined(separator: " / ")) fact"
                    + (through.map { " on or before \($0)" } ?? "")))
            }
            return .success(figure(key, f.value / 3, [f], company, each: "a third of it a month"))
        }
    }

    static func notFiled(_ c: FiledConcept, _ through: String?) -> FilingsError {
        FilingsError("no \(c.tags.joined(separator: " / ")) fact" + (through.map { " on or before \($0)" } ?? ""))
    }

    /// The figure with its note: company, then per filing its form, date filed, accession
    /// and the tags it gave (with their amounts when several add up, with the period of a flow).
    static func figure(_ key: String, _ value: Double, _ facts: [Fact], _ company: CompanyFacts,
                       each: String? = nil) -> FiledFigure
    {
        var parts: [String] = []
        for accession in facts.map(\.accession).uniqued() {
            let from = facts.filter { $0.accession == accession }
            let tags = from.map { f in
                let period = f.months.map { ", \($0) mo to \(f.end)" } ?? ""
                let amount = from.count > 1 || facts.count > 1 || !period.isEmpty ? " \(Money.millions(f.value))" : ""
                return f.tag + amount + period
            }
            let note = each.map { "; \($0)" } ?? ""
            parts.append("\(from[0].form) filed \(from[0].filed), accession \(accession) (\(tags.joined(separator: " + "))\(note))")
        }
        let first = facts[0]
        let folder = first.accession.filter { $0 != "-" }
        return FiledFigure(key: key, value: value, date: first.end,
                           source: "\(company.entityName) \(parts.joined(separator: "; "))",
                           url: "https://www.sec.gov/Archives/edgar/data/\(company.cik)/\(folder)/")
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
