extension YAMLDocument {
    /// Decodes the whole document as `T`, turning Codable's errors into positioned ones.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(ConfigError) -> T {
        do {
            return try T(from: YAMLNodeDecoder(root))
        } catch let error as DecodingError {
            throw configError(error)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: file, message: "\(error)")
        }
    }

    /// A coding path as key-path components.
    public static func path(_ codingPath: [any CodingKey]) -> [KeyPathComponent] {
        codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) }
    }

    /// A `DecodingError` with the position of the node it is about.
    public func configError(_ error: DecodingError) -> ConfigError {
        switch error {
        case let .typeMismatch(type, context):
            let path = YAMLDocument.path(context.codingPath)
            return self.error(at: path, "expected \(YAMLDocument.describe(type)), found \(found(at: path))")
        case let .valueNotFound(type, context):
            let path = YAMLDocument.path(context.codingPath)
            return self.error(at: path, "expected \(YAMLDocument.describe(type)), found nothing")
        case let .keyNotFound(key, context):
            let parent = YAMLDocument.path(context.codingPath)
            var e = self.error(at: parent, "missing required key")
            e.keyPath = KeyPathComponent.render(parent + [.key(key.stringValue)])
            return e
        case let .dataCorrupted(context):
            return self.error(at: YAMLDocument.path(context.codingPath), context.debugDescription)
        @unknown default:
            return ConfigError(file: file, message: "\(error)")
        }
    }

    /// What is at `path`, in a few words: `'lots'`, `a list`, `a mapping`.
    func found(at path: [KeyPathComponent]) -> String {
        switch node(at: path) {
        case let .scalar(s)?:
            let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return text.isEmpty ? "nothing" : "'\(text)'"
        case .mapping?: return "a mapping"
        case .sequence?: return "a list"
        default: return "nothing"
        }
    }

    /// A Swift type as a person would name the value wanted.
    static func describe(_ type: Any.Type) -> String {
        if let described = type as? any DescribedType.Type { return described.typeDescription }
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array<") { return "a list" }
            if name.hasPrefix("Dictionary<") { return "a mapping" }
            return "a mapping"
        }
    }
}

/// A decoded type that names the value it wants in messages ("a number or a mapping …").
protocol DescribedType {
    static var typeDescription: String { get }
}
