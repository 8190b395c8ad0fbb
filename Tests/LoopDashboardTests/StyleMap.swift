@testable import LoopDashboard

/// A frame's colours as text, for goldens: one letter per distinct resolved look (colour
/// numbers and attributes), lettered in order of first appearance, then a legend. Cells
/// that show nothing (a space on the terminal's own background) stay blank.
enum StyleMap {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    static func render(_ frame: Frame, theme: Theme, tier: ColorTier) -> String {
        var order: [ResolvedStyle] = []
        var index: [ResolvedStyle: Int] = [:]
        var rows: [String] = []
        for y in 0..<frame.height {
            var row = ""
            for x in 0..<frame.width {
                let cell = frame[x, y]
                let r = theme.resolve(cell.style, tier: tier)
                if cell.scalar == " ", r.bg == -1, !r.attributes.contains(.reverse) { row.append(" "); continue }
                let i = index[r] ?? { order.append(r); index[r] = order.count - 1; return order.count - 1 }()
                row.append(i < letters.count ? letters[i] : "#")
            }
            rows.append(row.trimmingTrailingSpaces())
        }
        let legend = order.enumerated().map { i, r in
            let attrs = [(Attributes.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse")]
                .filter { r.attributes.contains($0.0) }.map(\.1)
            return "\(i < letters.count ? letters[i] : "#") fg \(r.fg) bg \(r.bg)" + (attrs.isEmpty ? "" : " " + attrs.joined(separator: " "))
        }
        return (rows + [""] + legend).joined(separator: "\n")
    }
}
