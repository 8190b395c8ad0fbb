import Foundation

extension FilingsCache {
    /// A company's cached facts and their fetch date; nil when not cached. A ticker is
    /// looked up in the cached ticker list.
    public func company(_ ref: CompanyRef) throws(FilingsError) -> (facts: CompanyFacts, fetched: Date)? {
        let cik: Int
        switch ref {
        case let .cik(n): cik = n
        case let .ticker(t):
            guard let list = try read(tickersPath) else {
                throw FilingsError("\(t): no cached ticker list at \(tickersPath); fetch it by ticker once, or give the CIK")
            }
            guard let n = try TickerMap.parse(list.document, source: tickersPath).ciks[t] else {
                throw FilingsError("\(t): not in the cached ticker list; give the CIK")
            }
            cik = n
        }
        let path = factsPath(cik: cik)
        guard let entry = try read(path) else { return nil }
        return (try CompanyFacts.parse(entry.document, source: path), entry.fetched)
    }
}

extension FilingsFetcher.Result {
    /// `CRWV  CoreWeave, Inc. (CIK 0001769628): downloaded; latest balance sheet 2025-09-30 (10-Q, accession …)`.
    public func line(now: Date) -> String {
        let how = fromCache.map { "from the cache, fetched \(CacheAge.describe(fetched, now: now)); \($0)" } ?? "downloaded"
        let latest = FactSelection.latest(.cash, in: facts).map {
            "; latest balance sheet \($0.end) (\($0.form), accession \($0.accession))"
        } ?? "; no balance-sheet cash fact"
        return "\(ref)  \(facts.entityName) (CIK \(facts.paddedCIK)): \(how)\(latest)"
    }
}
