import LoopSim

/// Scenario files (`scenarios/*.yaml`): reading with positioned errors. See
/// `docs/simulation.md` for the format; `ScenarioWriter` writes the same format.
public enum ScenarioFile {
    /// Every key a scenario file may contain.
    public static let schema: KeySchema = .mapping([
        ("name", .scalar), ("title", .scalar), ("start", .scalar), ("asOf", .scalar), ("horizon", .scalar),
        ("parameters", .limited(ParameterRegistry.all.count, .dictionary(parameterSchema))),
        ("opening", .mapping([("coreweave", .mapping([("cash", figureSchema)])), ("vast", .mapping([("cash", figureSchema)]))])),
        ("contracts", .sequence(.mapping([("customer", .scalar), ("value", .scalar), ("start", .scalar),
                                          ("termMonths", .scalar)]))),
        ("facilities", .sequence(.mapping([("name", .scalar), ("balance", figureSchema), ("rate", .scalar),
                                           ("maturity", .scalar), ("floating", .scalar), ("amortizing", .scalar)]))),
        ("scenes", .sequence(.mapping([("name", .scalar), ("caption", .scalar), ("month", .scalar),
                                       ("levers", .limited(ParameterRegistry.all.count, .dictionary(.scalar)))]))),
        ("changes", .sequence(.mapping([("month", .scalar),
                                        ("levers", .limited(ParameterRegistry.all.count, .dictionary(.scalar)))]))),
        ("shocks", .sequence(shockSchema)),
    ])

    struct DTO: Decodable {
        var name: String
        var title: String?
        var start: String
        var asOf: String?
        var horizon: Int?
        var parameters: [String: NumberOrDistribution]?
        var opening: Opening
        var contracts: [ContractDTO]?
        var facilities: [FacilityDTO]?
        var scenes: [SceneDTO]?
        var changes: [ChangeDTO]?
        var shocks: [ShockDTO]?
    }
    struct ChangeDTO: Decodable {
        var month: Int
        var levers: [String: Double]?
    }
    struct Opening: Decodable {
        struct Cash: Decodable { var cash: FigureNumber }
        var coreweave: Cash
        var vast: Cash?
    }
    struct ContractDTO: Decodable {
        var customer: String
        var value: Double
        var start: String
        var termMonths: Int
    }
    struct FacilityDTO: Decodable {
        var name: String
        var balance: FigureNumber
        var rate: Double
        var maturity: String
        var floating: Bool?
        var amortizing: Bool?
    }
    struct SceneDTO: Decodable {
        var name: String
        var caption: String?
        var month: Int?
        var levers: [String: Double]?
    }

    /// Reads the scenario file at `path`.
    public static func load(contentsOf path: String) throws(ConfigError) -> Scenario {
        try load(YAMLDocument(contentsOf: path))
    }

    /// Reads a scenario from YAML text named `file` in messages.
    public static func load(text: String, file: String) throws(ConfigError) -> Scenario {
        try load(YAMLDocument(text: text, file: file))
    }

    /// Checks keys, decodes and validates a composed document.
    public static func load(_ doc: YAMLDocument) throws(ConfigError) -> Scenario {
        guard case .mapping = doc.root else {
            throw doc.error(at: [], "expected a mapping of scenario keys (name, start, opening, …)")
        }
        if doc.node(at: [.key("entities")]) != nil {
            throw doc.error(at: [.key("entities")], "a loop file (entities and deals): `moneyloop simulate --scenario FILE` "
                + "and `moneyloop scenario check FILE` run it; the dashboard shows article-format scenarios only", atKey: true)
        }
        try doc.checkKeys(schema)
        let dto: DTO = try doc.decode()
        return try build(dto, doc)
    }

    static func build(_ dto: DTO, _ doc: YAMLDocument) throws(ConfigError) -> Scenario {
        let name = dto.name.trimmingWhitespace()
        guard !name.isEmpty, name.count <= 64 else { throw doc.error(at: [.key("name")], "expected 1–64 characters") }
        let start = try month(dto.start, doc, [.key("start")])
        let horizon = dto.horizon ?? Scenario.defaultHorizon
        guard (1...Scenario.maxHorizon).contains(horizon) else {
            throw doc.error(at: [.key("horizon")], "\(horizon) is out of range; allowed 1 … \(Scenario.maxHorizon) months")
        }
        var values = ParameterValues.defaults
        var uncertain: [UncertainParameter] = []
        for (id, entry) in try ordered(dto.parameters, doc, [.key("parameters")]) {
            switch entry {
            case let .number(value): try setParameter(&values, id, value, doc, [.key("parameters"), .key(id)])
            case let .distribution(d):
                let path: [KeyPathComponent] = [.key("parameters"), .key(id)]
                if let u = try parameterDistribution(d, id: id, values: &values, doc, path) { uncertain.append(u) }
            }
        }
        let cash = dto.opening.coreweave.cash.value
        try requireAmount(cash, doc, [.key("opening"), .key("coreweave"), .key("cash")])
        if let vastCash = dto.opening.vast?.cash.value {
            let path: [KeyPathComponent] = [.key("opening"), .key("vast"), .key("cash")]
            if dto.parameters?[ParameterID.vastCash.rawValue] != nil {
                throw doc.error(at: path, "Vast's cash is also set in parameters as vast.cash; set it once")
            }
            try setParameter(&values, ParameterID.vastCash.rawValue, vastCash, doc, path)
        }
        var contracts: [Contract] = []
        for (i, c) in (dto.contracts ?? []).enumerated() {
            let at: [KeyPathComponent] = [.key("contracts"), .index(i)]
            guard let customer = Node(rawValue: c.customer), Node.customers.contains(customer) else {
                let allowed = Node.customers.map(\.rawValue).joined(separator: ", ")
                throw doc.error(at: at + [.key("customer")], "'\(c.customer)' is not a customer; allowed: \(allowed)")
            }
            try requireAmount(c.value, doc, at + [.key("value")])
            guard (1...240).contains(c.termMonths) else {
                throw doc.error(at: at + [.key("termMonths")], "\(c.termMonths) is out of range; allowed 1 … 240 months")
            }
            contracts.append(Contract(customer: customer, value: c.value,
                                      start: try month(c.start, doc, at + [.key("start")]), termMonths: c.termMonths))
        }
        var facilities: [DebtFacility] = []
        for (i, f) in (dto.facilities ?? []).enumerated() {
            let at: [KeyPathComponent] = [.key("facilities"), .index(i)]
            guard !f.name.isEmpty else { throw doc.error(at: at + [.key("name")], "expected a name") }
            try requireAmount(f.balance.value, doc, at + [.key("balance")])
            guard f.rate.isFinite, (0...1).contains(f.rate) else {
                throw doc.error(at: at + [.key("rate")], "\(f.rate) is out of range; allowed 0 … 1 (0.11 = 11% a year)")
            }
            facilities.append(DebtFacility(name: f.name, balance: f.balance.value, rate: f.rate,
                                           maturity: try month(f.maturity, doc, at + [.key("maturity")]),
                                           floating: f.floating ?? false, amortizing: f.amortizing ?? false))
        }
        var scenes: [Scene] = []
        for (i, s) in (dto.scenes ?? []).enumerated() {
            let at: [KeyPathComponent] = [.key("scenes"), .index(i)]
            guard i < Scene.maxCount else { throw doc.error(at: at, "at most \(Scene.maxCount) scenes (keys 1–9)") }
            if let m = s.month, !(0...horizon).contains(m) {
                throw doc.error(at: at + [.key("month")], "\(m) is out of range; allowed 0 … \(horizon) (the horizon)")
            }
            var levers: [SceneLever] = []
            for (id, value) in try ordered(s.levers, doc, at + [.key("levers")]) {
                let lever = try checkedLever(id, value, doc, at + [.key("levers"), .key(id)])
                levers.append(SceneLever(id: lever.id, value: lever.value))
            }
            scenes.append(Scene(name: s.name, caption: s.caption ?? "", month: s.month, levers: levers))
        }
        var changes: [LeverChange] = []
        for (i, c) in (dto.changes ?? []).enumerated() {
            let at: [KeyPathComponent] = [.key("changes"), .index(i)]
            guard (0...horizon).contains(c.month) else {
                throw doc.error(at: at + [.key("month")], "\(c.month) is out of range; allowed 0 … \(horizon) (the horizon)")
            }
            for (id, value) in try ordered(c.levers, doc, at + [.key("levers")]) {
                let lever = try checkedLever(id, value, doc, at + [.key("levers"), .key(id)])
                changes.append(LeverChange(month: c.month, id: lever.id, value: lever.value))
            }
        }
        return Scenario(name: name, title: dto.title ?? name, start: start, horizon: horizon, parameters: values,
                        coreweaveCash: cash, contracts: contracts, facilities: facilities, scenes: scenes,
                        changes: changes,
                        uncertainty: Uncertainty(parameters: uncertain, shocks: try shocks(dto.shocks, doc)),
                        sources: try sources(dto, doc, start), asOf: dto.asOf)
    }

    /// The source notes of the figures written `{value, source, date}` (or with an
    /// assumption): CoreWeave's and Vast's opening cash, facility balances and any
    /// parameter; `asOf` checked.
    static func sources(_ dto: DTO, _ doc: YAMLDocument, _ start: YearMonth) throws(ConfigError) -> [String: SourceNote] {
        let reader = LoopFileReader(doc: doc, start: start)
        if let asOf = dto.asOf { try reader.checkDate(asOf, [.key("asOf")]) }
        var notes: [String: SourceNote] = [:]
        let opening: [(String, [KeyPathComponent])] = [
            (Scenario.coreweaveCashKey, [.key("opening"), .key("coreweave"), .key("cash")]),
            (ParameterID.vastCash.rawValue, [.key("opening"), .key("vast"), .key("cash")]),
        ]
        let parameters = (dto.parameters ?? [:]).keys.sorted().map { ($0, [KeyPathComponent.key("parameters"), .key($0)]) }
        let balances = (dto.facilities ?? []).indices.map {
            (Scenario.facilityBalanceKey($0), [KeyPathComponent.key("facilities"), .index($0), .key("balance")])
        }
        for (key, path) in opening + balances + parameters {
            if let note = try reader.note(path) { notes[key] = note }
        }
        return notes
    }

    /// The entries of a decoded `[id: value]` mapping in the order the file lists them.
    public static func ordered<V>(_ dict: [String: V]?, _ doc: YAMLDocument,
                           _ path: [KeyPathComponent]) throws(ConfigError) -> [(String, V)]
    {
        guard let dict, case let .mapping(m)? = doc.node(at: path) else { return [] }
        return m.compactMap { pair in pair.key.string.flatMap { k in dict[k].map { (k, $0) } } }
    }

    public static func setParameter(_ values: inout ParameterValues, _ id: String, _ value: Double, _ doc: YAMLDocument,
                             _ path: [KeyPathComponent]) throws(ConfigError)
    {
        do {
            try values.set(ParameterID(id), value)
        } catch {
            throw doc.error(at: path, ParameterMessages.describe(error), atKey: isUnknown(error))
        }
    }

    /// `id: value` of a scene, a dated change or a demo step: the id checked against the
    /// registry and the value against its range, as `parameters:` checks them.
    public static func checkedLever(_ id: String, _ value: Double, _ doc: YAMLDocument,
                                    _ path: [KeyPathComponent]) throws(ConfigError) -> (id: ParameterID, value: Double)
    {
        var check = ParameterValues.defaults
        try setParameter(&check, id, value, doc, path)
        let typed = ParameterID(rawValue: id)  // known: setParameter refused any other
        return (typed, check[typed])
    }

    static func isUnknown(_ e: ParameterError) -> Bool { if case .unknown = e { true } else { false } }

    /// The largest amount a file may give (a thousand trillion dollars): sums of larger ones
    /// could overflow to infinity.
    public static let maxAmount = 1e15

    static func requireAmount(_ v: Double, _ doc: YAMLDocument, _ path: [KeyPathComponent]) throws(ConfigError) {
        guard v.isFinite, v >= 0 else { throw doc.error(at: path, "expected a finite amount ≥ 0 in dollars") }
        guard v <= maxAmount else {
            throw doc.error(at: path, "\(ScenarioWriter.number(v)) is out of range; allowed 0 … \(ScenarioWriter.number(maxAmount)) dollars")
        }
    }

    static func month(_ text: String, _ doc: YAMLDocument, _ path: [KeyPathComponent]) throws(ConfigError) -> YearMonth {
        guard let m = YearMonth(text), (1900...2200).contains(m.year) else {
            throw doc.error(at: path, "'\(text)' is not a month; expected YYYY-MM, e.g. 2025-11")
        }
        return m
    }
}

/// Parameter errors worded for files and options (the key path already names the id).
public enum ParameterMessages {
    public static func describe(_ error: ParameterError) -> String {
        switch error {
        case let .unknown(_, suggestion):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "unknown parameter\(hint); `moneyloop params` lists them"
        case let .outOfRange(id, value, min, max):
            let unit = ParameterRegistry.parameter(id)?.unit ?? .count
            let raw = { (v: Double) in ScenarioWriter.number(v) }
            let shown = { (v: Double) in "\(raw(v)) (\(Format.parameterValue(v, unit: unit)))" }
            guard value.isFinite else { return "expected a finite number; allowed \(shown(min)) … \(shown(max))" }
            return "\(raw(value)) is out of range; allowed \(shown(min)) … \(shown(max))"
        case let .notANumber(_, text):
            return "'\(text)' is not a number"
        }
    }
}
