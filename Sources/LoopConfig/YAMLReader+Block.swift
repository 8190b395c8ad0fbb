/// Block context: mappings and lists laid out by indentation.
extension YAMLReader {
    /// The node whose content starts here (or on a later line), inside a collection
    /// indented `parent` columns. Content at or left of `parent` means the node is empty,
    /// except a list at the parent's own indentation when `indentless` (a mapping's value).
    /// An empty node is placed at `emptyAt` (just after its `:` or `-`, as libyaml does).
    mutating func blockNode(parent: Int, indentless: Bool, emptyAt: Mark? = nil) throws(SyntaxError) -> YAMLNode {
        let indent = column - 1
        if atEnd || atDocumentMarker() || indent < parent || indent == parent && !(indentless && atSequenceEntry()) {
            return Self.empty(emptyAt ?? mark)
        }
        if atSequenceEntry() { return try blockSequence(indent: indent, indentless: indent == parent) }
        if try atImplicitKey() { return try blockMapping(indent: indent) }
        return try inlineNode(parent: parent)
    }

    /// A node that starts on the current line after a key or `-`: a scalar or a flow
    /// collection (block collections start in ``blockNode(parent:indentless:)``).
    mutating func inlineNode(parent: Int) throws(SyntaxError) -> YAMLNode {
        guard let c = peek() else { return Self.empty(mark) }
        switch c {
        case "[": return try flowSequence()
        case "{": return try flowMapping()
        case "\"", "'": return try quotedScalar(block: true)
        case "|", ">": return try blockScalar(parent: parent)
        case "&", "*", "!": throw unsupported("anchors (&), aliases (*) and tags (!)")
        case "?" where isBlankOrEnd(1): throw unsupported("complex keys (?)")
        case "-" where isBlankOrEnd(1):
            throw SyntaxError(mark: mark, problem: "block sequence entries are not allowed in this context")
        case ":" where isBlankOrEnd(1):
            throw SyntaxError(mark: mark, problem: "mapping values are not allowed in this context")
        case "@", "`", "%", ",", "]", "}": throw cannotStartToken()
        default: return try plainScalar(flow: false, parent: parent)
        }
    }

    /// Whether the current line starts with `key:` (a plain or quoted key, then `:` and a blank).
    mutating func atImplicitKey() throws(SyntaxError) -> Bool {
        let saved = self
        defer { self = saved }
        guard let c = peek() else { return false }
        if c == "\"" || c == "'" {
            guard (try? quotedScalar(block: true)) != nil, line == saved.line else { return false }
        } else {
            if "[{&*!|>@`%,]}#".unicodeScalars.contains(c) || "-?:".unicodeScalars.contains(c) && isBlankOrEnd(1) {
                return false
            }
            while !isBreakOrEnd(), !(peek() == ":" && isBlankOrEnd(1)), !(isBlank() && peek(1) == "#") { advance() }
        }
        while isBlank() { advance() }
        return peek() == ":" && isBlankOrEnd(1)
    }

    /// A key on one line (its value is read by the caller), position after the `:`.
    mutating func implicitKey() throws(SyntaxError) -> YAMLNode {
        let key: YAMLNode
        if peek() == "\"" || peek() == "'" {
            key = try quotedScalar(block: true)
        } else {
            let m = mark
            var text: [Unicode.Scalar] = []
            while !isBreakOrEnd(), !(peek() == ":" && isBlankOrEnd(1)), !(isBlank() && peek(1) == "#") {
                text.append(peek()!)
                advance()
            }
            while text.last == " " || text.last == "\t" { text.removeLast() }
            key = .scalar(.init(Self.string(text), style: .plain, mark: m))
        }
        while isBlank() { advance() }
        advance()  // the ':' that atImplicitKey saw
        afterIndicator = mark
        return key
    }

    mutating func blockMapping(indent: Int) throws(SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = mark
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var seen: [String: Mark] = [:]
        while true {
            let key = try implicitKey()
            if let k = key.string {
                if let first = seen[k] {
                    throw SyntaxError(mark: first, problem: "duplicate key", duplicateKey: k)
                }
                seen[k] = key.mark
            }
            while isBlank() { advance() }
            let value: YAMLNode
            if peek() == "#" || isBreakOrEnd() {
                let colon = afterIndicator
                try skipToContent(block: true)
                value = try blockNode(parent: indent, indentless: true, emptyAt: colon)
            } else {
                value = try inlineNode(parent: indent)
                try endOfLine()
            }
            pairs.append((key, value))
            try skipToContent(block: true)
            if atEnd || atDocumentMarker() || column - 1 < indent { break }
            guard column - 1 == indent, try atImplicitKey() else {
                if column - 1 == indent, !atSequenceEntry(), peek() != "\"", peek() != "'" {
                    _ = try? plainScalar(flow: false, parent: indent)  // libyaml notices at the next token
                    try skipToContent(block: true)
                    throw SyntaxError(mark: mark, problem: "could not find expected ':'",
                                      context: "while scanning a simple key")
                }
                throw SyntaxError(mark: mark, problem: "did not find expected key",
                                  context: "while parsing a block mapping")
            }
        }
        return .mapping(.init(pairs, mark: start))
    }

    mutating func blockSequence(indent: Int, indentless: Bool) throws(SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = mark
        var items: [YAMLNode] = []
        while true {
            advance()  // '-'
            let dash = mark
            while isBlank() { advance() }
            if peek() == "#" || isBreakOrEnd() {
                try skipToContent(block: true)
                items.append(try blockNode(parent: indent, indentless: false, emptyAt: dash))
            } else {
                items.append(try blockNode(parent: indent, indentless: false))
                if case .scalar = items.last! { try endOfLine() }
            }
            try skipToContent(block: true)
            if atEnd || atDocumentMarker() || column - 1 < indent { break }
            if column - 1 == indent {
                if atSequenceEntry() { continue }
                break
            }
            if indentless { break }
            throw SyntaxError(mark: mark, problem: "did not find expected '-' indicator",
                              context: "while parsing a block collection")
        }
        return .sequence(.init(items, mark: start))
    }

    /// After a value on a key's line: only spaces and a comment may follow.
    mutating func endOfLine() throws(SyntaxError) {
        skipSpacesAndComment()
        guard isBreakOrEnd() else {
            if peek() == ":" {
                throw SyntaxError(mark: mark, problem: "mapping values are not allowed in this context")
            }
            throw SyntaxError(mark: mark, problem: "did not find expected key", context: "while parsing a block mapping")
        }
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
