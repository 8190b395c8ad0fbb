import func LoopSim.closestWord

/// A YAML file composed into a node tree that keeps every position, so that decoding
/// and validation errors can say `file:line:column: key.path: message`.
///
/// Use: `let doc = try YAMLDocument(contentsOf: path)`, `try doc.checkKeys(schema)`,
/// `let dto: T = try doc.decode()`, then validate with `doc.error(at:_:)` for positions.
public struct YAMLDocument {
    /// Files larger than this are refused (a scenario or a theme is a few KB).
    public static let maxBytes = 1 << 20

    /// Lists and free-keyed mappings longer than this are refused before decoding, which
    /// slows down with the square of a mapping's size (40,000 keys: minutes).
    public static let maxEntries = 1_000

    /// The name used in messages (the path as given).
    public let file: String
    public let root: YAMLNode

    /// Reads and composes the file at `path`.
    public init(contentsOf path: String, maxBytes: Int = YAMLDocument.maxBytes) throws(ConfigError) {
        if let text = BundledData.embeddedText(atPath: path) {
            try self.init(text: text, file: path)
            return
        }
        let bytes: [UInt8]
        switch FileSystem.bytes(atPath: path, maxBytes: maxBytes) {
        case let .success(b): bytes = b
        case .failure(.missing): throw ConfigError(file: path, message: "no such file")
        case .failure(.directory): throw ConfigError(file: path, message: "is a directory, not a file")
        case .failure(.unreadable): throw ConfigError(file: path, message: "cannot be read (permission?)")
        case .failure(.tooLarge):
            throw ConfigError(file: path, message: "file is larger than \(maxBytes / 1024) KiB; refusing to read it")
        }
        try self.init(data: bytes, file: path)
    }

    /// Composes `bytes` (UTF-8 text) named `file` in messages.
    public init(data bytes: some Collection<UInt8>, file: String) throws(ConfigError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: file, message: "not a UTF-8 text file")
        }
        try self.init(text: text, file: file)
    }

    /// Composes `text` named `file` in messages.
    public init(text: String, file: String) throws(ConfigError) {
        self.file = file
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D || v == 0x7F || v == 0xFFFD {
                let hex = String(v, radix: 16, uppercase: true)
                throw ConfigError(file: file, line: line, column: column,
                                  message: "binary data (character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)); expected YAML text")
            }
            if v == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        let node: YAMLNode?
        do {
            node = try YAMLReader.compose(text)
        } catch {
            throw YAMLDocument.configError(error, file: file)
        }
        guard let node, !(node.scalar?.isNull ?? false) else {
            throw ConfigError(file: file, message: "empty file")
        }
        root = node
    }

    /// A syntax error as a one-line `ConfigError` with its position.
    static func configError(_ error: YAMLReader.SyntaxError, file: String) -> ConfigError {
        if let key = error.duplicateKey {
            var e = ConfigError(file: file, line: error.mark.line, column: error.mark.column,
                                message: "duplicate key; each key may appear once")
            e.keyPath = key
            return e
        }
        return ConfigError(file: file, line: error.mark.line, column: error.mark.column,
                           message: "syntax error: \(error.problem)" + (error.context.map { " (\($0))" } ?? ""))
    }

    // MARK: Positions

    /// The node at `path`, or nil.
    public func node(at path: [KeyPathComponent]) -> YAMLNode? {
        var node = root
        for c in path {
            guard let next = YAMLDocument.child(of: node, c) else { return nil }
            node = next
        }
        return node
    }

    static func child(of node: YAMLNode, _ c: KeyPathComponent) -> YAMLNode? {
        switch (c, node) {
        case let (.key(k), .mapping(m)):
            return m.first { $0.key.string == k }?.value
        case let (.index(i), .sequence(s)):
            return i >= 0 && i < s.count ? s[i] : nil
        default:
            return nil
        }
    }

    /// The key node of the last `.key` step of `path` (where an unknown or misspelt key is).
    public func keyNode(at path: [KeyPathComponent]) -> YAMLNode? {
        guard case let .key(k)? = path.last, case let .mapping(m)? = node(at: Array(path.dropLast())) else { return nil }
        return m.first { $0.key.string == k }?.key
    }

    /// An error at the deepest node of `path` that exists.
    public func error(at path: [KeyPathComponent], _ message: String, atKey: Bool = false) -> ConfigError {
        var mark: YAMLNode.Mark? = atKey ? keyNode(at: path)?.mark : nil
        var prefix = path
        while mark == nil {
            if let n = node(at: prefix) { mark = n.mark; if mark != nil { break } }
            if prefix.isEmpty { break }
            prefix.removeLast()
        }
        return ConfigError(file: file, line: mark?.line, column: mark?.column,
                           keyPath: KeyPathComponent.render(path), message: message)
    }

    // MARK: Unknown keys

    /// Fails on the first key the schema does not know, naming the allowed ones.
    public func checkKeys(_ schema: KeySchema) throws(ConfigError) {
        try check(root, schema, path: [])
    }

    private func check(_ node: YAMLNode, _ schema: KeySchema, path: [KeyPathComponent]) throws(ConfigError) {
        switch (schema, node) {
        case let (.mapping(keys), .mapping(m)):
            for (k, v) in m {
                let name = k.string ?? ""
                guard let sub = keys.first(where: { $0.0 == name })?.1 else {
                    let allowed = keys.map(\.0)
                    let hint = YAMLDocument.closest(name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                    throw error(at: path + [.key(name)],
                                "unknown key\(hint); allowed: \(allowed.joined(separator: ", "))", atKey: true)
                }
                try check(v, sub, path: path + [.key(name)])
            }
        case let (.limited(limit, sub), _):
            let count = node.mapping?.count ?? node.sequence?.count ?? 0
            guard count <= limit else {
                throw error(at: path, "\(count) \(node.mapping != nil ? "entries" : "items"); at most \(limit) here")
            }
            try check(node, sub, path: path)
        case let (.dictionary(sub), .mapping(m)):
            guard m.count <= YAMLDocument.maxEntries else {
                throw error(at: path, "\(m.count) entries; at most \(YAMLDocument.maxEntries) in one mapping")
            }
            for (k, v) in m { try check(v, sub, path: path + [.key(k.string ?? "")]) }
        case let (.sequence(sub), .sequence(s)):
            guard s.count <= YAMLDocument.maxEntries else {
                throw error(at: path, "\(s.count) items; at most \(YAMLDocument.maxEntries) in one list")
            }
            for (i, item) in s.enumerated() { try check(item, sub, path: path + [.index(i)]) }
        default:
            return  // shapes that do not match are the decoder's to report
        }
    }

    /// The candidate nearest to `word` when close enough to be a likely typo (`closestWord`).
    public static func closest(_ word: String, in candidates: [String]) -> String? {
        closestWord(to: word, in: candidates)
    }
}
