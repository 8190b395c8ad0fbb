import LoopSim

/// A value in a scenario file that is either a plain number or a distribution mapping
/// `{value, low, high, dist}` (see `docs/analytics.md`).
enum NumberOrDistribution: Decodable, DescribedType {
    case number(Double)
    case distribution(DistributionDTO)

    static let typeDescription = "a number or a mapping {value, low, high, dist}"

    init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let v = try? c.decode(Double.self) {
            self = .number(v)
        } else if let d = try? DistributionDTO(from: decoder) {
            self = .distribution(d)
        } else {
            throw DecodingError.typeMismatch(NumberOrDistribution.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: NumberOrDistribution.typeDescription))
        }
    }
}

/// An amount written as a plain number or as a sourced figure `{value, source, date}`
/// (whose note `ScenarioFile.sources` reads).
struct FigureNumber: Decodable, DescribedType {
    var value: Double

    static let typeDescription = "a number or a mapping {value, source, date}"

    private struct Figure: Decodable { var value: Double }

    init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let v = try? c.decode(Double.self) {
            value = v
        } else if let f = try? Figure(from: decoder) {
            value = f.value
        } else {
            throw DecodingError.typeMismatch(FigureNumber.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: Self.typeDescription))
        }
    }
}

/// A distribution as written: every key optional (the checks give positioned messages).
struct DistributionDTO: Decodable {
    var value: Double?
    var low: Double?
    var high: Double?
    var dist: String?
}

extension ScenarioFile {
    /// The keys of a distribution mapping.
    static let distributionSchema: KeySchema = .mapping([("value", .scalar), ("low", .scalar), ("high", .scalar),
                                                          ("dist", .scalar)])

    /// The keys of a parameter: a distribution, and the source note of a sourced figure.
    static let parameterSchema: KeySchema = .mapping([("value", .scalar), ("low", .scalar), ("high", .scalar),
                                                       ("dist", .scalar)] + LoopFileReader.noteKeys.map { ($0, .scalar) })

    /// The keys of a sourced figure: `{value, source, date, url}` or `{value, assumption}`.
    static let figureSchema: KeySchema = .mapping([("value", .scalar)] + LoopFileReader.noteKeys.map { ($0, .scalar) })

    /// The keys of one shock.
    static let shockSchema: KeySchema = .mapping([("kind", .scalar), ("name", .scalar), ("chance", .scalar),
                                                   ("customer", .scalar), ("share", distributionSchema),
                                                   ("month", distributionSchema)])

    struct ShockDTO: Decodable {
        var kind: String
        var name: String?
        var chance: Double
        var customer: String?
        var share: NumberOrDistribution?
        var month: NumberOrDistribution?
    }

    /// The kinds of shock a file may give.
    static let shockKinds = ["haircut", "creditClosed"]

    /// A parameter's distribution: checks the range and shape, sets the parameter's
    /// value (the point value, the value in force when `value` is left out) in `values`.
    /// Nil when the mapping gives only a value (a plain number).
    static func parameterDistribution(_ d: DistributionDTO, id: String, values: inout ParameterValues,
                                      _ doc: YAMLDocument, _ path: [KeyPathComponent]) throws(ConfigError)
        -> UncertainParameter?
    {
        guard ParameterRegistry.parameter(ParameterID(id)) != nil else {
            try setParameter(&values, id, 0, doc, path)  // throws the unknown-parameter message
            throw doc.error(at: path, "unknown parameter")
        }
        let given = d.value
        // Each end must be a value the parameter may take: the same messages as a plain value.
        var check = values
        for (key, v) in [("value", d.value), ("low", d.low), ("high", d.high)] {
            if let v { try setParameter(&check, id, v, doc, path + [.key(key)]) }
        }
        let point = given ?? values[ParameterID(id)]
        let dist = try distribution(d, point: point, defaultNote: given == nil ? "no value given, and the default" : nil,
                                    doc, path)
        values.setClamped(ParameterID(id), point)
        return dist.isFixed ? nil : UncertainParameter(id: ParameterID(id), distribution: dist)
    }

    /// A distribution from its mapping; `point` is the value when the mapping gives none
    /// (`defaultNote` says where it came from in messages).
    static func distribution(_ d: DistributionDTO, point: Double, defaultNote: String?, _ doc: YAMLDocument,
                             _ path: [KeyPathComponent]) throws(ConfigError) -> Distribution
    {
        var kind = DistributionKind.triangular
        if let name = d.dist {
            guard let k = DistributionKind(rawValue: name) else {
                let allowed = DistributionKind.allCases.map(\.rawValue)
                let hint = YAMLDocument.closest(name, in: allowed).map { " (did you mean \($0)?)" } ?? ""
                throw doc.error(at: path + [.key("dist")],
                                "unknown distribution '\(name)'\(hint); allowed: \(allowed.joined(separator: ", "))")
            }
            kind = k
        }
        guard let low = d.low, let high = d.high else {
            if d.low == nil, d.high == nil, d.dist == nil, let v = d.value { return .fixed(v) }
            let missing = d.low == nil ? "low" : "high"
            throw doc.error(at: path, "give both low and high (a 90% interval); \(missing) is missing")
        }
        do {
            return try Distribution(value: point, low: low, high: high, kind: kind)
        } catch {
            var message = error.description
            if case .valueOutside = error, let note = defaultNote {
                message = "\(note) \(ScenarioWriter.number(point)) lies outside low … high "
                    + "(\(ScenarioWriter.number(low)) … \(ScenarioWriter.number(high))); give a value inside the interval"
            }
            let key: String? = switch error {
            case .lowAboveHigh: "low"
            case .lognormalNeedsPositive: "low"
            case .valueOutside: d.value == nil ? nil : "value"
            case .notFinite: nil
            }
            throw doc.error(at: path + (key.map { [.key($0)] } ?? []), message)
        }
    }

    /// A number or a distribution within `range`; a distribution without a value takes
    /// the middle of its interval.
    static func number(_ entry: NumberOrDistribution, range: ClosedRange<Double>, unit: String, _ doc: YAMLDocument,
                       _ path: [KeyPathComponent]) throws(ConfigError) -> Distribution
    {
        let inRange = { (v: Double?, at: [KeyPathComponent]) throws(ConfigError) in
            guard let v else { return }
            guard v.isFinite, range.contains(v) else {
                throw doc.error(at: at, "\(ScenarioWriter.number(v)) is out of range; allowed "
                    + "\(ScenarioWriter.number(range.lowerBound)) … \(ScenarioWriter.number(range.upperBound)) \(unit)")
            }
        }
        switch entry {
        case let .number(v):
            try inRange(v, path)
            return .fixed(v)
        case let .distribution(d):
            try inRange(d.value, path + [.key("value")])
            try inRange(d.low, path + [.key("low")])
            try inRange(d.high, path + [.key("high")])
            let middle = d.low.flatMap { l in d.high.map { h in (l + h) / 2 } } ?? 0
            return try distribution(d, point: d.value ?? middle, defaultNote: nil, doc, path)
        }
    }

    /// The shocks of a file.
    static func shocks(_ dtos: [ShockDTO]?, _ doc: YAMLDocument) throws(ConfigError) -> [Shock] {
        var out: [Shock] = []
        for (i, s) in (dtos ?? []).enumerated() {
            let at: [KeyPathComponent] = [.key("shocks"), .index(i)]
            guard s.chance.isFinite, (0...1).contains(s.chance) else {
                throw doc.error(at: at + [.key("chance")],
                                "\(ScenarioWriter.number(s.chance)) is out of range; allowed 0 … 1 (a probability)")
            }
            let kind: Shock.Kind
            switch s.kind {
            case "haircut":
                guard let c = s.customer else { throw missing(doc, at, "customer") }
                guard let customer = Node(rawValue: c), Node.customers.contains(customer) else {
                    let allowed = Node.customers.map(\.rawValue).joined(separator: ", ")
                    throw doc.error(at: at + [.key("customer")], "'\(c)' is not a customer; allowed: \(allowed)")
                }
                guard let shareEntry = s.share else { throw missing(doc, at, "share") }
                guard let monthEntry = s.month else { throw missing(doc, at, "month") }
                let share = try number(shareEntry, range: 0...1, unit: "(a share of payments)", doc,
                                       at + [.key("share")])
                let month = try number(monthEntry, range: 0...Double(Scenario.maxHorizon), unit: "months", doc,
                                       at + [.key("month")])
                kind = .haircut(customer: customer, share: share, month: month)
            case "creditClosed":
                for (key, given) in [("customer", s.customer != nil), ("share", s.share != nil),
                                     ("month", s.month != nil)] where given
                {
                    throw doc.error(at: at + [.key(key)], "only a haircut shock takes \(key)", atKey: true)
                }
                kind = .creditClosed
            default:
                let hint = YAMLDocument.closest(s.kind, in: shockKinds).map { " (did you mean \($0)?)" } ?? ""
                throw doc.error(at: at + [.key("kind")], "unknown shock kind '\(s.kind)'\(hint); allowed: "
                    + shockKinds.joined(separator: ", "))
            }
            out.append(Shock(name: s.name ?? Shock.defaultName(kind), chance: s.chance, kind: kind))
        }
        return out
    }

    private static func missing(_ doc: YAMLDocument, _ at: [KeyPathComponent], _ key: String) -> ConfigError {
        var e = doc.error(at: at, "missing required key")
        e.keyPath = KeyPathComponent.render(at + [.key(key)])
        return e
    }
}
