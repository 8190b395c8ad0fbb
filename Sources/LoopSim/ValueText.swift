/// The one reading of a value a person types — in `--set`, the dashboard's `:set` and
/// scenario files alike: a number with an optional leading `$`, `_`, `,` or spaces as
/// separators, then one suffix: `%` (÷ 100), a scale `k`, `M`/`m`, `B`/`G`, `T`, or a unit
/// word that leaves the number as it is (`mo`, `months`, `yr`, `y`, `years`, `bp`, `bps`,
/// `x`, `×`, `/h`, `/gpu-h`, `gb/s`, `tb`). Case does not matter (`m` is million; `mo` months).
public enum ValueText {
    /// A value read from text, and which kind of suffix it had.
    public struct Reading: Sendable, Equatable {
        public var value: Double
        public var percent: Bool
        /// True when a scale (k, M, B, T) or a unit word was given.
        public var suffixed: Bool
    }

    static let suffixes: [(String, Double)] = [
        ("/gpu-h", 1), ("months", 1), ("years", 1), ("gb/s", 1), ("m/o", 1), ("bps", 1), ("/h", 1), ("%", 0.01),
        ("bp", 1), ("mo", 1), ("yr", 1), ("tb", 1), ("y", 1), ("x", 1), ("×", 1),
        ("k", 1e3), ("m", 1e6), ("b", 1e9), ("g", 1e9), ("t", 1e12),
    ]

    /// The value of `text`, or nil when it is not a finite number with at most one suffix.
    public static func read(_ text: String) -> Reading? {
        var s = Substring(text.lowercased().filter { $0 != " " && $0 != "," && $0 != "_" })
        if s.hasPrefix("$") { s = s.dropFirst() }
        var scale = 1.0, percent = false, suffixed = false
        for (suffix, factor) in suffixes where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            scale = factor
            percent = suffix == "%"
            suffixed = !percent
            break
        }
        guard !s.isEmpty, s.allSatisfy({ "0123456789.e+-".contains($0) }), let n = Double(s), n.isFinite else {
            return nil
        }
        let v = n * scale
        return v.isFinite ? Reading(value: v, percent: percent, suffixed: suffixed) : nil
    }
}
