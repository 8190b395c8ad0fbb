import LoopSim

/// Presenter mode's headline: when CoreWeave and Vast first need money, when CoreWeave
/// runs out if markets close, who needs money first, Vast's share of revenue from
/// CoreWeave and the utilization, in big digits (the largest size
/// that fits) with a label above and a note below. Every figure comes from `Headline`.
public struct HeadlinePanel: Sendable {
    public var model: Model
    public var caps: Capabilities

    public init(model: Model, caps: Capabilities) { self.model = model; self.caps = caps }

    /// One figure: labels (long, and short for narrow tiles), the big value, a note, a style.
    struct Tile: Equatable {
        var label: String
        var shortLabel: String
        var value: String
        var note: String
        var shortNote: String
        var style: Style
    }

    /// Columns between two tiles.
    static let separation = 3

    /// The headline of the model's what-if at its present month.
    public var headline: Headline { Headline(model.projection, month: model.month) }

    func tiles(_ h: Headline) -> [Tile] {
        let at = h.date.shortLabel
        func need(_ c: Node, _ label: String, _ short: String) -> Tile {
            let w = h.words(c)
            let m = w.need.firstMonth
            let when = m.map { h.calendar($0).shortLabel }
            // Rollovers that come first are said (FundingWords): "rolls over from Jan 27".
            let roll = w.rollsOverFirst ? w.need.firstRolloverMonth.map { "rolls over from \(h.calendar($0).shortLabel)" } : nil
            let note = when.map { "months: \($0), peak \(Format.dollars(w.need.peak))" + (roll.map { "; \($0)" } ?? "") }
                ?? "months: no new money" + (roll.map { "; \($0)" } ?? "")
            return Tile(label: label, shortLabel: short, value: m.map(String.init) ?? ">\(h.horizon)",
                        note: note, shortNote: when ?? "none", style: Style(Self.runwayRole(m), .bold))
        }
        func closed(_ c: Node, _ label: String, _ short: String) -> Tile {
            let m = h.runwayIfClosed(of: c)
            let when = m.map { h.calendar($0).shortLabel }
            let due = h.words(c).closedFirstByRollover ? ", rolled debt due" : ""
            return Tile(label: label, shortLabel: short, value: m.map(String.init) ?? ">\(h.horizon)",
                        note: when.map { "months: out \($0)\(due)" } ?? "months: lasts", shortNote: when ?? "lasts",
                        style: Style(Self.runwayRole(m), .bold))
        }
        let needDate = h.firstToNeedMoney.flatMap { h.need(of: $0)?.firstMonth }.map { h.calendar($0).shortLabel } ?? ""
        let closedFirst = "if closed: " + (h.firstOutIfClosed.map { "\(Headline.shortName($0)) out first" } ?? "none out")
        return [
            need(.coreweave, h.creditWindow > 0 ? "CoreWeave needs money" : "CoreWeave needs money (closed)",
                 "CW needs"),
            closed(.coreweave, "CoreWeave if markets close", "CW closed"),
            need(.vast, "Vast needs money", "Vast needs"),
            Tile(label: "First to need money", shortLabel: "First need", value: Headline.shortName(h.firstToNeedMoney),
                 note: h.firstToNeedMoney == nil ? "nobody; \(closedFirst)" : "\(needDate); \(closedFirst)",
                 shortNote: h.firstToNeedMoney == nil ? "in \(h.horizon) mo" : needDate,
                 style: Style(h.firstToNeedMoney == nil ? .good : .bad, .bold)),
            Tile(label: "Vast revenue from CoreWeave", shortLabel: "Vast from CW",
                 value: Format.percent(h.vastShareFromCoreWeave), note: "in \(at)", shortNote: at, style: Style(.vast, .bold)),
            Tile(label: "Utilization", shortLabel: "Utilization", value: Format.percent(h.utilization),
                 note: "CoreWeave, \(at)", shortNote: at, style: Style(.coreweave, .bold)),
        ]
    }

    /// Tile widths: equal when every tile's digits and short texts fit so; else each its
    /// own need plus an equal share of what is left; at least the digits' width.
    static func tileWidths(_ tiles: [Tile], _ digits: [Int], width: Int) -> [Int] {
        let n = tiles.count
        let room = width - separation * (n - 1)
        let need = zip(tiles, digits).map { max($1, $0.shortLabel.count, $0.shortNote.count) }
        if let widest = need.max(), widest * n <= room { return Array(repeating: room / n, count: n) }
        let base = need.reduce(0, +) <= room ? need : digits
        let share = max(0, room - base.reduce(0, +)) / n
        return base.map { $0 + share }
    }

    /// Under a year: bad; under two: warn; longer or never: good.
    static func runwayRole(_ months: Int?) -> Role {
        guard let m = months else { return .good }
        return m < 12 ? .bad : m < 24 ? .warn : .good
    }

    /// A loop's headline: who runs out of cash first, in words (the runway panel's line),
    /// wrapped to `width`; nil for the article's scenario (big digits).
    func loopLines(width: Int) -> [String]? {
        model.loop.map { CaptionBanner.wrap(LoopRunwayPanel(session: $0, model: model, caps: caps).summary, width: width - 2) }
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width > 10, r.height >= 1 else { return }
        if let lines = loopLines(width: r.width) {
            for (i, l) in lines.prefix(r.height).enumerated() { f.text(r.x + 1, r.y + i, l, Style(.text, .bold)) }
            return
        }
        let h = headline
        let tiles = tiles(h)
        let inner = Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: r.height)
        guard let size = BigDigits.largestSize(fitting: tiles.map(\.value), separation: Self.separation,
                                               width: inner.width, height: inner.height - 2, tier: caps.glyphs)
        else {
            f.text(inner.x, inner.y, h.line.truncated(to: inner.width, ellipsis: Glyphs.of(caps.glyphs).ellipsis),
                   Style(.text, .bold))
            return
        }
        let bigs = tiles.map { BigDigits($0.value, size: size, tier: caps.glyphs) }
        let widths = Self.tileWidths(tiles, bigs.map(\.width), width: inner.width)
        let used = widths.reduce(0, +) + Self.separation * (tiles.count - 1)
        let top = inner.y + max(0, (inner.height - size.rows - 2) / 2)
        var x = inner.x + max(0, (inner.width - used) / 2)
        for ((tile, big), w) in zip(zip(tiles, bigs), widths) {
            let centre = { (n: Int) in x + max(0, (w - n) / 2) }
            let label = (tile.label.count <= w ? tile.label : tile.shortLabel).truncated(to: w)
            f.text(centre(label.count), top, label, Style(.dim, .bold))
            big.draw(into: &f, x: centre(big.width), y: top + 1, style: tile.style)
            let note = (tile.note.count <= w ? tile.note : tile.shortNote).truncated(to: w)
            f.text(centre(note.count), top + 1 + size.rows, note, Style(.dim))
            x += w + Self.separation
        }
    }
}
