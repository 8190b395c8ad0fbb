/// A calendar month (e.g. 2025-11): the unit of simulated time.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1 … 12.
    public var month: Int

    public init(year: Int, month: Int) {
        let index = year * 12 + (month - 1)
        self.year = index.floorDiv(12)
        self.month = index - self.year * 12 + 1
    }

    /// Parses `YYYY-MM`; nil when the text is not a valid month.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    /// The month `offset` months after this one (negative goes back).
    public func adding(months offset: Int) -> YearMonth {
        YearMonth(year: year, month: month + offset)
    }

    /// Whole months from `other` to this month.
    public func months(since other: YearMonth) -> Int {
        (year * 12 + month) - (other.year * 12 + other.month)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    /// Short label such as `Nov 25`.
    public var shortLabel: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let yy = ((year % 100) + 100) % 100
        return "\(names[month - 1]) \(yy < 10 ? "0" : "")\(yy)"
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
