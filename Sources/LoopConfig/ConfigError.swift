/// A problem with a file or an option a person wrote, as one line:
/// `file:line:column: key.path: message`. Line and column are 1-based and left out when
/// unknown; the key path is left out when the problem is not about one key.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given, or the option (`--set`).
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Where in the document: `contracts[0].value`, `parameters.cw.utilization`.
    public var keyPath: String
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String) {
        self.file = file; self.line = line; self.column = column; self.keyPath = keyPath
        self.message = ConfigError.sanitize(message)
    }

    public var description: String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        out += ": "
        if !keyPath.isEmpty { out += keyPath + ": " }
        return out + message
    }

    /// Text safe to print on one line: control characters shown as `\u{…}`, at most
    /// `limit` characters.
    public static func sanitize(_ text: String, limit: Int = 300) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.unicodeScalars.count >= limit { out += "…"; break }
            switch scalar.value {
            case 0x0A, 0x0D: out += " "
            case 0x09: out += " "
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0xFFFD:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// One step of a key path: a mapping key or a list index.
public enum KeyPathComponent: Equatable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case let .key(k): k
        case let .index(i): "[\(i)]"
        }
    }

    /// `contracts[0].value`.
    public static func render(_ path: [KeyPathComponent]) -> String {
        var out = ""
        for c in path {
            switch c {
            case let .key(k): out += out.isEmpty ? k : "." + k
            case let .index(i): out += "[\(i)]"
            }
        }
        return out
    }
}
