/// An edge's kind text and its shortenings, longest first: the whole, then `truncated(to:)`
/// at every length from one less than its own down to 5. Labels are placed again on every
/// lever key, each tried beside every run of its edge: widths are known without the
/// texts, and each shortening is made once, when a placement needs it.
struct Shortenings {
    private let kind: String
    private let scalars: [Unicode.Scalar]
    /// 0 for the whole text, else the length cut to.
    let lengths: [Int]
    private var made: [String?]

    init(_ kind: String) {
        self.kind = kind
        scalars = Array(kind.unicodeScalars)
        lengths = [0] + (2...max(2, kind.count - 1)).reversed().filter { $0 >= 5 }
        made = Array(repeating: nil, count: lengths.count)
    }

    /// Cells the `v`th text takes.
    func width(_ v: Int) -> Int { lengths[v] == 0 || scalars.count <= lengths[v] ? scalars.count : lengths[v] }

    /// The `v`th text, as `kind.truncated(to: lengths[v])` gives it.
    mutating func text(_ v: Int) -> String {
        if let t = made[v] { return t }
        let t = lengths[v] == 0 ? kind : kind.truncated(to: lengths[v])
        made[v] = t
        return t
    }
}
