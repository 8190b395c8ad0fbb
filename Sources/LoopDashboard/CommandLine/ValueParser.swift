import LoopSim

/// Reads a value typed by a person, with units: `82%`, `0.82`, `1.2B`, `$950k`, `18mo`,
/// `2yr`, `150x`, `200bp`, `$2.35/h`. Percentages for fractions; plain numbers as they are.
public enum ValueParser {
    /// Why a typed value was refused.
    public struct Failure: Error, Equatable, Sendable { public var message: String }

    /// The value of `text` for parameter `p`, checked against its range.
    public static func parse(_ text: String, for p: Parameter) throws(Failure) -> Double {
        let raw = text.lowercased().filter { $0 != " " && $0 != "," && $0 != "_" }
        guard !raw.isEmpty else { throw Failure(message: "type a value for \(p.id)") }
        var s = Substring(raw)
        if s.hasPrefix("$") { s = s.dropFirst() }
        var scale = 1.0
        let suffixes: [(String, Double)] = [
            ("/gpu-h", 1), ("/h", 1), ("%", 0.01), ("bp", 1), ("bps", 1), ("mo", 1), ("months", 1), ("m/o", 1),
            ("yr", 1), ("y", 1), ("years", 1), ("x", 1), ("×", 1), ("gb/s", 1), ("tb", 1), ("k", 1e3), ("m", 1e6),
            ("b", 1e9), ("t", 1e12),
        ]
        for (suffix, factor) in suffixes.sorted(by: { $0.0.count > $1.0.count }) where s.hasSuffix(suffix) {
            if suffix == "%" && p.unit != .fraction && p.unit != .percentPerYear {
                throw Failure(message: "\(p.id) is not a percentage; allowed \(range(p))")
            }
            s = s.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let n = Double(String(s)), n.isFinite else {
            throw Failure(message: "'\(text)' is not a number; e.g. \(example(p))")
        }
        var v = n * scale
        // "82" for a fraction means 82% when it cannot be a fraction.
        if p.unit == .fraction && scale == 1 && v > p.max && v <= 100 && p.max <= 1.5 { v /= 100 }
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
