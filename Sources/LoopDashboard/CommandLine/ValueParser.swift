import LoopSim

/// Reads a value typed by a person (`ValueText`: `82%`, `0.82`, `1.2B`, `$950k`, `18mo`,
/// `2yr`, `150x`, `200bp`, `$2.35/h`) and checks it against the parameter: percentages for
/// fractions only, a bare `82` for a fraction read as 82%.
public enum ValueParser {
    /// Why a typed value was refused.
    public struct Failure: Error, Equatable, Sendable { public var message: String }

    /// The value of `text` for parameter `p`, checked against its range.
    public static func parse(_ text: String, for p: Parameter) throws(Failure) -> Double {
        guard !text.filter({ $0 != " " }).isEmpty else { throw Failure(message: "type a value for \(p.id)") }
        guard let reading = ValueText.read(text) else {
            throw Failure(message: "'\(text)' is not a number; e.g. \(example(p))")
        }
        if reading.percent && p.unit != .fraction && p.unit != .percentPerYear {
            throw Failure(message: "\(p.id) is not a percentage; allowed \(range(p))")
        }
        var v = reading.value
        // "82" for a fraction means 82% when it cannot be a fraction.
        if p.unit == .fraction && !reading.percent && !reading.suffixed && v > p.max && v <= 100 && p.max <= 1.5 { v /= 100 }
        guard v >= p.min - 1e-12, v <= p.max + 1e-12 else {
            throw Failure(message: "\(Format.parameterValue(v, unit: p.unit)) is out of range for \(p.id); allowed \(range(p))")
        }
        return p.clamp(v)
    }

    static func range(_ p: Parameter) -> String {
        "\(Format.parameterValue(p.min, unit: p.unit)) … \(Format.parameterValue(p.max, unit: p.unit))"
    }

    static func example(_ p: Parameter) -> String {
        switch p.unit {
        case .fraction, .percentPerYear: "82%"
        case .dollars: "1.2B"
        case .months: "18mo"
        case .years: "4yr"
        case .dollarsPerHour: "$2.35"
        case .basisPoints: "200bp"
        case .multiple: "150x"
        default: Format.parameterValue(p.defaultValue, unit: p.unit)
        }
    }
}
