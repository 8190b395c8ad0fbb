/// Why a parameter value was refused.
public enum ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(ParameterID, suggestion: ParameterID?)
    case outOfRange(ParameterID, value: Double, min: Double, max: Double)
    case notANumber(ParameterID, text: String)

    public var description: String {
        switch self {
        case let .unknown(id, suggestion):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "unknown parameter '\(id)'\(hint); `moneyloop params` lists them"
        case let .outOfRange(id, value, min, max):
            let unit = ParameterRegistry.parameter(id)?.unit ?? .count
            let f = { (v: Double) in Format.parameterValue(v, unit: unit) }
            return "\(id) = \(f(value)) is out of range: allowed \(f(min)) … \(f(max))"
        case let .notANumber(id, text):
            return "\(id): '\(text)' is not a number"
        }
    }
}

/// A full set of parameter values: every registry entry has one.
public struct ParameterValues: Sendable, Equatable {
    private var values: [ParameterID: Double]

    /// Every parameter at its registry default.
    public static let defaults = ParameterValues(values: Dictionary(
        uniqueKeysWithValues: ParameterRegistry.all.map { ($0.id, $0.defaultValue) }))

    private init(values: [ParameterID: Double]) { self.values = values }

    /// The value of `id`; a registry id always has one. Reading an id the registry does not
    /// have is a programming error and stops the program, in release builds too: never a
    /// silent 0. Text from a person is checked first (`ParameterID(validating:)`).
    public subscript(id: ParameterID) -> Double {
        guard let v = values[id] else { preconditionFailure("unknown parameter id '\(id)' (not in ParameterRegistry)") }
        return v
    }

    /// Sets `id` to `value` after checking the id and the range.
    public mutating func set(_ id: ParameterID, _ value: Double) throws(ParameterError) {
        guard let p = ParameterRegistry.parameter(id) else {
            throw .unknown(id, suggestion: ParameterValues.suggestion(for: id))
        }
        guard value.isFinite, value >= p.min, value <= p.max else {
            throw .outOfRange(id, value: value, min: p.min, max: p.max)
        }
        values[id] = p.isInteger ? value.rounded() : value
    }

    /// Sets `id` to `value` clamped into its range (what a slider stepping past an end does);
    /// `id` must be a registry id.
    public mutating func setClamped(_ id: ParameterID, _ value: Double) {
        guard let p = ParameterRegistry.parameter(id) else { preconditionFailure("unknown parameter id '\(id)'") }
        values[id] = p.clamp(value)
    }

    /// The ids whose values differ from `other`'s, in registry order.
    public func differences(from other: ParameterValues) -> [ParameterID] {
        ParameterRegistry.all.map(\.id).filter { abs(self[$0] - other[$0]) > 1e-12 }
    }

    /// The closest registry id, when close enough to be a likely typo (`closestWord`).
    static func suggestion(for id: ParameterID) -> ParameterID? {
        closestWord(to: id.rawValue, in: ParameterRegistry.all.map(\.id.rawValue)).map(ParameterID.init(rawValue:))
    }
}

/// The candidate nearest to `word` by edit distance (case ignored), when close enough to be
/// a likely typo: the one "did you mean" rule of files, `--set`, `:set` and commands.
public func closestWord(to word: String, in candidates: [String]) -> String? {
    let best = candidates.map { ($0, editDistance($0.lowercased(), word.lowercased())) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

/// Levenshtein distance between two strings.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var prev = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let cur = row[j]
            row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
            prev = cur
        }
    }
    return row[b.count]
}
