import LoopSim

extension Support {
    /// What breaks the conservation of money in `p`: a flow or a balance that is not
    /// finite, a month whose change of cash is not its flows, money created or destroyed.
    public static func conservationProblems(_ loop: MoneyLoop, _ p: LoopProjection) -> [String] {
        var problems: [String] = []
        let n = loop.entities.count
        var previous = loop.entities.map(\.cash)
        for t in 0...p.horizon {
            var net = Array(repeating: 0.0, count: n), scale = Array(repeating: 1.0, count: n)
            for f in p.flows(month: t) {
                if !f.amount.isFinite { problems.append("month \(t): flow \(f) is not finite") }
                guard f.isCash else { continue }
                net[f.to] += f.amount; net[f.from] -= f.amount
                scale[f.to] += abs(f.amount); scale[f.from] += abs(f.amount)
            }
            for e in 0..<n {
                let c = p.cash(t, e)
                if !(c.isFinite && p.debt(t, e).isFinite && p.fleet(t, e).isFinite) { problems.append("month \(t) entity \(e) not finite") }
                if !(abs((c - previous[e]) - net[e]) <= 1e-9 * (scale[e] + abs(previous[e]))) {
                    problems.append("month \(t) entity \(e): Δcash \(c - previous[e]) vs flows \(net[e])")
                }
                previous[e] = c
            }
        }
        var total = 0.0, opening = 0.0
        for e in 0..<n { total += p.cash(p.horizon, e); opening += loop.entities[e].cash }
        if !(abs(total - opening) <= 1e-6 * max(1, abs(opening)) + 1) { problems.append("money created or destroyed") }
        return problems
    }
}
