import Foundation

/// A company as the command line names it: a ticker (`CRWV`) or a CIK (`1769628`,
/// `CIK0001769628`).
public enum CompanyRef: Sendable, Equatable, CustomStringConvertible {
    case ticker(String)
    case cik(Int)

    public init(_ text: String) throws(FilingsError) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = t.hasPrefix("CIK") ? String(t.dropFirst(3)) : t
        if !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let n = Int(digits), n > 0 {
            self = .cik(n)
        } else if (1...10).contains(t.count), t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) {
            self = .ticker(t)
        } else {
            throw FilingsError("'\(text)' is not a ticker (e.g. CRWV) or a CIK (e.g. 1769628)")
        }
    }

    public var description: String {
        switch self {
        case let .ticker(t): t
        case let .cik(n): "CIK \(CompanyFacts.pad(n))"
        }
    }
}

/// The SEC's ticker list (`company_tickers.json`): ticker → CIK.
public struct TickerMap: Sendable {
    public var ciks: [String: Int]

    public static func parse(_ data: Data, source: String) throws(FilingsError) -> TickerMap {
        struct Row: Decodable { var cik_str: Int; var ticker: String }
        guard let rows = try? JSONDecoder().decode([String: Row].self, from: data) else {
            throw FilingsError("\(source): not the SEC's ticker list (expected {\"0\": {\"cik_str\": …, \"ticker\": …}, …})")
        }
        var ciks: [String: Int] = [:]
        for row in rows.values { ciks[row.ticker.uppercased()] = row.cik_str }
        return TickerMap(ciks: ciks)
    }
}
