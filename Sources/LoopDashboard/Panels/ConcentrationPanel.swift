import LoopSim

/// Who pays whom: each company's largest payers as bars with their share, and the
/// HHI against the "highly concentrated" threshold (0.25, i.e. 2,500 on the antitrust scale).
public struct ConcentrationPanel: Sendable {
    /// HHI above this is "highly concentrated" (US merger guidelines: 2,500).
    public static let threshold = 0.25

    public var month: MonthSnapshot
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) {
        month = model.now
        self.glyphs = glyphs
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 24, r.height >= 2 else { return }
        let companies: [Node] = [.coreweave, .vast]
        var y = r.y
        for c in companies {
            let conc = Concentration.of(c, in: month)
            let room = (r.maxY - y) / max(1, companies.count - (companies.firstIndex(of: c) ?? 0))
            guard room >= 2 else { break }
            y = drawCompany(&f, conc, x: r.x, y: y, width: r.width, rows: room)
        }
    }

    /// Draws one company's block; returns the next free row.
    func drawCompany(_ f: inout Frame, _ c: Concentration, x: Int, y: Int, width: Int, rows: Int) -> Int {
        let hhiText = "HHI \(Format.grouped(c.hhi * 10_000))"
        let over = c.hhi > Self.threshold
        let title = "\(c.company.label) · top payer \(Format.percent(c.top1Share))"
        f.text(x, y, title.truncated(to: width - hhiText.count - 1, ellipsis: glyphs.ellipsis),
               Style(FundingGraph.role(of: c.company), .bold))
        f.text(x + width - hhiText.count, y, hhiText, Style(over ? .bad : .good, .bold))
        var row = y + 1
        // The HHI bar with the threshold marked.
        if rows >= 3 {
            let label = over ? "concentrated" : "diverse"
            let barWidth = width - label.count - 1
            Slider(value: c.hhi, min: 0, max: 1, target: Self.threshold, style: Style(over ? .bad : .good))
                .draw(into: &f, x: x, y: row, width: barWidth, glyphs: glyphs)
            f.text(x + width - label.count, row, label, Style(over ? .bad : .dim))
            row += 1
        }
        let nameWidth = min(16, max(6, width / 4))
        for s in c.shares.prefix(max(0, y + rows - row)) {
            let pct = Format.percent(s.share).padded(to: 4, right: true)
            f.text(x, row, s.label.truncated(to: nameWidth, ellipsis: glyphs.ellipsis), .text)
            let barX = x + nameWidth + 1, barWidth = width - nameWidth - pct.count - 2
            if barWidth > 2 {
                Slider(value: s.share, min: 0, max: 1, style: Style(FundingGraph.role(of: s.payer ?? .otherCustomers)))
                    .draw(into: &f, x: barX, y: row, width: barWidth, glyphs: glyphs)
            }
            f.text(x + width - pct.count, row, pct, Style(.text, .bold))
            row += 1
        }
        return row
    }
}
