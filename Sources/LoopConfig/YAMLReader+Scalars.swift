/// Scalars: plain (folded over lines), single- and double-quoted, and `|` / `>` blocks.
/// The folding rules are libyaml's (`yaml_parser_scan_plain_scalar` and its siblings).
extension YAMLReader {
    /// A plain scalar; in block context its continuation lines are indented more than `parent`.
    mutating func plainScalar(flow: Bool, parent: Int) throws(SyntaxError) -> YAMLNode {
        let start = mark
        var out: [Unicode.Scalar] = []
        var whitespace: [Unicode.Scalar] = []
        var breaks = 0  // line breaks since the last content
        var end = self
        while true {
            if atDocumentMarker() || peek() == "#" { break }
            var took = false
            while let c = peek(), !isBlankOrEnd() {
                if flow, c == ":", isBlankOrEnd(1) || peek(1).map({ Self.flowIndicators.contains($0) || $0 == "?" }) == true {
                    break
                }
                if !flow, c == ":", isBlankOrEnd(1) { break }
                if flow, Self.flowIndicators.contains(c) { break }
                if breaks == 1 {
                    out.append(" ")
                } else if breaks > 1 {
                    out.append(contentsOf: Array(repeating: "\n", count: breaks - 1))
                } else {
                    out.append(contentsOf: whitespace)
                }
                whitespace = []
                breaks = 0
                out.append(c)
                advance()
                took = true
            }
            if took { end = self }
            guard isBlank() || peek() == "\n" else { break }
            while isBlank() || peek() == "\n" {
                if isBlank() {
                    if breaks > 0, column - 1 <= parent, peek() == "\t" {
                        throw SyntaxError(mark: mark, problem: "found a tab character that violates indentation",
                                          context: "while scanning a plain scalar")
                    }
                    if breaks == 0 { whitespace.append(peek()!) }
                } else {
                    breaks += 1
                }
                advance()
            }
            if !flow, column - 1 <= parent { break }
        }
        self = end  // back to the end of the last content: the caller reads what follows
        return .scalar(.init(Self.string(out), style: .plain, mark: start))
    }

    /// A `'…'` or `"…"` scalar, possibly over several lines.
    mutating func quotedScalar(block: Bool) throws(SyntaxError) -> YAMLNode {
        let start = mark
        let double = peek() == "\""
        let quote: Unicode.Scalar = double ? "\"" : "'"
        advance()
        var out: [Unicode.Scalar] = []
        func eof(_ r: YAMLReader) -> SyntaxError {
            SyntaxError(mark: r.mark, problem: "found unexpected end of stream", context: "while scanning a quoted scalar")
        }
        while true {
            if atDocumentMarker() {
                throw SyntaxError(mark: mark, problem: "found unexpected document indicator",
                                  context: "while scanning a quoted scalar")
            }
            guard let c = peek() else { throw eof(self) }
            if c == quote {
                if !double, peek(1) == "'" { out.append("'"); advance(); advance(); continue }
                advance()
                break
            }
            if double, c == "\\" {
                if peek(1) == "\n" {
                    advance(); advance()
                    while isBlank() || peek() == "\n" {
                        if peek() == "\n" { out.append("\n") }
                        advance()
                    }
                    continue
                }
                out.append(try escape())
                continue
            }
            if isBlank() || c == "\n" {
                var blanks: [Unicode.Scalar] = []
                var breaks = 0
                while isBlank() || peek() == "\n" {
                    if peek() == "\n" { breaks += 1; blanks = [] } else if breaks == 0 { blanks.append(peek()!) }
                    advance()
                }
                if atEnd { throw eof(self) }
                if breaks == 0 { out.append(contentsOf: blanks) }
                else if breaks == 1 { out.append(" ") }
                else { out.append(contentsOf: Array(repeating: "\n", count: breaks - 1)) }
                continue
            }
            out.append(c)
            advance()
        }
        return .scalar(.init(Self.string(out), style: double ? .doubleQuoted : .singleQuoted, mark: start))
    }

    static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
        "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "'": "'", "\\": "\\",
        "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// One `\` escape of a double-quoted scalar.
    mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        let at = mark
        advance()  // '\'
        guard let c = peek() else {
            throw SyntaxError(mark: mark, problem: "found unexpected end of stream", context: "while scanning a quoted scalar")
        }
        if let e = Self.escapes[c] { advance(); return e }
        let digits = c == "x" ? 2 : c == "u" ? 4 : c == "U" ? 8 : 0
        guard digits > 0 else {
            throw SyntaxError(mark: at, problem: "found unknown escape character", context: "while parsing a quoted scalar")
        }
        advance()
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let d = peek(), let v = Int(String(d), radix: 16) else {
                throw SyntaxError(mark: mark, problem: "did not find expected hexdecimal number",
                                  context: "while parsing a quoted scalar")
            }
            value = value * 16 + UInt32(v)
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw SyntaxError(mark: at, problem: "found invalid Unicode character escape code",
                              context: "while parsing a quoted scalar")
        }
        return scalar
    }

    /// A `|` (literal) or `>` (folded) block scalar inside a collection indented `parent`.
    /// Ends at the line break after its last line.
    mutating func blockScalar(parent: Int) throws(SyntaxError) -> YAMLNode {
        let start = mark
        let literal = peek() == "|"
        advance()
        var chomp = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            if peek() == "+" || peek() == "-" { chomp = peek() == "+" ? 1 : -1; advance() }
            else if let d = peek(), let v = Int(String(d)), (1...9).contains(v) { increment = v; advance() }
            else if peek() == "0" {
                throw SyntaxError(mark: mark, problem: "found an indentation indicator equal to 0",
                                  context: "while scanning a block scalar")
            }
        }
        skipSpacesAndComment()
        guard isBreakOrEnd() else {
            throw SyntaxError(mark: mark, problem: "did not find expected comment or line break",
                              context: "while scanning a block scalar")
        }
        var indent = increment > 0 ? max(parent, 0) + increment : 0
        var out: [Unicode.Scalar] = []
        var leadingBreak = false, trailingBreaks = 0, leadingBlank = false
        var end = self
        if !atEnd { advance() }
        trailingBreaks = try blockBreaks(&indent, parent: parent)
        while column - 1 == indent, !atEnd {
            let trailingBlank = isBlank()
            if !literal, leadingBreak, !leadingBlank, !trailingBlank {
                if trailingBreaks == 0 { out.append(" ") }
            } else if leadingBreak {
                out.append("\n")
            }
            leadingBreak = false
            out.append(contentsOf: Array(repeating: "\n", count: trailingBreaks))
            trailingBreaks = 0
            leadingBlank = isBlank()
            while !isBreakOrEnd() { out.append(peek()!); advance() }
            end = self
            if atEnd { break }
            advance()
            leadingBreak = true
            trailingBreaks = try blockBreaks(&indent, parent: parent)
        }
        if chomp != -1, leadingBreak { out.append("\n") }
        if chomp == 1 { out.append(contentsOf: Array(repeating: "\n", count: trailingBreaks)) }
        self = end
        return .scalar(.init(Self.string(out), style: literal ? .literal : .folded, mark: start))
    }

    /// Empty lines and the indentation before a block scalar's next line; fixes the
    /// indentation from the first line when it is not known yet.
    mutating func blockBreaks(_ indent: inout Int, parent: Int) throws(SyntaxError) -> Int {
        var maxIndent = 0
        var breaks = 0
        while true {
            while indent == 0 || column - 1 < indent, peek() == " " { advance() }
            maxIndent = max(maxIndent, column - 1)
            if indent == 0 || column - 1 < indent, peek() == "\t" {
                throw SyntaxError(mark: mark, problem: "found a tab character where an indentation space is expected",
                                  context: "while scanning a block scalar")
            }
            guard peek() == "\n" else { break }
            advance()
            breaks += 1
        }
        if indent == 0 { indent = max(maxIndent, parent + 1, 1) }
        return breaks
    }
}
