import LoopSim

/// `moneyloop simulate --scenario LOOP --monte-carlo N`: per entity, how often it runs out
/// of cash (within the horizon and within 24 months), how often it is first, and the
/// median of its lowest cash, over paths drawing the loop levers (`LoopUncertainty`).
public enum LoopMonteCarloReport {
    public static func render(_ loop: MoneyLoop, _ r: LoopMonteCarlo.Result, seed: UInt64, format: OutputFormat) -> String {
        switch format {
        case .json: return json(loop, r, seed: seed).text(pretty: true) + "\n"
        default: return table(loop, r, seed: seed)
        }
    }

    public static func json(_ loop: MoneyLoop, _ r: LoopMonteCarlo.Result, seed: UInt64) -> JSONValue {
        .object([
            ("scenario", .string(loop.name)), ("paths", .number(Double(r.paths))), ("months", .number(Double(r.months))),
            ("seed", .number(Double(seed))),
            ("entities", .array(r.entities.indices.map { j in
                .object([("id", .string(loop.entities[r.entities[j]].id)), ("runOut", .number(r.runOut[j])),
                         ("runOutWithin24", .number(r.runOutWithin24[j])), ("first", .number(r.first[j])),
                         ("medianLowestCash", .number(r.medianLowestCash[j]))])
            })),
        ])
    }

    public static func table(_ loop: MoneyLoop, _ r: LoopMonteCarlo.Result, seed: UInt64) -> String {
        var out = "\(loop.name): \(r.paths) paths × \(r.months) months, seed \(seed); levers drawn: demand delay 0–9 mo, "
            + "build delay 0–6 mo, rates +0–200 bp, non-binding deals 0–100%, utilization ×0.9–1.2\n\n"
        let cols = [("entity", 18), ("runs out", 9), ("≤ 24 mo", 9), ("first", 7), ("median low", 11)]
        out += cols.enumerated().map { i, c in TextTable.cell(c.0, c.1, right: i > 0) }.joined(separator: " ") + "\n"
        out += cols.map { String(repeating: "-", count: $0.1) }.joined(separator: " ") + "\n"
        let pct = { (v: Double) in "\(Int((v * 100).rounded()))%" }
        for (j, e) in r.entities.enumerated() {
            let cells = [String(loop.entities[e].name.prefix(18)), pct(r.runOut[j]), pct(r.runOutWithin24[j]), pct(r.first[j]),
                         Format.dollars(r.medianLowestCash[j])]
            out += zip(cells, cols).enumerated().map { i, p in TextTable.cell(p.0, p.1.1, right: i > 0) }.joined(separator: " ") + "\n"
        }
        return out
    }
}
