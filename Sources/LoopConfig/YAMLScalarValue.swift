/// Reading a scalar as a number, a boolean or null, by the rules Yams 6 used for
/// moneyloop's files (YAML 1.1 booleans, `_` separators, `0x`/`0o`/`0b` and base-60 numbers):
/// only plain scalars are numbers, booleans or null; any scalar is text.
extension YAMLNode.Scalar {
    /// `true`/`yes`/`on` and `false`/`no`/`off`, in lower, Title or UPPER case.
    public var bool: Bool? {
        guard style == .plain else { return nil }
        switch string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    public var double: Double? {
        guard style == .plain else { return nil }
        switch string.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            let text = string.filter { $0 != "_" }
            if text.contains(":") { return Self.sexagesimal(text) { Double($0) } }
            return Double(text)
        }
    }

    public var int: Int? {
        guard style == .plain else { return nil }
        let signed = string.filter { $0 != "_" }
        if signed == "0" { return 0 }
        let negative = signed.hasPrefix("-")
        let body = signed.dropFirst(negative || signed.hasPrefix("+") ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where body.hasPrefix(prefix) {
            return Int((negative ? "-" : "") + body.dropFirst(prefix.count), radix: radix)
        }
        if body.contains(":") { return Self.sexagesimal(signed) { Int($0, radix: 10) } }
        return Int(signed)
    }

    /// `1:30` = 90: base-60 digits, with a sign in front.
    static func sexagesimal<T: Numeric>(_ text: String, _ make: (String) -> T?) -> T? {
        var body = Substring(text)
        var sign: T = 1
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        var value: T = 0
        for part in body.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = make(String(part)) else { return nil }
            value = value * 60 + digit
        }
        return sign * value
    }
}
