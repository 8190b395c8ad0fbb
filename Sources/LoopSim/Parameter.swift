/// The stable identifier of a model input, such as `cw.utilization`. Code names one by its
/// constant (`.cwUtilization`, in ParameterIDs.swift); text from a person (a file, `--set`,
/// `:set`) becomes one through `init(validating:)`, which refuses an id the registry lacks.
public struct ParameterID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible, Codable
{
    public let rawValue: String
    /// The id as written, not checked: the caller checks it against the registry (or the loop).
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The id as written, not checked (see `init(rawValue:)`).
    public init(_ raw: String) { self.rawValue = raw }
    /// A constant of ParameterIDs.swift; `registered` lists them and a test checks them
    /// against the registry.
    init(registered raw: String) { self.rawValue = raw }

    /// A literal id in code must be one the registry has: a misspelt literal stops the
    /// program at once rather than read as nothing. Prefer the constants.
    public init(stringLiteral value: String) {
        self.rawValue = value
        precondition(ParameterRegistry.parameter(self) != nil, "unknown parameter id '\(value)' (not in ParameterRegistry)")
    }

    /// `text` as a registry id, or `.unknown` with the closest id as a suggestion.
    public init(validating text: String) throws(ParameterError) {
        let id = ParameterID(rawValue: text)
        guard ParameterRegistry.parameter(id) != nil else {
            throw .unknown(id, suggestion: ParameterValues.suggestion(for: id))
        }
        self = id
    }

    public var description: String { rawValue }
    public static func < (a: ParameterID, b: ParameterID) -> Bool { a.rawValue < b.rawValue }
}

/// How much a figure can be trusted (see DESIGN §2).
public enum Confidence: String, Sendable, Codable, CaseIterable {
    /// Stated in the source article.
    case article = "A"
    /// A filing, or several sources agree.
    case high = "H"
    /// A reputable secondary source.
    case medium = "M"
    /// A single weak source.
    case low = "L"
    /// A modelling assumption, not a sourced figure.
    case assumption = "assumption"

    /// One-letter badge for narrow places (`?` for an assumption).
    public var badge: String { self == .assumption ? "?" : rawValue }
}

/// How a parameter's number is read and shown.
public enum ParameterUnit: String, Sendable, Codable {
    case dollars, dollarsPerHour, fraction, months, years, gpus, count, multiple, basisPoints, gbPerSecond, terabytes, percentPerYear
}

/// One model input: its identity, range, default and where the default comes from.
public struct Parameter: Sendable, Identifiable {
    public let id: ParameterID
    public let label: String
    public let unit: ParameterUnit
    public let defaultValue: Double
    public let min: Double
    public let max: Double
    public let step: Double
    /// A value worth marking on the slider (the article's 90% target utilization).
    public let target: Double?
    public let confidence: Confidence
    /// Where the default comes from, in a few words.
    public let source: String
    /// Whether the dashboard offers this parameter as a lever.
    public let isLever: Bool
    /// Whether the value must be a whole number (months, GPUs, years).
    public var isInteger: Bool { [.months, .years, .gpus, .count].contains(unit) }

    public init(_ id: ParameterID, _ label: String, unit: ParameterUnit, default value: Double,
                min: Double, max: Double, step: Double, target: Double? = nil,
                confidence: Confidence, source: String, lever: Bool = false)
    {
        self.id = id; self.label = label; self.unit = unit; self.defaultValue = value
        self.min = min; self.max = max; self.step = step; self.target = target
        self.confidence = confidence; self.source = source; self.isLever = lever
    }

    /// The value kept inside the range and, for whole-number units, rounded.
    public func clamp(_ value: Double) -> Double {
        guard value.isFinite else { return defaultValue }
        let v = Swift.min(max, Swift.max(min, value))
        return isInteger ? v.rounded() : v
    }

    /// The value stepped `steps` steps (negative goes down), clamped to the range.
    public func stepped(_ value: Double, by steps: Int) -> Double {
        let raw = value + Double(steps) * step
        // Snap to the step grid to keep 0.75 + 0.01 × 15 = 0.90 exact enough to print.
        let snapped = (raw / step).rounded() * step
        return clamp(snapped)
    }
}
