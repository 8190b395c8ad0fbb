import LoopSim

/// Reads an entity's `financing:` block of a loop file (docs/simulation.md): its cash
/// floor, market access, the price of new debt, the split of a raise, covenants, who lends
/// and who invests. Every figure is `{value, source, date}` or `{value, assumption}`; a
/// key left out keeps `LoopFinancingTerms.defaultPolicy`'s value (the registry's `credit.*`).
struct LoopFinancingReader {
    let r: LoopFileReader

    /// Each figure's key, its largest value, and where it goes.
    static let figures: [(key: String, max: Double, set: @Sendable (inout LoopFinancingTerms, Double) -> Void)] = [
        ("cashFloor", ScenarioFile.maxAmount, { $0.policy.cashFloor = $1 }),
        ("marketAccess", 1, { $0.policy.marketAccess = $1 }),
        ("baseRate", 1, { $0.policy.baseRate = $1 }),
        ("spreadPerTurn", 1, { $0.policy.spreadPerTurn = $1 }),
        ("leverageFree", 100, { $0.policy.leverageFree = $1 }),
        ("maxSpread", 1, { $0.policy.maxSpread = $1 }),
        ("equityShare", 1, { $0.policy.equityShare = $1 }),
        ("termMonths", 600, { $0.policy.newDebtTermMonths = max(1, Int($1.rounded())) }),
        ("raiseFee", 0.5, { $0.policy.raiseFee = $1 }),
        ("minInterestCoverage", 100, { $0.policy.minInterestCoverage = $1 }),
        ("maxLoanToValue", 10, { $0.policy.maxLoanToValue = $1 }),
        ("collateral", ScenarioFile.maxAmount, { $0.openingCollateral = $1 }),
        ("usefulLifeYears", 30, { $0.usefulLifeMonths = max(1, Int(($1 * 12).rounded())) }),
        ("equityValue", ScenarioFile.maxAmount, { $0.equityValue = $1 }),
    ]
    static let keys = figures.map(\.key) + ["rollover", "lender", "investor"]

    /// The financing of entity `e` (at `at`, the entity's path), its figures' sources
    /// added to `sources` as `financing.<key>`.
    func read(_ at: [KeyPathComponent], entity e: Int, _ entities: [LoopEntity],
              sources: inout [String: SourceNote]) throws(ConfigError) -> LoopFinancingTerms
    {
        let path = at + [.key("financing")]
        try r.checkKeys(path, allowed: Self.keys)
        guard !entities[e].external else {
            throw r.fail(path, "the outside world (external: true) does not finance itself", atKey: true)
        }
        let lender = try who(path + [.key("lender")], e, entities, kind: .lender, role: "lender")
        let investor = try who(path + [.key("investor")], e, entities, kind: .investor, role: "investor",
                               fallback: lender)
        var terms = LoopFinancingTerms(lender: lender, investor: investor)
        for f in Self.figures where r.has(path + [.key(f.key)]) {
            let (v, source) = try r.amount(path + [.key(f.key)], max: f.max)
            guard let source else {
                throw r.fail(path + [.key(f.key)], "a financing figure needs its source: {value: …, source: \"…\", "
                    + "date: YYYY-MM-DD} or {value: …, assumption: \"why\"}")
            }
            if f.key == "termMonths", v != v.rounded() || v < 1 {
                throw r.fail(path + [.key(f.key)], "expected a whole number of months ≥ 1")
            }
            f.set(&terms, v)
            sources["financing." + f.key] = source
        }
        terms.policy.rollover = try r.bool(path + [.key("rollover")], default: true)
        return terms
    }

    /// The entity named at `path`, or the first other entity of `kind` (else `fallback`).
    func who(_ path: [KeyPathComponent], _ e: Int, _ entities: [LoopEntity], kind: EntityKind, role: String,
             fallback: Int? = nil) throws(ConfigError) -> Int
    {
        let ids = entities.map(\.id)
        if let id = try r.optionalText(path) {
            guard let i = ids.firstIndex(of: id) else { throw r.fail(path, LoopFile.unknownEntity(id, ids)) }
            guard i != e else { throw r.fail(path, "an entity cannot be its own \(role)") }
            return i
        }
        if let i = entities.indices.first(where: { $0 != e && entities[$0].kind == kind }) ?? fallback { return i }
        throw r.fail(Array(path.dropLast()), "financing needs a `\(role):` entity (the loop has none of kind \(kind.rawValue))")
    }
}
