/// One node of a YAML document as ``YAMLReader`` composes it: a scalar, a mapping that
/// keeps its keys in document order, or a list; each with the line and column it starts at.
public enum YAMLNode: Sendable, Equatable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A 1-based position in the text (columns count Unicode scalars).
    public struct Mark: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
        public var description: String { "\(line):\(column)" }
    }

    /// A scalar's text as written (quotes and escapes resolved), with its style.
    public struct Scalar: Sendable, Equatable {
        /// How the scalar was written; only plain scalars are read as numbers, booleans or null.
        public enum Style: Sendable, Equatable { case plain, singleQuoted, doubleQuoted, literal, folded }
        public var string: String
        public var style: Style
        public var mark: Mark?
        public init(_ string: String, style: Style = .plain, mark: Mark? = nil) {
            self.string = string; self.style = style; self.mark = mark
        }

        /// A plain `~`, `null`, `Null`, `NULL` or nothing at all.
        public var isNull: Bool {
            style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
        }
    }

    /// Key–value pairs in document order (keys are unique: the reader refuses duplicates).
    public struct Mapping: Sendable, Equatable, RandomAccessCollection {
        public var pairs: [(key: YAMLNode, value: YAMLNode)]
        public var mark: Mark?
        public init(_ pairs: [(key: YAMLNode, value: YAMLNode)], mark: Mark? = nil) {
            self.pairs = pairs; self.mark = mark
        }
        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
        /// The value of the key whose text is `key`.
        public subscript(key: String) -> YAMLNode? { pairs.first { $0.key.string == key }?.value }

        public static func == (a: Mapping, b: Mapping) -> Bool {
            a.mark == b.mark && a.pairs.count == b.pairs.count
                && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    /// A list of nodes.
    public struct Sequence: Sendable, Equatable, RandomAccessCollection {
        public var items: [YAMLNode]
        public var mark: Mark?
        public init(_ items: [YAMLNode], mark: Mark? = nil) { self.items = items; self.mark = mark }
        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// Where the node starts: a collection's first key or `-`, or its opening bracket.
    public var mark: Mark? {
        switch self {
        case let .scalar(s): s.mark
        case let .mapping(m): m.mark
        case let .sequence(s): s.mark
        }
    }

    /// The scalar's text, or nil for a collection.
    public var string: String? { scalar?.string }

    public var scalar: Scalar? { if case let .scalar(s) = self { s } else { nil } }
    public var mapping: Mapping? { if case let .mapping(m) = self { m } else { nil } }
    public var sequence: Sequence? { if case let .sequence(s) = self { s } else { nil } }
}
