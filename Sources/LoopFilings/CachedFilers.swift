import Foundation

/// The company facts at hand in the cache for a loop's entities, and for each entity
/// without them, why: what `scenario update --from-filings` works from.
public struct CachedFilers {
    /// Entity id → its company's facts.
    public var companies: [String: CompanyFacts] = [:]
    /// Entity id → why its figures cannot come from filings.
    public var unresolved: [String: String] = [:]
    /// One line per company read: which, and how old its cache is.
    public var notes: [String] = []

    /// Looks up each entity's filer (`filers`: entity id → ticker or CIK) in `cache`.
    public static func gather(ids: [String], filers: [String: String], cache: FilingsCache, now: Date) -> CachedFilers {
        var out = CachedFilers()
        for id in ids {
            guard let name = filers[id] else { continue }
            do throws(FilingsError) {
                if let (facts, fetched) = try cache.company(try CompanyRef(name)) {
                    out.companies[id] = facts
                    out.notes.append("\(id): \(facts.entityName) (\(name)), company facts fetched \(CacheAge.describe(fetched, now: now))")
                } else {
                    out.unresolved[id] = "no cached company facts for \(name): run `moneyloop filings fetch \(name)`"
                }
            } catch {
                out.unresolved[id] = error.message
            }
        }
        return out
    }
}
