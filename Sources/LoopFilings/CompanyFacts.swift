import Foundation

/// One XBRL fact of a company-facts document: a tag's value for one period, as one
/// filing (form, accession number, date filed) reported it.
public struct Fact: Sendable, Equatable {
    public var tag: String
    /// `YYYY-MM-DD`; nil for a balance-sheet (instant) value.
    public var start: String?
    public var end: String
    public var value: Double
    public var accession: String
    public var fiscalPeriod: String
    public var form: String
    public var filed: String
    /// The SEC's calendar frame (`CY2025Q3`, `CY2025Q3I`) on the one fact it chose for
    /// that period; nil on the other copies.
    public var frame: String?

    public init(tag: String, start: String? = nil, end: String, value: Double, accession: String,
                fiscalPeriod: String = "", form: String, filed: String, frame: String? = nil) {
        self.tag = tag; self.start = start; self.end = end; self.value = value; self.accession = accession
        self.fiscalPeriod = fiscalPeriod; self.form = form; self.filed = filed; self.frame = frame
    }

    /// Whole months from `start` to `end` (3 for a quarter); nil for an instant.
    public var months: Int? {
        guard let start, let a = Fact.dayNumber(start), let b = Fact.dayNumber(end) else { return nil }
        return Int((Double(b - a + 1) / 30.436875).rounded())
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (the civil-from-days inverse).
    static func dayNumber(_ s: String) -> Int? {
        guard let (y0, m, d) = day(s) else { return nil }
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func day(_ s: String) -> (y: Int, m: Int, d: Int)? {
        let p = s.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? (p[0], p[1], p[2]) : nil
    }
}

/// A company's XBRL facts in US dollars, as the SEC publishes them at
/// `data.sec.gov/api/xbrl/companyfacts/CIK##########.json` (us-gaap taxonomy).
public struct CompanyFacts: Sendable, Equatable {
    public var cik: Int
    public var entityName: String
    /// us-gaap tag → its USD facts, in the document's order.
    public var facts: [String: [Fact]]

    public init(cik: Int, entityName: String, facts: [String: [Fact]]) {
        self.cik = cik; self.entityName = entityName; self.facts = facts
    }

    /// `0001769628`: the CIK as the SEC's file names and URLs write it.
    public var paddedCIK: String { CompanyFacts.pad(cik) }

    public static func pad(_ cik: Int) -> String {
        let s = String(cik)
        return String(repeating: "0", count: max(0, 10 - s.count)) + s
    }

    /// Reads a company-facts document; `source` names it in the error (a URL or a path).
    public static func parse(_ data: Data, source: String) throws(FilingsError) -> CompanyFacts {
        let doc: Document
        do {
            doc = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw FilingsError("\(source): not a company-facts document (\(describe(error)))")
        }
        var facts: [String: [Fact]] = [:]
        for (tag, concept) in doc.facts["us-gaap"] ?? [:] {
            guard let rows = concept.units["USD"] else { continue }
            facts[tag] = rows.map {
                Fact(tag: tag, start: $0.start, end: $0.end, value: $0.val, accession: $0.accn,
                     fiscalPeriod: $0.fp ?? "", form: $0.form, filed: $0.filed, frame: $0.frame)
            }
        }
        return CompanyFacts(cik: doc.cik, entityName: doc.entityName, facts: facts)
    }

    /// A decoding error in a few words: where, and what.
    static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "not JSON" }
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case let .keyNotFound(key, c): return "\(at(c.codingPath + [key])) missing"
        case let .typeMismatch(_, c), let .valueNotFound(_, c): return "\(at(c.codingPath)) has the wrong type"
        case let .dataCorrupted(c):
            return c.codingPath.isEmpty ? "not JSON, or cut short" : "\(at(c.codingPath)) unreadable"
        @unknown default: return "unreadable"
        }
    }

    struct Document: Decodable {
        var cik: Int
        var entityName: String
        var facts: [String: [String: Concept]]
    }

    struct Concept: Decodable {
        var units: [String: [Row]]
    }

    struct Row: Decodable {
        var start: String?
        var end: String
        var val: Double
        var accn: String
        var fp: String?
        var form: String
        var filed: String
        var frame: String?
    }
}
