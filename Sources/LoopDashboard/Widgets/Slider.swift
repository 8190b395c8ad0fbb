/// A horizontal bar with ⅛-cell resolution, a default mark and an optional target mark.
/// The number is always printed beside it, so it reads without colour.
public struct Slider: Sendable {
    public var value: Double
    public var min: Double
    public var max: Double
    public var defaultValue: Double?
    public var target: Double?
    public var style: Style

    public init(value: Double, min: Double, max: Double, defaultValue: Double? = nil, target: Double? = nil,
                style: Style = Style(.sliderFill))
    {
        self.value = value; self.min = min; self.max = max
        self.defaultValue = defaultValue; self.target = target; self.style = style
    }

    /// The column (0 ..< width) a value falls in.
    func column(of v: Double, width: Int) -> Int {
        Swift.min(width - 1, Swift.max(0, Int((fraction(v) * Double(width)).rounded(.down))))
    }

    func fraction(_ v: Double) -> Double {
        guard max > min, v.isFinite else { return 0 }
        return Swift.min(1, Swift.max(0, (v - min) / (max - min)))
    }

    /// Draws the bar on row `y` from `x`, `width` cells wide.
    public func draw(into f: inout Frame, x: Int, y: Int, width: Int, glyphs g: Glyphs) {
        guard width > 0 else { return }
        let eighths = Int((fraction(value) * Double(width * 8)).rounded())
        let full = eighths / 8, part = eighths % 8
        // The fill takes the theme's slider gradient by position along the bar.
        func fill(_ i: Int) -> Style {
            Style(style.role, style.attributes, shade: Shade(.slider, fraction: width > 1 ? Double(i) / Double(width - 1) : 0))
        }
        for i in 0..<width {
            if i < full {
                f.put(x + i, y, g.eighths[7], fill(i))
            } else if i == full && part > 0 {
                f.put(x + i, y, g.eighths[part - 1], fill(i))
            } else {
                f.put(x + i, y, g.track, Style(.sliderTrack))
            }
        }
        if let d = defaultValue {
            let c = column(of: d, width: width)
            if c >= full { f.put(x + c, y, g.marker, Style(.sliderDefault)) }
        }
        if let t = target {
            // The target always shows, on the fill or on the track.
            f.put(x + column(of: t, width: width), y, g.target, Style(.sliderTarget, .bold))
        }
    }
}
