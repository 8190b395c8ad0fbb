/// The key table written out as Markdown, for the README's keys section (a test keeps the
/// README and the table the same).
extension KeyTable {
    /// Marks around the generated section in the README.
    public static let readmeBegin = "<!-- keys:begin (generated from KeyTable; `moneyloop keys` prints it) -->"
    public static let readmeEnd = "<!-- keys:end -->"

    /// A Markdown table: keys, where they apply, what they do.
    public static func markdown() -> String {
        var lines = ["| keys | where | what |", "| --- | --- | --- |"]
        for b in bindings {
            let keys = b.keyNames.map { "`" + $0.map { $0 == "|" ? "\\|" : String($0) }.joined() + "`" }
                .joined(separator: " ")
            let place = b.context == .global ? "anywhere"
                : b.context == .script ? "demo script" : "\(b.context.rawValue) panel"
            lines.append("| \(keys) | \(place) | \(b.long) |")
        }
        return lines.joined(separator: "\n")
    }
}
