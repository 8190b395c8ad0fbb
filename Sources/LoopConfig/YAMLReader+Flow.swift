/// Flow context: `[a, b]` and `{key: value}`, which may span lines.
extension YAMLReader {
    /// A node inside brackets.
    mutating func flowNode() throws(SyntaxError) -> YAMLNode {
        guard let c = peek() else { throw noNodeContent() }
        switch c {
        case "[": return try flowSequence()
        case "{": return try flowMapping()
        case "\"", "'": return try quotedScalar(block: false)
        case "&", "*", "!": throw unsupported("anchors (&), aliases (*) and tags (!)")
        case "?" where isBlankOrEnd(1): throw unsupported("complex keys (?)")
        case ",", "]", "}": throw noNodeContent()
        case "-" where isBlankOrEnd(1): throw noNodeContent()
        case "|", ">", "@", "`", "%", "#": throw cannotStartToken()
        default: return try plainScalar(flow: true, parent: -1)
        }
    }

    func noNodeContent() -> SyntaxError {
        SyntaxError(mark: mark, problem: "did not find expected node content", context: "while parsing a flow node")
    }

    mutating func flowSequence() throws(SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = mark
        advance()  // '['
        var items: [YAMLNode] = []
        while true {
            try skipToContent(block: false)
            if peek() == "]" { advance(); break }
            var item = try flowNode()
            try skipToContent(block: false)
            if peek() == ":" {  // [key: value] is a list holding a one-pair mapping
                advance()
                try skipToContent(block: false)
                let value = peek() == "," || peek() == "]" ? Self.empty(mark) : try flowNode()
                item = .mapping(.init([(item, value)], mark: item.mark))
                try skipToContent(block: false)
            }
            items.append(item)
            if peek() == "," { advance(); continue }
            if peek() == "]" { advance(); break }
            throw SyntaxError(mark: mark, problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence")
        }
        return .sequence(.init(items, mark: start))
    }

    mutating func flowMapping() throws(SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let start = mark
        advance()  // '{'
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var seen: [String: Mark] = [:]
        while true {
            try skipToContent(block: false)
            if peek() == "}" { advance(); break }
            let key = try flowNode()
            if let k = key.string {
                if let first = seen[k] { throw SyntaxError(mark: first, problem: "duplicate key", duplicateKey: k) }
                seen[k] = key.mark
            }
            try skipToContent(block: false)
            var value = Self.empty(mark)
            if peek() == ":" {
                advance()
                try skipToContent(block: false)
                value = peek() == "," || peek() == "}" ? Self.empty(mark) : try flowNode()
                try skipToContent(block: false)
            }
            pairs.append((key, value))
            if peek() == "," { advance(); continue }
            if peek() == "}" { advance(); break }
            throw SyntaxError(mark: mark, problem: "did not find expected ',' or '}'", context: "while parsing a flow mapping")
        }
        return .mapping(.init(pairs, mark: start))
    }
}
