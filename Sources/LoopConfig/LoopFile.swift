import LoopSim

/// Loop files: a scenario that declares its own `entities:` and `deals:` (schema in
/// docs/simulation.md). A file loads whole or not at all; every problem is reported at
/// file:line:column with its key path.
public enum LoopFile {
    static let topKeys = ["name", "title", "start", "asOf", "horizon", "entities", "deals"]
    static let entityKeys = ["name", "kind", "cash", "debt", "fleet", "opexPerGPUHour", "overheadMonthly", "supplier",
                             "kwPerGPU", "external", "financing"]
    static let commonDealKeys = ["id", "kind", "from", "to", "status", "source"]
    /// The keys of each deal kind beyond the common ones.
    static let kindKeys: [DealKind: [String]] = [
        .takeOrPay: ["value", "start", "termMonths", "ramp", "gpus"],
        .usage: ["gpus", "fleetShare", "utilization", "price", "priceDeclinePerYear", "start", "termMonths"],
        .perUnit: ["cap", "rate", "units", "referenceUtilization", "start", "termMonths", "flat"],
        .vendorSale: ["unitPrice", "perMonth", "start", "termMonths", "orders", "leadTimeMonths"],
        .equity: ["amount", "date", "tranches"],
        .loan: ["facility", "limit", "drawn", "rate", "floating", "ltv", "collateral", "termMonths", "maturity",
                "date", "amount", "floor"],
        .backstop: ["limit", "price", "start", "termMonths"],
        .warrant: ["strike", "sharePrice", "priceGrowthPerYear", "tranches"],
        .recurring: ["monthly", "growthPerYear", "start", "termMonths"],
    ]

    /// True when the YAML text is a loop file (it has a top-level `entities:` key).
    public static func isLoop(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("entities:") }
    }

    public static func load(contentsOf path: String) throws(ConfigError) -> MoneyLoop {
        try load(YAMLDocument(contentsOf: path))
    }

    public static func load(text: String, file: String) throws(ConfigError) -> MoneyLoop {
        try load(YAMLDocument(text: text, file: file))
    }

    public static func load(_ doc: YAMLDocument) throws(ConfigError) -> MoneyLoop {
        guard case .mapping = doc.root else { throw doc.error(at: [], "expected a mapping (name, start, entities, deals)") }
        let head = LoopFileReader(doc: doc, start: YearMonth(year: 2000, month: 1))
        try head.checkKeys([], allowed: topKeys)
        let name = try head.text([.key("name")]).trimmingWhitespace()
        guard (1...64).contains(name.count) else { throw doc.error(at: [.key("name")], "expected 1–64 characters") }
        let startText = try head.text([.key("start")])
        guard startText.count == 7, let start = YearMonth(startText), (1900...2200).contains(start.year) else {
            throw doc.error(at: [.key("start")], "'\(startText)' is not a month; expected YYYY-MM, e.g. 2025-11")
        }
        let r = LoopFileReader(doc: doc, start: start)
        // The date the opening figures describe (set by `scenario update --from-filings`).
        if let asOf = try r.optionalText([.key("asOf")]) { try r.checkDate(asOf, [.key("asOf")]) }
        let horizon = try r.whole([.key("horizon")], default: Scenario.defaultHorizon, max: Scenario.maxHorizon)
        guard horizon >= 1 else { throw doc.error(at: [.key("horizon")], "allowed 1 … \(Scenario.maxHorizon) months") }
        let entities = try readEntities(r)
        let ids = entities.map(\.id)
        guard case let .sequence(list)? = r.node([.key("deals")]) else {
            throw doc.error(at: [.key("deals")], r.has([.key("deals")]) ? "expected a list of deals" : "missing required key")
        }
        guard list.count <= YAMLDocument.maxEntries else { throw doc.error(at: [.key("deals")], "too many deals") }
        var dealIDs: [String] = []
        for i in list.indices {
            let at: [KeyPathComponent] = [.key("deals"), .index(i), .key("id")]
            let id = try r.text(at)
            guard LoopFileReader.isID(id) else { throw doc.error(at: at, "'\(id)' is not an id; use a-z, 0-9 and '-'") }
            guard !dealIDs.contains(id) else { throw doc.error(at: at, "deal '\(id)' is declared twice") }
            dealIDs.append(id)
        }
        var deals: [LoopDeal] = []
        for i in list.indices {
            deals.append(try LoopDealReader(r: r, at: [.key("deals"), .index(i)], entities: ids, deals: dealIDs).read())
        }
        try checkMilestones(deals, doc)
        let title = try r.optionalText([.key("title")]) ?? name
        do throws(LoopError) {
            return try MoneyLoop.make(name: name, title: title, start: start,
                                      horizon: horizon, entities: entities, deals: deals)
        } catch {
            throw describe(error, doc, dealIDs)
        }
    }

    /// A milestone counting a deal's deliveries must name a vendor sale.
    static func checkMilestones(_ deals: [LoopDeal], _ doc: YAMLDocument) throws(ConfigError) {
        for (i, d) in deals.enumerated() {
            let tranches: [Tranche]
            switch d.terms {
            case let .equity(t), let .warrant(_, _, _, t): tranches = t
            default: continue
            }
            for (k, t) in tranches.enumerated() {
                if let m = t.milestone.deal, deals[m].kind != .vendorSale {
                    throw doc.error(at: [.key("deals"), .index(i), .key("tranches"), .index(k), .key("milestone"), .key("deal")],
                                    "'\(deals[m].id)' is a \(deals[m].kind.label); a milestone counts the deliveries of a vendor sale")
                }
            }
        }
    }

    static func readEntities(_ r: LoopFileReader) throws(ConfigError) -> [LoopEntity] {
        guard case let .mapping(m)? = r.node([.key("entities")]) else {
            throw r.fail([.key("entities")], r.has([.key("entities")]) ? "expected a mapping of entities" : "missing required key")
        }
        guard (2...64).contains(m.count) else { throw r.fail([.key("entities")], "expected 2 … 64 entities") }
        let ids = m.map { $0.key.string ?? "" }
        var entities: [LoopEntity] = []
        var suppliers: [String?] = []
        for id in ids {
            let at: [KeyPathComponent] = [.key("entities"), .key(id)]
            guard LoopFileReader.isID(id) else { throw r.fail(at, "'\(id)' is not an id; use a-z, 0-9 and '-'", atKey: true) }
            try r.checkKeys(at, allowed: entityKeys)
            var sources: [String: SourceNote] = [:]
            func figure(_ key: String) throws(ConfigError) -> Double {
                guard r.has(at + [.key(key)]) else { return 0 }
                let (v, s) = try r.amount(at + [.key(key)])
                guard let s else {
                    throw r.fail(at + [.key(key)], "an opening figure needs its source: {value: …, source: \"…\", "
                        + "date: YYYY-MM-DD} or {value: …, assumption: \"why\"}")
                }
                sources[key] = s
                return v
            }
            let e = LoopEntity(id: id, name: try r.text(at + [.key("name")]), kind: try r.choice(at + [.key("kind")], "kind"),
                               cash: try figure("cash"), debt: try figure("debt"), fleet: try figure("fleet"),
                               opexPerGPUHour: try figure("opexPerGPUHour"), overheadMonthly: try figure("overheadMonthly"),
                               kwPerGPU: try r.amount(at + [.key("kwPerGPU")], default: LoopEntity.defaultKwPerGPU, max: 100),
                               external: try r.bool(at + [.key("external")], default: false), sources: sources)
            suppliers.append(try r.optionalText(at + [.key("supplier")]))
            if (e.opexPerGPUHour > 0 || e.overheadMonthly > 0) && suppliers.last! == nil {
                throw r.fail(at, "operating costs need a `supplier:` entity to pay them to")
            }
            entities.append(e)
        }
        for (i, s) in suppliers.enumerated() {
            guard let s else { continue }
            guard let j = ids.firstIndex(of: s), j != i else {
                throw r.fail([.key("entities"), .key(ids[i]), .key("supplier")], unknownEntity(s, ids))
            }
            entities[i].supplier = j
        }
        for (i, id) in ids.enumerated() where r.has([.key("entities"), .key(id), .key("financing")]) {
            entities[i].financing = try LoopFinancingReader(r: r).read([.key("entities"), .key(id)], entity: i, entities,
                                                                      sources: &entities[i].sources)
        }
        return entities
    }

    static func unknownEntity(_ id: String, _ ids: [String]) -> String {
        let hint = YAMLDocument.closest(id, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown entity '\(id)'\(hint); entities: \(ids.joined(separator: ", "))"
    }

    static func describe(_ error: LoopError, _ doc: YAMLDocument, _ ids: [String]) -> ConfigError {
        let at = { (i: Int) -> [KeyPathComponent] in [.key("deals"), .index(i)] }
        switch error {
        case let .unknownEntity(i): return doc.error(at: at(i), "unknown entity")
        case let .unknownDeal(i): return doc.error(at: at(i), "unknown deal")
        case let .selfDeal(i): return doc.error(at: at(i) + [.key("to")], "a deal needs two different entities")
        case let .externalFinanced(e), let .badFinancier(e, _):
            return doc.error(at: [.key("entities")], "entity \(e + 1): an entity is financed by another entity "
                             + "of the loop, and the outside world not at all")
        case let .cycle(i, through):
            let names = (through + [through.first ?? i]).map { ids[$0] }.joined(separator: " → ")
            return doc.error(at: at(i) + [.key("collateral")],
                             "the deals read each other in a cycle that cannot be scheduled: \(names)")
        }
    }
}
