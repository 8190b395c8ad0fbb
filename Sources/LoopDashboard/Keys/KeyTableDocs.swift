/// The key table written out as Markdown, for the README's keys section (a test keeps the
/// README and the table the same).
extension KeyTable {
    /// Marks around the generated section in the README.
    public static let readmeBegin = "<!-- keys:begin (generated from KeyTable; `moneyloop keys` prints it) -->"
    public static let readmeEnd = "<!-- keys:end -->"

    /// Marks around the generated overlay keys in docs/analytics.md.
    public static let overlaysBegin = "<!-- overlay-keys:begin (generated from KeyTable; Scripts/update-readme-keys.sh writes it) -->"
    public static let overlaysEnd = "<!-- overlay-keys:end -->"

    /// A Markdown table of the bindings of `contexts` (all by default): keys, where they
    /// apply, what they do, and the states that refuse them (following, `--read-only`).
    public static func markdown(contexts: [KeyContext] = KeyContext.allCases) -> String {
        var lines = ["| keys | where | what | not while |", "| --- | --- | --- | --- |"]
        for b in bindings where contexts.contains(b.context) {
            let keys = b.keyNames.map { "`" + $0.map { $0 == "|" ? "\\|" : String($0) }.joined() + "`" }
                .joined(separator: " ")
            lines.append("| \(keys) | \(b.context.place) | \(b.long) | \(b.action.refusedWhile.joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n")
    }
}
