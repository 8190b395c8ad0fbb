/// Number formatting shared by the screen and the command line: compact dollars
/// (`$24.4M`), percentages, months. Never prints NaN or infinity.
public enum Format {
    /// `$24.4M`, `-$1.2B`, `$950k`, `$12`; "—" for a non-finite value.
    public static func dollars(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        let a = abs(value)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where a >= scale * 0.9995 {
            return "\(sign)$\(fixed(a / scale, digits))\(suffix)"
        }
        return "\(sign)$\(fixed(a, a < 10 && a != a.rounded() ? 2 : 0))"
    }

    /// `$24.4M/mo`.
    public static func perMonth(_ value: Double) -> String { dollars(value) + "/mo" }

    /// `75%` or `75.5%` for a fraction 0.755 with one digit.
    public static func percent(_ fraction: Double, digits: Int = 0) -> String {
        guard fraction.isFinite else { return "—" }
        return fixed(fraction * 100, digits) + "%"
    }

    /// A fixed-point decimal without Foundation's formatters: `fixed(2.456, 2) == "2.46"`.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        if scaled >= 9.0e18 { return value < 0 ? "-∞" : "∞" }
        let n = Int(scaled)
        let intPart = n / Int(scale)
        let neg = value < 0 && n != 0
        guard digits > 0 else { return (neg ? "-" : "") + "\(intPart)" }
        var frac = String(n % Int(scale))
        while frac.count < digits { frac = "0" + frac }
        return (neg ? "-" : "") + "\(intPart).\(frac)"
    }

    /// Whole number with thousands separators: `250,000`.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let n = Int(value.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    /// `18 mo`, or `> 60 mo` when nil (beyond the horizon).
    public static func runway(_ months: Int?, horizon: Int) -> String {
        months.map { "\($0) mo" } ?? "> \(horizon) mo"
    }

    /// A parameter's value in its unit, as a person reads it.
    public static func parameterValue(_ v: Double, unit: ParameterUnit) -> String {
        switch unit {
        case .dollars: return dollars(v, digits: 2)
        case .dollarsPerHour: return "$" + fixed(v, v >= 100 ? 0 : (v * 100).rounded() == v * 100 ? 2 : 3) + "/h"
        case .fraction, .percentPerYear: return percent(v, digits: (v * 100).rounded() == v * 100 ? 0 : 1)
        case .months: return "\(Int(v.rounded())) mo"
        case .years: return "\(Int(v.rounded())) yr"
        case .gpus: return grouped(v)
        case .count: return grouped(v)
        case .multiple: return fixed(v, v == v.rounded() ? 0 : 1) + "×"
        case .basisPoints: return "\(Int(v.rounded())) bp"
        case .gbPerSecond: return fixed(v, v == v.rounded() ? 0 : 1) + " GB/s"
        case .terabytes: return fixed(v, 0) + " TB"
        }
    }
}
