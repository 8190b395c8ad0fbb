import Foundation

/// How filed dollar amounts are written: in tables, in source notes, in YAML.
public enum Money {
    /// `$1,364.7M`: millions with one decimal, thousands grouped.
    public static func millions(_ value: Double) -> String {
        let tenths = Int((abs(value) / 1e5).rounded())
        var whole = String(tenths / 10)
        var i = whole.count - 3
        while i > 0 {
            whole.insert(",", at: whole.index(whole.startIndex, offsetBy: i))
            i -= 3
        }
        return (value < 0 ? "-$" : "$") + whole + ".\(tenths % 10)M"
    }

    /// The shortest exact YAML number for `value`: `1.364676e9`, `0`.
    public static func yaml(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return "0" }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let mantissa = String(format: "%.12g", value / pow(10, Double(exponent)))
        let text = exponent == 0 ? mantissa : "\(mantissa)e\(exponent)"
        return Double(text) == value ? text : String(format: "%.17g", value)
    }
}
