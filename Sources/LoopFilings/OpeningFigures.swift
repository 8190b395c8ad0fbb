/// A loop entity's opening figure read from a filing, with the note that traces it to
/// the filing: form, accession number, date filed, tags.
public struct FiledFigure: Sendable, Equatable {
    /// The entity key it sets: `cash` or `debt`.
    public var key: String
    public var value: Double
    /// The balance-sheet date (`YYYY-MM-DD`).
    public var date: String
    public var source: String
    /// The filing's folder on sec.gov.
    public var url: String
}

/// The loop entity figures a company's facts give: `cash` (cash and equivalents) and
/// `debt` (current plus noncurrent debt on the same balance-sheet date).
public enum OpeningFigures {
    /// The keys this mapping can set; every other entity key stays as written.
    public static let keys = ["cash", "debt"]

    /// The figures, and for each key not given, why.
    public static func read(_ company: CompanyFacts, through: String? = nil)
        -> (figures: [FiledFigure], missing: [String: String])
    {
        var figures: [FiledFigure] = []
        var missing: [String: String] = [:]
        if let cash = FactSelection.latest(.cash, in: company, through: through) {
            figures.append(figure("cash", cash.value, [cash], company))
        } else {
            missing["cash"] = notFiled(.cash, through)
        }
        let current = FactSelection.series(.debtCurrent, in: company, through: through)
        let noncurrent = FactSelection.series(.debtNoncurrent, in: company, through: through)
        if let n = noncurrent.first(where: { n in current.contains { $0.end == n.end } }),
           let c = current.first(where: { $0.end == n.end }) {
            figures.append(figure("debt", c.value + n.value, [c, n], company))
        } else if current.isEmpty || noncurrent.isEmpty {
            missing["debt"] = notFiled(current.isEmpty ? .debtCurrent : .debtNoncurrent, through)
        } else {
            missing["debt"] = "current and noncurrent debt are never filed for the same date"
        }
        return (figures, missing)
    }

    static func notFiled(_ c: FiledConcept, _ through: String?) -> String {
        "no \(c.tags.joined(separator: " / ")) fact" + (through.map { " on or before \($0)" } ?? "")
    }

    static func figure(_ key: String, _ value: Double, _ facts: [Fact], _ company: CompanyFacts) -> FiledFigure {
        var parts: [String] = []
        for accession in facts.map(\.accession).uniqued() {
            let from = facts.filter { $0.accession == accession }
            let tags = from.map { from.count > 1 || facts.count > 1 ? "\($0.tag) \(Money.millions($0.value))" : $0.tag }
            parts.append("\(from[0].form) filed \(from[0].filed), accession \(accession) (\(tags.joined(separator: " + ")))")
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
