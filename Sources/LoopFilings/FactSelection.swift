/// Picks one fact per period out of a company-facts document: the same period comes
/// back in later filings (as a comparative, or restated by an amendment).
public enum FactSelection {
    /// Of two reports of the same period, whether `a` wins: the one the SEC gave a
    /// calendar frame, else the one filed later (an amendment over the original), else
    /// the later accession number.
    public static func prefers(_ a: Fact, over b: Fact) -> Bool {
        if (a.frame != nil) != (b.frame != nil) { return a.frame != nil }
        if a.filed != b.filed { return a.filed > b.filed }
        return a.accession > b.accession
    }

    /// One fact per period (start and end) of `facts`, newest period first, shorter
    /// periods before longer ones that end on the same day.
    public static func deduplicated(_ facts: [Fact]) -> [Fact] {
        var best: [String: Fact] = [:]
        for f in facts {
            let key = (f.start ?? "") + "|" + f.end
            if let b = best[key], !prefers(f, over: b) { continue }
            best[key] = f
        }
        return best.values.sorted(by: newerFirst)
    }

    static func newerFirst(_ a: Fact, _ b: Fact) -> Bool {
        if a.end != b.end { return a.end > b.end }
        return (a.months ?? 0, a.accession) < (b.months ?? 0, b.accession)
    }

    /// A concept's values by period: each tag's facts deduplicated, then for each period
    /// the value of the first tag (in the concept's order) that reports it. Only
    /// instants for a balance-sheet concept, only durations for a flow; with `through`
    /// (`YYYY-MM-DD`), periods ending after it are left out.
    public static func series(_ concept: FiledConcept, in company: CompanyFacts, through: String? = nil) -> [Fact] {
        var chosen: [String: Fact] = [:]
        for tag in concept.tags {
            let rows = (company.facts[tag] ?? []).filter { f in
                (f.start == nil) == concept.isInstant && through.map { f.end <= $0 } ?? true
            }
            for f in deduplicated(rows) where chosen[(f.start ?? "") + "|" + f.end] == nil {
                chosen[(f.start ?? "") + "|" + f.end] = f
            }
        }
        return chosen.values.sorted(by: newerFirst)
    }

    /// The latest value of a balance-sheet concept on or before `through`; nil when no tag reports one.
    public static func latest(_ concept: FiledConcept, in company: CompanyFacts, through: String? = nil) -> Fact? {
        series(concept, in: company, through: through).first
    }
}
