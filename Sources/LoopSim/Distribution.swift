#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape an uncertain value's 90% interval is read with.
public enum DistributionKind: String, CaseIterable, Sendable {
    case uniform, triangular, lognormal, normal
}

/// Why a distribution was refused (the file layer adds the file, line and key).
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFinite
    case lowAboveHigh(low: Double, high: Double)
    case lognormalNeedsPositive(low: Double)
    case valueOutside(value: Double, low: Double, high: Double)

    public var description: String {
        switch self {
        case .notFinite: "low, high and value must be finite numbers"
        case let .lowAboveHigh(low, high): "low (\(Distribution.text(low))) is above high (\(Distribution.text(high)))"
        case let .lognormalNeedsPositive(low):
            "a lognormal needs low > 0 (it has no zero or negative values); low is \(Distribution.text(low))"
        case let .valueOutside(value, low, high):
            "the value \(Distribution.text(value)) lies outside low … high "
                + "(\(Distribution.text(low)) … \(Distribution.text(high))); give a value inside the interval"
        }
    }
}

/// An uncertain number: a point `value` (what a deterministic run uses) and a 90%
/// interval `low … high` read with a shape, so that 5% of draws fall below `low` and 5%
/// above `high`:
/// - `uniform`: flat over an interval 10/9 as wide as `low … high`, centred on it;
/// - `triangular` (the default): the mode at `value`, the ends placed so the 5% and 95%
///   points are `low` and `high`;
/// - `normal`: mean at the middle of the interval, σ = (high − low) / 3.29;
/// - `lognormal`: median at √(low × high), needs `low > 0`.
/// `low == high` is a fixed number. Draws are by inverse CDF: one uniform number each.
public struct Distribution: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double
    public let kind: DistributionKind
    /// uniform, triangular: the support's ends; normal, lognormal: μ and σ.
    let a: Double, b: Double

    /// The standard normal's 95th percentile: a 90% interval is ±z95 σ.
    public static let z95 = 1.6448536269514722

    public init(value: Double, low: Double, high: Double, kind: DistributionKind = .triangular)
        throws(DistributionError)
    {
        guard value.isFinite, low.isFinite, high.isFinite else { throw .notFinite }
        guard low <= high else { throw .lowAboveHigh(low: low, high: high) }
        if kind == .lognormal, low <= 0 { throw .lognormalNeedsPositive(low: low) }
        guard value >= low, value <= high else { throw .valueOutside(value: value, low: low, high: high) }
        self.value = value; self.low = low; self.high = high; self.kind = kind
        switch kind {
        case .uniform:
            let pad = (high - low) / 18
            (a, b) = (low - pad, high + pad)
        case .triangular:
            (a, b) = Distribution.triangularSupport(low: low, high: high, mode: value)
        case .normal:
            (a, b) = ((low + high) / 2, (high - low) / (2 * Distribution.z95))
        case .lognormal:
            (a, b) = ((log(low) + log(high)) / 2, (log(high) - log(low)) / (2 * Distribution.z95))
        }
    }

    /// A number that is not uncertain.
    public static func fixed(_ v: Double) -> Distribution {
        // A point is always a valid triangular distribution.
        (try? Distribution(value: v, low: v, high: v)) ?? Distribution(point: v)
    }

    private init(point v: Double) {
        value = v; low = v; high = v; kind = .triangular; a = v; b = v
    }

    /// True when every draw is `value`.
    public var isFixed: Bool { low == high }

    /// The value below which a fraction `q` (0 < q < 1) of draws fall.
    public func quantile(_ q: Double) -> Double {
        guard low < high else { return value }
        switch kind {
        case .uniform:
            return a + q * (b - a)
        case .triangular:
            let c = value, width = b - a
            return q < (c - a) / width ? a + (q * width * (c - a)).squareRoot()
                : b - ((1 - q) * width * (b - c)).squareRoot()
        case .normal:
            return a + b * Distribution.normalQuantile(q)
        case .lognormal:
            return exp(a + b * Distribution.normalQuantile(q))
        }
    }

    /// One draw.
    public func draw(_ rng: inout PathRandom) -> Double { quantile(rng.unit()) }

    /// The mean of the distribution.
    public var mean: Double {
        guard low < high else { return value }
        switch kind {
        case .uniform: return (a + b) / 2
        case .triangular: return (a + b + value) / 3
        case .normal: return a
        case .lognormal: return exp(a + b * b / 2)
        }
    }

    /// The variance of the distribution.
    public var variance: Double {
        guard low < high else { return 0 }
        switch kind {
        case .uniform: return (b - a) * (b - a) / 12
        case .triangular:
            let c = value
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .normal: return b * b
        case .lognormal: return (exp(b * b) - 1) * exp(2 * a + b * b)
        }
    }

    /// The ends of a triangular distribution with mode `c` whose 5% and 95% points are
    /// `low` and `high`: the fixed point of a = low − √(0.05 (b−a)(c−a)),
    /// b = high + √(0.05 (b−a)(b−c)), which the iteration reaches from outside.
    static func triangularSupport(low: Double, high: Double, mode c: Double) -> (Double, Double) {
        let w = high - low
        guard w > 0 else { return (low, high) }
        var a = low - 0.25 * w, b = high + 0.25 * w
        for _ in 0..<500 {
            let na = low - (0.05 * (b - a) * (c - a)).squareRoot()
            let nb = high + (0.05 * (b - a) * (b - c)).squareRoot()
            let moved = abs(na - a) + abs(nb - b)
            a = na; b = nb
            if moved <= 1e-13 * w { break }
        }
        return (a, b)
    }

    /// The standard normal's inverse CDF (Acklam's rational approximation, relative error
    /// below 1.2e-9), for 0 < p < 1.
    static func normalQuantile(_ p: Double) -> Double {
        let (a, b, c, d) = (Acklam.a, Acklam.b, Acklam.c, Acklam.d)
        let low = 0.02425
        if p < low || p > 1 - low {
            let q = (-2 * log(min(p, 1 - p))).squareRoot()
            let x = (((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
                / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
            return p < low ? x : -x
        }
        let q = p - 0.5, r = q * q
        return (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
            / (((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1)
    }

    /// The coefficients of Acklam's approximation.
    private enum Acklam {
        static let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        static let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                        6.680131188771972e+01, -1.328068155288572e+01)
        static let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        static let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
    }

    /// A number as a person reads it in a message: `0.75`, `2e9`.
    static func text(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }
}
