extension TextTable {
    /// One row of a table: the first cell left-aligned, the others right-aligned, each
    /// cut or padded to its column's width.
    static func row(_ cells: [String], _ columns: [(String, Int)]) -> String {
        zip(cells, columns).enumerated().map { i, pair in cell(pair.0, pair.1.1, right: i > 0) }
            .joined(separator: " ")
    }

    /// The column titles and a rule of dashes under them.
    static func header(_ columns: [(String, Int)]) -> String {
        row(columns.map(\.0), columns) + "\n" + columns.map { String(repeating: "-", count: $0.1) }
            .joined(separator: " ") + "\n"
    }
}
