/// Which SEC filer stands behind a loop entity: the standard table for the bundled
/// loops, extended or overridden by `--company ID=TICKER`.
public enum EntityFilers {
    /// Entity id → ticker, for the public companies of the bundled loops.
    public static let standard: [String: String] = [
        "coreweave": "CRWV", "nvidia": "NVDA", "oracle": "ORCL", "amd": "AMD", "microsoft": "MSFT",
        "meta": "META", "amazon": "AMZN",
    ]

    /// Entities known to be private: they file no company facts.
    public static let privateCompanies: Set<String> = ["openai", "vast", "anthropic", "xai"]

    /// Why an entity with no filer keeps its figures.
    public static func noFiler(_ id: String) -> String {
        privateCompanies.contains(id)
            ? "private, files no company facts: its figures stay sourced assumptions"
            : "no SEC filer known for this entity: its figures stay as written (map one with --company \(id)=TICKER)"
    }
}
