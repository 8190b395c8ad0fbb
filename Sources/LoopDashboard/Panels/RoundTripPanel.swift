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

    /// One buyer's line as of the present month: this month's share (nil: no sales this
    /// month), where the cumulative line stands, and the dollars to date.
    struct Row: Equatable {
        var buyer: String
        var monthly: Double?
        var standing: RoundTripLedger.Standing
        var financed: Double
        var sales: Double
        var role: Role

        /// The right-hand words: "mo 12% · cum 34%", "no sales this mo · cum 21%",
        /// "financed $685.0M ahead of any sales", "no sales yet". Never a share of $0.
        var shares: String {
            switch standing {
            case .share(let cumulative):
                return (monthly.map { "mo \(Format.percent($0))" } ?? "no sales this mo") + " · cum \(Format.percent(cumulative))"
            case .financedAheadOfSales(let amount): return "financed \(Format.dollars(amount)) ahead of any sales"
            case .nothingYet: return "no sales yet"
            }
        }

        /// The dollars under it: "$8.3B of $39.6B"; with no sales, "no sales yet" or "nothing financed".
        var money: String {
            switch standing {
            case .share: "\(Format.dollars(financed)) of \(Format.dollars(sales))"
            case .financedAheadOfSales: "no sales yet"
            case .nothingYet: "nothing financed"
            }
        }

        /// The cumulative share for the bar (nil: no bar, there is no share).
        var cumulative: Double? { if case .share(let s) = standing { s } else { nil } }
    }

    /// Each vendor's name and role with its buyers' rows, as of the present month.
    var blocks: [(vendor: String, role: Role, rows: [Row])] {
        let entities = session.loop.entities
        return session.ledgers.map { ledger in
            let rows = ledger.lines.map { line in
                Row(buyer: entities[line.buyer].name, monthly: line.share(month: month),
                    standing: line.standing(through: month), financed: line.financed(through: month),
                    sales: line.sales(through: month), role: GraphSpec.role(of: entities[line.buyer].kind))
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

    /// One buyer: name, and its shares or, with no sales yet, what stands in their place;
    /// below it, when `bar`, the cumulative share as a bar (full at 100%) with the dollars
    /// beside it (no bar without a share).
    func draw(_ row: Row, into f: inout Frame, x: Int, y: Int, width: Int, bar: Bool) -> Int {
        let shares = row.shares.truncated(to: width - 5, ellipsis: glyphs.ellipsis)
        let count = shares.unicodeScalars.count
        f.text(x, y, row.buyer.truncated(to: width - count - 1, ellipsis: glyphs.ellipsis), Style(row.role))
        f.text(x + width - count, y, shares, Style(row.financed > 0 ? .warn : .text, .bold))
        guard bar else { return y + 1 }
        let money = row.money.truncated(to: width, ellipsis: glyphs.ellipsis)
        let barWidth = width - money.count - 3
        if let share = row.cumulative, barWidth >= 4 {
            Slider(value: min(1, share), min: 0, max: 1, style: Style(share > 0 ? .warn : .dim))
                .draw(into: &f, x: x + 1, y: y + 1, width: barWidth, glyphs: glyphs)
        }
        f.text(x + width - money.unicodeScalars.count, y + 1, money, Style(.dim))
        return y + 2
    }
}
