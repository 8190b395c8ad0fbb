/// The gradients the dashboard draws with; a theme file names them under `gradients:`.
public enum GradientName: String, CaseIterable, Sendable, Hashable {
    /// The filled part of a slider, coloured by position from the low end to the high end.
    case slider
}

/// Three colour stops looked up by percent: `start` at 0%, `mid` at 50% (optional), `end`
/// at 100%. Between two RGB stops the colour is interpolated; otherwise the nearer stop wins.
public struct Gradient: Equatable, Sendable {
    public var start: Color
    public var mid: Color?
    public var end: Color

    public init(start: Color, mid: Color? = nil, end: Color) {
        self.start = start; self.mid = mid; self.end = end
    }

    /// The colour at `fraction` (0 … 1; out-of-range and non-finite values are clamped).
    public func color(at fraction: Double) -> Color {
        let t = fraction.isFinite ? min(1, max(0, fraction)) : 0
        guard let mid else { return Gradient.mix(start, end, t) }
        return t <= 0.5 ? Gradient.mix(start, mid, t * 2) : Gradient.mix(mid, end, (t - 0.5) * 2)
    }

    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        guard case let .rgb(r0, g0, b0) = a, case let .rgb(r1, g1, b1) = b else { return t < 0.5 ? a : b }
        func lerp(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded())
        }
        return .rgb(lerp(r0, r1), lerp(g0, g1), lerp(b0, b1))
    }
}

/// A position along a named gradient, quantised to `Shade.steps` so that a screen full of
/// shaded cells needs only a few colour pairs.
public struct Shade: Hashable, Sendable {
    public static let steps = 16
    public var gradient: GradientName
    /// 0 … steps − 1.
    public var step: UInt8

    /// The shade nearest `fraction` (0 … 1) of `gradient`.
    public init(_ gradient: GradientName, fraction: Double) {
        let t = fraction.isFinite ? min(1, max(0, fraction)) : 0
        self.gradient = gradient
        step = UInt8((t * Double(Shade.steps - 1)).rounded())
    }

    /// The step as a fraction, 0 … 1.
    public var fraction: Double { Double(step) / Double(Shade.steps - 1) }
}
