/// A `Decoder` over a ``YAMLNode`` tree: `Decodable` types read from a composed document.
/// Errors are `DecodingError`s with the coding path, which ``YAMLDocument`` turns into
/// positioned messages. A mapping is a keyed container, a list an unkeyed one; scalars
/// are read as ``YAMLNode/Scalar`` says (`bool`, `int`, `double`, `isNull`).
struct YAMLNodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: YAMLNode, path: [any CodingKey] = []) {
        self.node = node
        self.codingPath = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .mapping(m) = node else { throw mismatch([String: YAMLNode].self) }
        return KeyedDecodingContainer(Keyed<Key>(mapping: m, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .sequence(s) = node else { throw mismatch([YAMLNode].self) }
        return Unkeyed(items: s.items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        let found = switch node {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type), found \(found)."))
    }

    func scalar<T>(_ type: T.Type, _ read: (YAMLNode.Scalar) -> T?) throws -> T {
        guard case let .scalar(s) = node, let value = read(s) else { throw mismatch(type) }
        return value
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { node.scalar?.isNull ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) { $0.bool } }
    func decode(_ type: String.Type) throws -> String { try scalar(type) { $0.string } }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) { $0.double } }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) { $0.double.map(Float.init) } }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) { $0.int } }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T { try scalar(type) { $0.int.flatMap(T.init(exactly:)) } }

    // MARK: Containers

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let mapping: YAMLNode.Mapping
        let codingPath: [any CodingKey]

        var allKeys: [Key] { mapping.compactMap { $0.key.string.flatMap(Key.init(stringValue:)) } }
        func contains(_ key: Key) -> Bool { mapping[key.stringValue] != nil }

        func decoder(_ key: any CodingKey) throws -> YAMLNodeDecoder {
            guard let node = mapping[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                           debugDescription: "No value for key '\(key.stringValue)'."))
            }
            return YAMLNodeDecoder(node, path: codingPath + [key])
        }

        func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try decoder(key).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder(key).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { try decoder(IndexKey(stringValue: "super")) }
        func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [YAMLNode]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(items: [YAMLNode], codingPath: [any CodingKey]) { self.items = items; self.codingPath = codingPath }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        mutating func next<T>(_ type: T.Type) throws -> YAMLNodeDecoder {
            let key = IndexKey(intValue: currentIndex)
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key],
                                                              debugDescription: "Unkeyed container is at end."))
            }
            currentIndex += 1
            return YAMLNodeDecoder(items[currentIndex - 1], path: codingPath + [key])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex].scalar?.isNull == true else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try next(type).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next([YAMLNode].self).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { try next(YAMLNode.self) }
    }

    /// A list index or an ad-hoc key in a coding path.
    struct IndexKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
    }
}
