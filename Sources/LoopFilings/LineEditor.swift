import LoopConfig

/// Replaces or adds one key of a YAML file, written in block style, by its lines, so the
/// rest of the file (comments, layout) stays as it was. Line numbers are the original
/// file's; edits are kept apart so each is reported against those numbers.
struct LineEditor {
    private(set) var lines: [String]
    let originals: [String]
    let doc: YAMLDocument
    private(set) var changes: [ScenarioUpdate.Change] = []
    /// Top-level mappings this editor added (`parameters:` in a file that had none).
    private var addedMappings: Set<String> = []
    /// Lines added or removed so far above each original line (edits run top to bottom in any order).
    private var shifts: [(line: Int, by: Int)] = []

    init(lines: [String], doc: YAMLDocument) { self.lines = lines; originals = lines; self.doc = doc }

    /// Sets the key at `path` to the one line `text` (indented as the key). A missing key is
    /// added at the end of its parent mapping; a missing top-level key, or a missing
    /// top-level mapping with the key in it, goes right after the top-level key `after`.
    /// Returns false when the line is already there; throws when the key is written in
    /// flow style.
    mutating func set(_ path: [KeyPathComponent], to text: String, what: String,
                      after: [KeyPathComponent]? = nil) throws(FilingsError) -> Bool {
        if let key = doc.keyNode(at: path), let mark = key.mark {
            let first = mark.line
            let indent = mark.column - 1
            guard leadingSpaces(original(first)) == indent else {
                throw FilingsError("\(doc.file):\(first): \(what) is written inside a { } mapping; write it on its own line to update it")
            }
            let last = blockEnd(from: first, indent: indent)
            let old = (first...last).map(original)
            let new = [String(repeating: " ", count: indent) + text]
            guard old != new else { return false }
            replace(first...last, with: new)
            changes.append(.init(line: first, what: what, old: old, new: new))
            return true
        }
        let parent = Array(path.dropLast())
        let insertAfter: Int
        var new: [String]
        if !parent.isEmpty, let node = doc.node(at: parent) {
            guard let mark = doc.keyNode(at: parent)?.mark, case let .mapping(m) = node,
                  let firstChild = m.first?.key.mark, firstChild.line > mark.line else {
                throw FilingsError("\(doc.file): cannot add \(what): its mapping is written inside { }")
            }
            insertAfter = blockEnd(from: mark.line, indent: mark.column - 1)
            new = [String(repeating: " ", count: firstChild.column - 1) + text]
        } else if parent.count <= 1, let after, let mark = doc.keyNode(at: after)?.mark {
            insertAfter = blockEnd(from: mark.line, indent: mark.column - 1)
            new = [text]
            if case let .key(name)? = parent.first {
                // The mapping too, unless an earlier edit added it here already.
                new = (addedMappings.insert(name).inserted ? [name + ":"] : []) + ["  " + text]
            }
        } else {
            throw FilingsError("\(doc.file): cannot add \(what): no place for it")
        }
        replace(insertAfter + 1..<insertAfter + 1, with: new)
        changes.append(.init(line: insertAfter + 1, what: what + " (added)", old: [], new: new))
        return true
    }

    /// The last line of the block a key on line `first` (indented `indent`) opens: the last
    /// content line before the next one indented `indent` or less.
    private func blockEnd(from first: Int, indent: Int) -> Int {
        var last = first
        var n = first + 1
        let count = lineCount
        while n <= count {
            let l = original(n)
            let body = l.drop { $0 == " " }
            if !body.isEmpty, !body.hasPrefix("#") {
                if leadingSpaces(l) <= indent { break }
                last = n
            }
            n += 1
        }
        return last
    }

    private var lineCount: Int { originals.count }

    /// Line `n` of the original file (1-based).
    private func original(_ n: Int) -> String { originals[n - 1] }

    /// Where original line `n` is now.
    private func position(_ n: Int) -> Int { n + shifts.filter { $0.line <= n }.reduce(0) { $0 + $1.by } }

    private mutating func replace(_ range: ClosedRange<Int>, with new: [String]) {
        replace(range.lowerBound..<range.upperBound + 1, with: new)
    }

    /// Replaces original lines `range` (1-based, half-open) with `new`.
    private mutating func replace(_ range: Range<Int>, with new: [String]) {
        let start = position(range.lowerBound) - 1
        lines.replaceSubrange(start..<start + range.count, with: new)
        shifts.append((range.upperBound, new.count - range.count))
    }

    private func leadingSpaces(_ s: String) -> Int { s.prefix { $0 == " " }.count }
}
