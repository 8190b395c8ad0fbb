import LoopConfig
import LoopSim

/// `scenario update --from-filings`: a scenario's opening figures set from the companies'
/// latest filings, each with a source note naming the form, accession number and dates;
/// `asOf:` set; every line that changes, and every value the filings do not give, listed.
/// The rest of the file, comments included, is kept. Loop files and parameter-style
/// scenarios (the article's) differ only in their `FilingsMapping`.
public struct ScenarioUpdate: Sendable {
    /// One replaced (or added) stretch of lines; `line` counts from 1 in the old file.
    public struct Change: Sendable, Equatable {
        public var line: Int
        public var what: String
        public var old: [String]
        public var new: [String]
    }

    public var file: String
    public var text: String
    public var changes: [Change]
    public var kept: [String]
    public var asOf: String?

    /// The entities of the file whose filer may give figures (ids, in the file's order).
    public static func entities(text: String, file: String) throws(FilingsError) -> [String] {
        try mapping(text: text, file: file).entities
    }

    /// Plans the update. `companies`: entity id → its facts; `unresolved`: entity id →
    /// why its facts are not at hand; `through`: use no period ending after this date.
    public static func plan(text: String, file: String, companies: [String: CompanyFacts],
                            unresolved: [String: String] = [:], through: String? = nil) throws(FilingsError) -> ScenarioUpdate {
        let map = try mapping(text: text, file: file)
        var editor = LineEditor(lines: text.components(separatedBy: "\n"), doc: map.doc)
        var kept: [String] = []
        var dates: [String] = []
        for id in map.entities {
            guard let company = companies[id] else {
                kept.append("\(id): " + (unresolved[id] ?? EntityFilers.noFiler(id)))
                continue
            }
            for target in map.targets(of: id) {
                let f: FiledFigure
                switch OpeningFigures.read(target.rule, key: target.what, in: company, through: through) {
                case let .failure(why):
                    kept.append("\(target.what): not in the filings (\(why.message))")
                    continue
                case let .success(figure): f = figure
                }
                if let reason = map.keptReason(target, f) {
                    kept.append("\(target.what): \(reason)")
                    continue
                }
                guard let path = target.path else { continue }
                if try editor.set(path, to: line(path, f, existing: map.doc.node(at: path)), what: target.what,
                                  after: map.placeAfter) {
                    dates.append(f.date)
                }
            }
            if let others = map.notGiven(of: id) { kept.append("\(id): \(others): not given by filings, left as written") }
        }
        let asOf = through ?? dates.max()
        if let asOf, !editor.changes.isEmpty {
            _ = try editor.set([.key("asOf")], to: "asOf: \(asOf)", what: "asOf", after: [.key("start")])
        }
        let newText = editor.lines.joined(separator: "\n")
        do throws(FilingsError) { try map.check(newText, file: file) } catch {
            throw FilingsError("the updated \(file) would not load (\(error.message)); nothing written")
        }
        return ScenarioUpdate(file: file, text: newText, changes: editor.changes.sorted { $0.line < $1.line },
                              kept: kept, asOf: editor.changes.isEmpty ? nil : asOf)
    }

    /// The file's mapping: a loop file's (`entities:`) or a parameter-style scenario's;
    /// either is read and checked first.
    static func mapping(text: String, file: String) throws(FilingsError) -> any FilingsMapping {
        do {
            let doc = try YAMLDocument(text: text, file: file)
            if LoopFile.isLoop(text) { return LoopFilingsMapping(doc: doc, loop: try LoopFile.load(doc)) }
            return ArticleFilingsMapping(doc: doc, scenario: try ScenarioFile.load(doc))
        } catch { throw FilingsError(error.description) }
    }

    /// `key: {value: …, source: "…", date: …, url: "…"}`, keeping the other keys the figure
    /// had (a parameter's `low`, `high`, `dist`).
    static func line(_ path: [KeyPathComponent], _ f: FiledFigure, existing: YAMLNode?) -> String {
        var fields = ["value: \(Money.yaml(f.value))"]
        for (k, v) in existing?.mapping?.pairs ?? [] {
            guard let key = k.string, !["value", "source", "date", "url", "assumption"].contains(key), let raw = v.string else { continue }
            fields.append("\(key): \(raw)")
        }
        fields += ["source: \(quoted(f.source))", "date: \(f.date)", "url: \(quoted(f.url))"]
        guard case let .key(key)? = path.last else { return "" }
        return "\(key): {\(fields.joined(separator: ", "))}"
    }

    /// What changes, line by line (`-` old, `+` new), then what was left as it was.
    public var diff: String {
        var out = changes.isEmpty
            ? "\(file): no changes from the filings\n"
            : "\(file): \(changes.count) change\(changes.count == 1 ? "" : "s") from the filings, as of \(asOf ?? "—")\n"
        for c in changes {
            out += "@@ line \(c.line): \(c.what)\n"
            out += c.old.map { "- \($0)\n" }.joined() + c.new.map { "+ \($0)\n" }.joined()
        }
        if !kept.isEmpty { out += "Left as they were:\n" + kept.map { "  \($0)\n" }.joined() }
        return out
    }

    /// A double-quoted YAML string.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
