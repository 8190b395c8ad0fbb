import LoopConfig
import LoopSim

/// `scenario update --from-filings`: a loop file's entity figures (`cash`, `debt`) set
/// from the companies' latest filings, each with a source note naming the form,
/// accession number and dates; `asOf:` set; every line that changes, and every value
/// the filings do not give, listed. The rest of the file, comments included, is kept.
public struct LoopUpdate: Sendable {
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

    /// Plans the update. `companies`: entity id → its facts; `unresolved`: entity id →
    /// why its facts are not at hand; `through`: use no period ending after this date.
    public static func plan(text: String, file: String, companies: [String: CompanyFacts],
                            unresolved: [String: String] = [:], through: String? = nil) throws(FilingsError) -> LoopUpdate {
        let (doc, loop) = try load(text: text, file: file)
        var editor = LineEditor(lines: text.components(separatedBy: "\n"), doc: doc)
        var kept: [String] = []
        var dates: [String] = []
        for (i, e) in loop.entities.enumerated() where !e.external {
            guard let company = companies[e.id] else {
                kept.append("\(e.id): " + (unresolved[e.id] ?? EntityFilers.noFiler(e.id)))
                continue
            }
            let (figures, missing) = OpeningFigures.read(company, through: through)
            let loans = loop.deals.filter { d in
                guard d.to == i, case let .loan(t) = d.terms else { return false }
                return t.drawn > 0 || (t.facility == .bond && t.issue == nil)
            }
            for key in OpeningFigures.keys {
                guard let f = figures.first(where: { $0.key == key }) else {
                    kept.append("\(e.id).\(key): not in the filings (\(missing[key] ?? "not filed"))")
                    continue
                }
                if key == "debt", !loans.isEmpty {
                    kept.append("\(e.id).debt: modelled by its loan deals (\(loans.map(\.id).joined(separator: ", "))); "
                        + "the filed \(Money.millions(f.value)) at \(f.date) is not added, so no debt counts twice")
                    continue
                }
                let line = "\(key): {value: \(Money.yaml(f.value)), source: \(quoted(f.source)), date: \(f.date), "
                    + "url: \(quoted(f.url))}"
                if try editor.set([.key("entities"), .key(e.id), .key(key)], to: line, what: "\(e.id).\(key)") {
                    dates.append(f.date)
                }
            }
            let others = e.sources.keys.filter { !OpeningFigures.keys.contains($0) }.sorted()
            if !others.isEmpty {
                kept.append("\(e.id): \(others.joined(separator: ", ")): not given by filings, left as written")
            }
        }
        let asOf = through ?? dates.max()
        if let asOf, !editor.changes.isEmpty {
            _ = try editor.set([.key("asOf")], to: "asOf: \(asOf)", what: "asOf", after: [.key("start")])
        }
        let newText = editor.lines.joined(separator: "\n")
        do { _ = try LoopFile.load(text: newText, file: file) } catch {
            throw FilingsError("the updated \(file) would not load (\(error.description)); nothing written")
        }
        return LoopUpdate(file: file, text: newText, changes: editor.changes.sorted { $0.line < $1.line },
                          kept: kept, asOf: editor.changes.isEmpty ? nil : asOf)
    }

    /// The loop file read and checked; an error for any other scenario file.
    public static func load(text: String, file: String) throws(FilingsError) -> (doc: YAMLDocument, loop: MoneyLoop) {
        guard LoopFile.isLoop(text) else {
            throw FilingsError("\(file): not a loop file (no `entities:`); --from-filings sets the entities' cash and "
                + "debt of a loop file (docs/simulation.md, \"Loop files\")")
        }
        do {
            let doc = try YAMLDocument(text: text, file: file)
            return (doc, try LoopFile.load(doc))
        } catch { throw FilingsError(error.description) }
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
