import LoopSim

/// When money moves along the funding graph's edges that move none this month: the
/// first later month a deal pays ("from Jan 27"), else the last month it paid ("last
/// Mar 27"), else "none to Oct 32" (nothing within the projection). One pass over the
/// projection's flows, so an edge never reads "$0" for a deal that starts later.
struct LoopEdgeSchedule: Sendable {
    /// Per (deal, from, to, cash): the first month after the present with a flow, and the
    /// last month before it.
    private var next: [Key: Int] = [:]
    private var last: [Key: Int] = [:]
    let start: YearMonth
    let horizon: Int

    struct Key: Hashable {
        var deal: Int, from: Int, to: Int
        var isCash: Bool
    }

    init(_ p: LoopProjection, month: Int, parts: [LoopGraphSpec.Part]) {
        start = p.start; horizon = p.horizon
        let wanted = Set(parts.map { Key(deal: $0.deal, from: $0.from, to: $0.to, isCash: $0.isCash) })
        for t in 0...p.horizon where t != month {
            for f in p.flows(month: t) where f.amount != 0 {
                let k = Key(deal: f.deal, from: f.from, to: f.to, isCash: f.isCash)
                guard wanted.contains(k) else { continue }
                if t > month { if next[k] == nil { next[k] = t } } else { last[k] = t }
            }
        }
    }

    /// When the money of `parts` moves, worded for an edge; nil when none of them is known.
    func when(_ parts: [LoopGraphSpec.Part]) -> String {
        let keys = parts.map { Key(deal: $0.deal, from: $0.from, to: $0.to, isCash: $0.isCash) }
        return Self.words(next: keys.compactMap { next[$0] }.min(), last: keys.compactMap { last[$0] }.max(),
                          start: start, horizon: horizon)
    }

    /// "from Jan 27" (the next month money moves), else "last Mar 27", else "none to Oct 32".
    static func words(next: Int?, last: Int?, start: YearMonth, horizon: Int) -> String {
        if let t = next { return "from " + start.adding(months: t).shortLabel }
        if let t = last { return "last " + start.adding(months: t).shortLabel }
        return "none to " + start.adding(months: horizon).shortLabel
    }
}
