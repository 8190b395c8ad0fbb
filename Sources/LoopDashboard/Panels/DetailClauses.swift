/// Clauses packed into lines of a width, after a head line: each clause in the longest of
/// its wordings that fits the width (its shortest when none does), joined with " · " to
/// the line before when it fits there whole, else on a line of its own. A node's funding
/// words in the graph's details (`GraphSpec.Node.status`), as long as the room allows.
enum DetailClauses {
    static func lines(_ head: String, _ clauses: [[String]], width: Int) -> [String] {
        var lines = [head]
        for forms in clauses {
            guard let form = forms.first(where: { $0.unicodeScalars.count <= width }) ?? forms.last else { continue }
            let joined = lines[lines.count - 1] + " · " + form
            if joined.unicodeScalars.count <= width { lines[lines.count - 1] = joined } else { lines.append(form) }
        }
        return lines
    }
}
