import LoopSim

/// The article's claims beside what the model computes, with a verdict mark that reads
/// without colour (✓ agrees, ✗ disagrees, ~ dated). Computed live from the levers.
public struct FactCheckPanel: Sendable {
    public var claims: [Claim]
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) {
        claims = FactCheck.run(model.scenario, values: model.schedule.values(at: model.month))
        self.glyphs = glyphs
    }

    static func mark(_ v: Verdict, ascii: Bool) -> (String, Role) {
        switch v {
        case .agrees: (ascii ? "ok" : "✓", .good)
        case .disagrees: (ascii ? "NO" : "✗", .bad)
        case .dated: (ascii ? "~" : "≈", .warn)
        }
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 24, r.height >= 1 else { return }
        // Two lines a claim when there is room, else one.
        let twoLines = r.height >= claims.count * 2
        var y = r.y
        for c in claims {
            guard y < r.maxY else { break }
            let (mark, role) = Self.mark(c.verdict, ascii: glyphs.tier == .ascii)
            f.text(r.x, y, mark, Style(role, .bold))
            let value = c.display
            let claimWidth = max(4, r.width - 4 - (twoLines ? 0 : min(value.count, r.width / 2) + 1))
            f.text(r.x + 3, y, c.claim.truncated(to: claimWidth, ellipsis: glyphs.ellipsis), .text)
            if twoLines {
                y += 1
                f.text(r.x + 3, y, "model: \(value)".truncated(to: r.width - 3, ellipsis: glyphs.ellipsis), Style(role))
            } else {
                let v = value.truncated(to: r.width / 2, ellipsis: glyphs.ellipsis)
                f.text(r.maxX - v.count, y, v, Style(role))
            }
            y += 1
        }
    }
}
