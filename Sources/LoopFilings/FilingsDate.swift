/// Dates the filings commands take: `YYYY-MM-DD`, as the SEC writes them.
public enum FilingsDate {
    /// `text` when it is a real calendar date, else an error naming `option`.
    public static func check(_ text: String, _ option: String) throws(FilingsError) -> String {
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1900...2200).contains(y), (1...12).contains(m),
              d >= 1, d <= daysIn(y, m)
        else { throw FilingsError("\(option): '\(text)' is not a date; expected YYYY-MM-DD, e.g. 2025-09-30") }
        return text
    }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
