import LoopSim

/// Reads positioned values out of a loop file's node tree: amounts (numbers, units or
/// sourced figures), months, ids, statuses. Every problem is a `ConfigError` at
/// file:line:column naming the key.
struct LoopFileReader {
    let doc: YAMLDocument
    let start: YearMonth

    func node(_ path: [KeyPathComponent]) -> YAMLNode? { doc.node(at: path) }

    func fail(_ path: [KeyPathComponent], _ message: String, atKey: Bool = false) -> ConfigError {
        doc.error(at: path, message, atKey: atKey)
    }

    /// The keys of the mapping at `path`, each checked against `allowed`.
    func checkKeys(_ path: [KeyPathComponent], allowed: [String]) throws(ConfigError) {
        guard case let .mapping(m)? = node(path) else { throw fail(path, "expected a mapping") }
        for (k, _) in m {
            let name = k.string ?? ""
            guard allowed.contains(name) else {
                let hint = YAMLDocument.closest(name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail(path + [.key(name)], "unknown key\(hint); allowed: \(allowed.joined(separator: ", "))",
                           atKey: true)
            }
        }
    }

    func has(_ path: [KeyPathComponent]) -> Bool { node(path) != nil }

    func text(_ path: [KeyPathComponent]) throws(ConfigError) -> String {
        guard case let .scalar(s)? = node(path) else {
            throw has(path) ? fail(path, "expected text") : fail(path, "missing required key")
        }
        return s.string
    }

    func optionalText(_ path: [KeyPathComponent]) throws(ConfigError) -> String? {
        has(path) ? try text(path) : nil
    }

    /// A plain number or a number with a unit (`300B`, `$2.40`, `12%`).
    func number(_ path: [KeyPathComponent]) throws(ConfigError) -> Double {
        let raw = try text(path)
        guard let v = SetOption.number(raw) else { throw fail(path, "'\(raw)' is not a number") }
        return v
    }

    /// An amount ≥ 0: a number, or a figure `{value, source, date}` / `{value, assumption}`.
    func amount(_ path: [KeyPathComponent], max: Double = ScenarioFile.maxAmount) throws(ConfigError)
        -> (value: Double, source: SourceNote?)
    {
        var source: SourceNote?
        var at = path
        if case .mapping? = node(path) {
            try checkKeys(path, allowed: ["value"] + Self.noteKeys)
            guard let note = try note(path) else {
                throw fail(path, "a figure needs a source with a date, or an assumption with its reason")
            }
            source = note
            at = path + [.key("value")]
        }
        let v = try number(at)
        guard v.isFinite, v >= 0 else { throw fail(at, "expected a finite amount ≥ 0; found \(ScenarioWriter.number(v))") }
        guard v <= max else {
            throw fail(at, "\(ScenarioWriter.number(v)) is out of range; allowed 0 … \(ScenarioWriter.number(max))")
        }
        return (v, source)
    }

    /// The keys of a figure's source note, beside its `value`.
    static let noteKeys = ["source", "date", "url", "assumption"]

    /// The source note of the figure mapping at `path` (`{value, source, date, url}` or
    /// `{value, assumption}`), nil when it has neither a source nor an assumption. Loop
    /// files and parameter-style scenarios read their figures' notes here.
    func note(_ path: [KeyPathComponent]) throws(ConfigError) -> SourceNote? {
        guard case .mapping? = node(path) else { return nil }
        if let reason = try optionalText(path + [.key("assumption")]) {
            return SourceNote(text: reason, isAssumption: true)
        }
        guard let s = try optionalText(path + [.key("source")]) else {
            for key in ["date", "url"] where has(path + [.key(key)]) {
                throw fail(path + [.key(key)], "a \(key) belongs to a source: add source: \"…\"", atKey: true)
            }
            return nil
        }
        let date = try text(path + [.key("date")])
        try checkDate(date, path + [.key("date")])
        return SourceNote(text: s, date: date, url: try optionalText(path + [.key("url")]) ?? "")
    }

    func amount(_ path: [KeyPathComponent], default d: Double, max: Double = ScenarioFile.maxAmount)
        throws(ConfigError) -> Double
    {
        has(path) ? try amount(path, max: max).value : d
    }

    func fraction(_ path: [KeyPathComponent], default d: Double) throws(ConfigError) -> Double {
        try amount(path, default: d, max: 1)
    }

    func whole(_ path: [KeyPathComponent], default d: Int, max: Int = 600) throws(ConfigError) -> Int {
        guard has(path) else { return d }
        let v = try amount(path, max: Double(max)).value
        guard v == v.rounded() else { throw fail(path, "expected a whole number of months") }
        return Int(v)
    }

    /// A month `YYYY-MM` (or a day `YYYY-MM-DD`, counted in its month) as months from the start.
    func month(_ path: [KeyPathComponent]) throws(ConfigError) -> Int {
        let raw = try text(path)
        guard let m = YearMonth(String(raw.prefix(7))), raw.count == 7 || raw.count == 10,
              (1900...2200).contains(m.year) else {
            throw fail(path, "'\(raw)' is not a month; expected YYYY-MM, e.g. 2025-11")
        }
        if raw.count == 10 { try checkDate(raw, path) }
        return m.months(since: start)
    }

    func month(_ path: [KeyPathComponent], default d: Int) throws(ConfigError) -> Int {
        has(path) ? try month(path) : d
    }

    func checkDate(_ raw: String, _ path: [KeyPathComponent]) throws(ConfigError) {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        let ok = (parts.count == 2 || parts.count == 3) && YearMonth(parts[0...1].joined(separator: "-")) != nil
            && (parts.count == 2 || (parts[2].count == 2 && Int(parts[2]).map { (1...31).contains($0) } == true))
        guard ok else { throw fail(path, "'\(raw)' is not a date; expected YYYY-MM-DD or YYYY-MM") }
    }

    func bool(_ path: [KeyPathComponent], default d: Bool) throws(ConfigError) -> Bool {
        guard has(path) else { return d }
        switch try text(path).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw fail(path, "expected true or false, found '\(other)'")
        }
    }

    /// An id: 1–40 lowercase letters, digits and '-'.
    static func isID(_ s: String) -> Bool {
        (1...40).contains(s.count) && s.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// One of `choices` (by raw value), with "did you mean" and the list.
    func choice<T: RawRepresentable & CaseIterable>(_ path: [KeyPathComponent], _ what: String) throws(ConfigError) -> T
        where T.RawValue == String
    {
        let raw = try text(path)
        if let v = T(rawValue: raw) { return v }
        let all = T.allCases.map(\.rawValue)
        let hint = YAMLDocument.closest(raw, in: all).map { " (did you mean '\($0)'?)" } ?? ""
        throw fail(path, "'\(raw)' is not a \(what)\(hint); allowed: \(all.joined(separator: ", "))")
    }
}
