/// Composes YAML text into a ``YAMLNode`` tree, with no Foundation: the subset moneyloop's
/// files use — block and flow mappings and lists, plain, quoted and block scalars, comments.
///
/// Anchors, aliases, tags, directives, `?` keys and more than one document are refused with
/// a positioned error. Syntax errors carry libyaml's wording where libyaml has one, so a
/// message reads the same as it did with Yams (`YAMLReaderTests` compares the two).
struct YAMLReader {
    typealias Mark = YAMLNode.Mark

    /// A problem in the text at `mark`; `context` says what was being read.
    struct SyntaxError: Error, Equatable {
        var mark: Mark
        var problem: String
        var context: String?
        /// Set for a key that appears twice in one mapping (`mark` is its first occurrence).
        var duplicateKey: String?
    }

    /// Deeper nesting than this is refused (Yams' limit too).
    static let maxDepth = 1_000

    /// The text as Unicode scalars, line breaks normalised to `\n`.
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var column = 1
    var depth = 0
    /// Where the last key's `:` ended: an empty value is placed there.
    var afterIndicator = Mark(line: 1, column: 1)
    /// 1 when the text began with a byte-order mark, which libyaml counts as a column of line 1.
    var bomColumns = 0

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\r" { scalars.append("\n"); previousCR = true; continue }
            if c == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            scalars.append(c)
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst(); bomColumns = 1 }
        s = scalars
    }

    /// The document's root node, or nil when the text holds no node at all.
    static func compose(_ text: String) throws(SyntaxError) -> YAMLNode? {
        var reader = YAMLReader(text)
        return try reader.document()
    }

    // MARK: Characters

    var mark: Mark { Mark(line: line, column: line == 1 ? column + bomColumns : column) }
    var atEnd: Bool { i >= s.count }
    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
    func isBlank(_ k: Int = 0) -> Bool { peek(k) == " " || peek(k) == "\t" }
    func isBreakOrEnd(_ k: Int = 0) -> Bool { peek(k) == nil || peek(k) == "\n" }
    func isBlankOrEnd(_ k: Int = 0) -> Bool { isBlank(k) || isBreakOrEnd(k) }
    static let flowIndicators: Set<Unicode.Scalar> = [",", "[", "]", "{", "}"]

    mutating func advance() {
        if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    /// Spaces and tabs on this line, then a comment up to the line break.
    mutating func skipSpacesAndComment() {
        while isBlank() { advance() }
        if peek() == "#" { while !isBreakOrEnd() { advance() } }
    }

    /// Blank lines, spaces and comments up to the next content. In block context a tab in
    /// a line's indentation is an error, as in libyaml.
    mutating func skipToContent(block: Bool) throws(SyntaxError) {
        while true {
            let lineStart = column == 1
            while isBlank() {
                if block, lineStart, peek() == "\t" {
                    var k = 0
                    while isBlank(k) { k += 1 }
                    if !isBreakOrEnd(k), peek(k) != "#" {
                        throw SyntaxError(mark: mark, problem: "found character that cannot start any token",
                                          context: "while scanning for the next token")
                    }
                }
                advance()
            }
            if peek() == "#" { while !isBreakOrEnd() { advance() } }
            guard peek() == "\n" else { return }
            advance()
        }
    }

    /// `---` or `...` at the start of a line.
    func atDocumentMarker() -> Bool {
        guard column == 1, let c = peek(), c == "-" || c == "." else { return false }
        return peek(1) == c && peek(2) == c && isBlankOrEnd(3)
    }

    /// A `-` that starts a list item.
    func atSequenceEntry() -> Bool { peek() == "-" && isBlankOrEnd(1) }

    static func empty(_ mark: Mark) -> YAMLNode { .scalar(.init("", style: .plain, mark: mark)) }

    func unsupported(_ what: String) -> SyntaxError {
        SyntaxError(mark: mark, problem: "\(what) are not supported in moneyloop's files")
    }

    func cannotStartToken() -> SyntaxError {
        SyntaxError(mark: mark, problem: "found character that cannot start any token",
                    context: "while scanning for the next token")
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= YAMLReader.maxDepth else {
            throw SyntaxError(mark: mark, problem: "too deeply nested (more than \(YAMLReader.maxDepth) levels)")
        }
    }

    // MARK: Document

    mutating func document() throws(SyntaxError) -> YAMLNode? {
        try skipToContent(block: true)
        if peek() == "%", column == 1 { throw unsupported("directives (%)") }
        if atDocumentMarker(), peek() == "-" {
            for _ in 0..<3 { advance() }
            try skipToContent(block: true)
        }
        var root: YAMLNode?
        if !atEnd, !atDocumentMarker() {
            root = try blockNode(parent: -1, indentless: false)
            try skipToContent(block: true)
        }
        if atDocumentMarker(), peek() == "." {
            for _ in 0..<3 { advance() }
            try skipToContent(block: true)
        }
        guard atEnd else {
            if atDocumentMarker() {
                throw SyntaxError(mark: mark, problem: "but found another document",
                                  context: "expected a single document in the stream")
            }
            throw SyntaxError(mark: mark, problem: "did not find expected <document start>")
        }
        return root
    }
}
