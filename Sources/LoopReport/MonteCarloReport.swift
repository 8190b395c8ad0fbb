import LoopSim

/// `moneyloop simulate --monte-carlo N`: the bands, runway odds and who runs out first,
/// as a table readable at 100 columns or as JSON.
public enum MonteCarloReport {
    public static func render(_ scenario: Scenario, _ r: MonteCarloResult, format: OutputFormat) -> String {
        switch format {
        case .json, .csv: return json(scenario, r).text(pretty: true) + "\n"
        case .table: return table(scenario, r)
        }
    }

    // MARK: JSON

    /// `scenario`, `title`, `start`, `horizon`, `paths`, `seed`, `sampled`,
    /// `runwayThreshold`, `companies` (per company: `probabilityRunwayBelowThreshold`,
    /// `firstOutShare`, `runwayMonths` {p5, p50, p95; null beyond the horizon},
    /// `runwayCounts` (index = month), `beyondHorizon`, `cash` [{month, date, p5 … p95}]),
    /// and `firstOut` {coreweave, vast, nobody} as path counts.
    public static func json(_ scenario: Scenario, _ r: MonteCarloResult) -> JSONValue {
        let num = { (x: Double) in JSONValue.number(x) }
        return .object([
            ("scenario", .string(scenario.name)),
            ("title", .string(scenario.title)),
            ("start", .string(r.start.description)),
            ("horizon", num(Double(r.horizon))),
            ("paths", num(Double(r.paths))),
            ("seed", .string(String(r.seed))),
            ("sampled", num(Double(r.sampled))),
            ("runwayThreshold", num(Double(MonteCarloResult.runwayThreshold))),
            ("companies", .object(r.companies.map { o in
                (o.company.rawValue, .object([
                    ("probabilityRunwayBelowThreshold", num(r.probabilityOfShortRunway(o.company))),
                    ("firstOutShare", num(r.firstOutShare(o.company))),
                    ("runwayMonths", .object([0.05, 0.5, 0.95].map { q in
                        ("p\(Int(q * 100))", .optional(o.runway.percentile(q).map(Double.init)))
                    })),
                    ("runwayCounts", .array(o.runway.counts.map { num(Double($0)) })),
                    ("beyondHorizon", num(Double(o.runway.beyondHorizon))),
                    ("cash", .array((0...r.horizon).map { t in
                        .object([("month", num(Double(t))), ("date", .string(r.start.adding(months: t).description))]
                            + Bands.levels.indices.map { k in ("p\(Int(Bands.levels[k] * 100))", num(o.cash[k][t])) })
                    })),
                ]))
            })),
            ("firstOut", .object(zip(r.companies, r.firstOut).map { ($0.company.rawValue, num(Double($1))) }
                + [("nobody", num(Double(r.nobodyOut)))])),
        ])
    }

    // MARK: Table

    /// Runway odds per company, then each company's cash bands (every month up to 36
    /// months, else every third month plus the last), then runway histograms.
    public static func table(_ scenario: Scenario, _ r: MonteCarloResult) -> String {
        var out = "\(scenario.name): \(scenario.title)\n"
        out += "Monte Carlo: \(Format.grouped(Double(r.paths))) paths, seed \(r.seed), \(r.horizon) months from "
            + "\(r.start); \(r.sampled) uncertain inputs sampled\n"
        if r.sampled == 0 {
            out += "note: the scenario gives no distributions or shocks, so every path is the same "
                + "(see docs/analytics.md)\n"
        }
        let threshold = MonteCarloResult.runwayThreshold
        let head: [(String, Int)] = [("runway", 10), ("p5", 8), ("p50", 8), ("p95", 8),
                                     ("P(< \(threshold) mo)", 12), ("runs out first", 15)]
        out += "\n" + TextTable.header(head)
        for o in r.companies {
            let runway = { (q: Double) in Format.runway(o.runway.percentile(q), horizon: r.horizon) }
            out += TextTable.row([o.company.label, runway(0.05), runway(0.5), runway(0.95),
                        Format.percent(r.probabilityOfShortRunway(o.company), digits: 1),
                        Format.percent(r.firstOutShare(o.company), digits: 1)], head) + "\n"
        }
        out += "Nobody runs out within the horizon on \(Format.percent(r.firstOutShare(nil), digits: 1)) of paths.\n"
        for o in r.companies { out += "\n" + cashTable(o, r) }
        for o in r.companies { out += "\n" + histogram(o, r) }
        return out
    }

    static func cashTable(_ o: CompanyOutcome, _ r: MonteCarloResult) -> String {
        let head: [(String, Int)] = [("\(o.company.label) cash", 16)]
            + Bands.levels.map { ("p\(Int($0 * 100))", 9) }
        var out = TextTable.header(head)
        let step = r.horizon <= 36 ? 1 : 3
        for t in 0...r.horizon where t % step == 0 || t == r.horizon {
            let cells = [r.start.adding(months: t).shortLabel] + Bands.levels.indices.map { Format.dollars(o.cash[$0][t]) }
            out += TextTable.row(cells, head) + "\n"
        }
        return out
    }

    /// Months of runway in half-year bins: share of paths and a bar.
    static func histogram(_ o: CompanyOutcome, _ r: MonteCarloResult) -> String {
        var out = "\(o.company.label): months of runway, share of paths\n"
        let bins = stride(from: 0, through: r.horizon, by: 6).map { lo in (lo, min(r.horizon, lo + 5)) }
        let paths = Double(max(1, r.paths))
        var rows = bins.map { lo, hi in
            (lo == hi ? "\(lo) mo" : "\(lo)–\(hi) mo", Double(o.runway.counts[lo...hi].reduce(0, +)) / paths)
        }
        rows.append(("> \(r.horizon) mo", Double(o.runway.beyondHorizon) / paths))
        for (label, share) in rows {
            let bar = String(repeating: "#", count: Int((share * 50).rounded()))
            out += TextTable.cell(label, 10) + " " + TextTable.cell(Format.percent(share, digits: 1), 6, right: true)
                + " " + bar + "\n"
        }
        return out
    }
}
