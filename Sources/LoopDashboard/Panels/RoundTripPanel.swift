import LoopSim

/// The round-trip ledger of a loop: for each vendor and each buyer, the share of the
/// vendor's sales that the vendor financed itself (equity, backstop, loans, warrant
/// value), this month and cumulative to the present month. Every figure is the engine's
/// (`RoundTripLedger`).
public struct RoundTripPanel: Sendable {
    public var session: LoopSession
    public var month: Int
    public var glyphs: Glyphs

    public init(session: LoopSession, month: Int, glyphs: Glyphs) {
        self.session = session; self.month = max(0, min(month, session.projection.horizon)); self.glyphs = glyphs
    }

    /// One buyer's line in words: "OpenAI  mo 12% · cum 34%" and "$1.2B of $3.4B financed".
    struct Row: Equatable {
        var buyer: String
        var monthly: Double
        var cumulative: Double
        var financed: Double
        var sales: Double
        var role: Role
    }

    /// Each vendor's name and role with its buyers' rows, as of the present month.
    var blocks: [(vendor: String, role: Role, rows: [Row])] {
        let entities = session.loop.entities
        return session.ledgers.map { ledger in
            let rows = ledger.lines.map { line in
                Row(buyer: entities[line.buyer].name, monthly: line.share(month: month),
                    cumulative: line.cumulativeShare(through: month),
                    financed: line.financed[0...month].reduce(0, +), sales: line.sales[0...month].reduce(0, +),
                    role: GraphSpec.role(of: entities[line.buyer].kind))
            }
            let v = entities[ledger.vendor]
            return (v.name, GraphSpec.role(of: v.kind), rows)
        }
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 24, r.height >= 2 else { return }
        let blocks = blocks
        guard !blocks.isEmpty else {
            f.text(r.x, r.y, "no vendor sells through a vendor-sale deal".truncated(to: r.width), Style(.dim))
            return
        }
        var y = r.y
        let note = "share of its sales to each buyer the vendor financed itself (equity, backstop, loans, warrants)"
        let noteLines = CaptionBanner.wrap(note, width: r.width)
        let rowsNeeded = blocks.reduce(0) { $0 + 1 + $1.rows.count * 2 }
        let twoLines = rowsNeeded + noteLines.count <= r.height
        for b in blocks where y < r.maxY {
            let title = "\(b.vendor) · month \(month) · cumulative"
            f.text(r.x, y, title.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(b.role, .bold))
            y += 1
            for row in b.rows where y < r.maxY {
                y = draw(row, into: &f, x: r.x, y: y, width: r.width, bar: twoLines && y + 1 < r.maxY)
            }
        }
        if twoLines, y + noteLines.count <= r.maxY {
            for (i, l) in noteLines.enumerated() { f.text(r.x, r.maxY - noteLines.count + i, l, Style(.dim)) }
        }
    }

    /// One buyer: name, this month's share and the cumulative share; below it, when `bar`,
    /// the cumulative share as a bar (full at 100%) with the dollars beside it.
    func draw(_ row: Row, into f: inout Frame, x: Int, y: Int, width: Int, bar: Bool) -> Int {
        let shares = "mo \(Format.percent(row.monthly)) · cum \(Format.percent(row.cumulative))"
        let nameWidth = max(4, width - shares.count - 1)
        f.text(x, y, row.buyer.truncated(to: nameWidth, ellipsis: glyphs.ellipsis), Style(row.role))
        f.text(x + width - shares.count, y, shares, Style(row.cumulative > 0 ? .warn : .text, .bold))
        guard bar else { return y + 1 }
        let money = "\(Format.dollars(row.financed)) of \(Format.dollars(row.sales))"
        let barWidth = width - money.count - 3
        if barWidth >= 4 {
            Slider(value: min(1, row.cumulative), min: 0, max: 1, style: Style(row.cumulative > 0 ? .warn : .dim))
                .draw(into: &f, x: x + 1, y: y + 1, width: barWidth, glyphs: glyphs)
        }
        f.text(x + width - money.count, y + 1, money.truncated(to: width), Style(.dim))
        return y + 2
    }
}
