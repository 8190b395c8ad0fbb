import Foundation

/// The text of `moneyloop filings show`: each figure the model reads, by period, with
/// the form, accession number, date filed and tag of the fact chosen; a figure no tag
/// reports is shown as missing, never as zero.
public enum FactsTable {
    public static func render(_ company: CompanyFacts, fetched: Date?, now: Date, periods: Int = 4,
                              through: String? = nil) -> String {
        var out = "\(company.entityName), CIK \(company.paddedCIK)"
        if let fetched { out += ", company facts fetched \(CacheAge.describe(fetched, now: now))" }
        if let through { out += ", periods ending on or before \(through)" }
        out += "\n\n"
        var rows: [[String]] = [["figure", "period", "value", "form", "accession", "filed", "tag"]]
        for concept in FiledConcept.allCases {
            let series = FactSelection.series(concept, in: company, through: through)
            let ends = series.map(\.end).uniqued().prefix(max(1, periods))
            if series.isEmpty {
                rows.append([concept.label, "missing", "—", "", "", "", "no fact: " + concept.tags.joined(separator: ", ")])
            }
            for f in series where ends.contains(f.end) {
                let period = f.months.map { "\($0) mo to \(f.end)" } ?? f.end
                rows.append([concept.label, period, Money.millions(f.value), f.form, f.accession, f.filed, f.tag])
            }
        }
        out += columns(rows, rightAligned: [2])
        out += "\nDuplicates: one fact per period, the one with an SEC frame, else the latest filed.\n"
        return out
    }

    /// Rows padded into columns two spaces apart; the last column is not padded.
    static func columns(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { i -> String in
                if i == row.count - 1 { return row[i] }
                let pad = String(repeating: " ", count: widths[i] - row[i].count)
                return rightAligned.contains(i) ? pad + row[i] : row[i] + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }
}
