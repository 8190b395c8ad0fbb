import LoopSim

/// `moneyloop simulate`: a projection as JSON, CSV or a table readable at 100 columns.
public enum SimulationReport {
    public static func render(_ setup: SimulationSetup, format: OutputFormat) -> String {
        let projection = setup.project()
        switch format {
        case .json: return json(setup.scenario, projection).text(pretty: true) + "\n"
        case .csv: return csv(projection)
        case .table: return table(setup.scenario, projection)
        }
    }

    // MARK: JSON

    /// The JSON document: `scenario`, `title`, `start`, `horizon`, `parameters` (those
    /// differing from the registry defaults), `months` and `summary`.
    public static func json(_ scenario: Scenario, _ p: Projection) -> JSONValue {
        let changed = scenario.parameters.differences(from: .defaults)
        return .object([
            ("scenario", .string(scenario.name)),
            ("title", .string(scenario.title)),
            ("start", .string(p.start.description)),
            ("horizon", .number(Double(p.horizon))),
            ("parameters", .object(changed.map { ($0.rawValue, .number(scenario.parameters[$0])) })),
            ("months", .array(p.months.map(month))),
            ("summary", summary(p)),
        ])
    }

    static func month(_ m: MonthSnapshot) -> JSONValue {
        let c = m.coreweave, v = m.vast, n = m.nvidia
        let num = { (x: Double) in JSONValue.number(x) }
        return .object([
            ("month", num(Double(m.month))),
            ("date", .string(m.date.description)),
            ("coreweave", .object([
                ("cash", num(c.cash)), ("revenue", num(c.revenue)),
                ("committedRevenue", num(c.committedRevenue)), ("usageRevenue", num(c.usageRevenue)),
                ("backstopRevenue", num(c.backstopRevenue)), ("debt", num(c.debt)),
                ("gpusInService", num(c.gpusInService)), ("committedGPUs", num(c.committedGPUs)),
                ("waitingGPUs", num(c.waitingGPUs)), ("uncommittedGPUs", num(c.uncommittedGPUs)),
                ("gpusOrdered", num(c.gpusOrdered)), ("utilization", num(c.utilization)),
                ("price", num(c.price)), ("gpuHoursUsed", num(c.gpuHoursUsed)),
                ("opex", num(c.opex)), ("overhead", num(c.overhead)), ("capex", num(c.capex)),
                ("debtDraw", num(c.debtDraw)), ("interest", num(c.interest)), ("principal", num(c.principal)),
                ("storagePayment", num(c.storagePayment)), ("gpusRetired", num(c.gpusRetired)),
                ("netCashFlow", num(c.netCashFlow)), ("cashIfMarketsClose", num(c.cashIfClosed)),
                ("financing", financing(c.financing)),
            ])),
            ("vast", .object([
                ("cash", num(v.cash)), ("revenue", num(v.revenue)), ("baseRevenue", num(v.baseRevenue)),
                ("revenueFromCoreWeave", num(v.revenueFromCoreWeave)), ("costs", num(v.costs)),
                ("equityRaised", num(v.equityRaised)), ("arr", num(v.arr)), ("valuation", num(v.valuation)),
                ("multiple", num(v.multiple)), ("cashIfMarketsClose", num(v.cashIfClosed)),
                ("financing", financing(v.financing)),
            ])),
            ("nvidia", .object([
                ("revenue", num(n.salesToCoreWeave)),
                ("salesToCoreWeave", num(n.salesToCoreWeave)), ("stakeValue", num(n.stakeValue)),
                ("backstopPaid", num(n.backstopPaid)), ("backstopUsed", num(n.backstopUsed)),
                ("equityToVast", num(n.equityToVast)), ("roundTripShare", .optional(n.roundTripShare)),
                ("moneyAtRisk", num(n.exposure)),
            ])),
            ("flows", .array(m.flows.map { f in
                .object([("from", .string(f.from.rawValue)), ("to", .string(f.to.rawValue)),
                         ("kind", .string(f.kind.rawValue)), ("amount", num(f.amount)), ("cash", .bool(f.isCash))])
            })),
        ])
    }

    static func financing(_ f: FinancingMonth) -> JSONValue {
        let num = { (x: Double) in JSONValue.number(x) }
        return .object([
            ("revolverDraw", num(f.revolverDraw)), ("revolverRepay", num(f.revolverRepay)),
            ("refinanced", num(f.refinanced)), ("newDebt", num(f.newDebt)), ("newEquity", num(f.newEquity)),
            ("fees", num(f.fees)), ("interest", num(f.interest)), ("principal", num(f.principal)),
            ("rate", num(f.rate)), ("dilution", num(f.dilution)), ("need", num(f.need)),
            ("cumulativeNeed", num(f.cumulativeNeed)), ("debt", num(f.debt)), ("creditWindow", num(f.creditWindow)),
            ("breaches", .array(f.breaches.map { b in
                .object([("kind", .string(b.kind.rawValue)), ("value", num(b.value)), ("limit", num(b.limit))])
            })),
        ])
    }

    /// Each tracked company's funding need, runway both ways and covenant breaches.
    static func funding(_ p: Projection) -> JSONValue {
        let h = Headline(p, month: 0)
        return .object([Node.coreweave, .vast].map { c in
            (c.rawValue, fundingNeed(p.fundingNeed(of: c), closed: p.runwayIfClosed(of: c), start: p.start,
                                     words: "\(h.needText(c)); \(h.closedText(c)); \(h.breachText(c))"))
        })
    }

    /// One company's funding need, its runway if markets close and its breaches, with the
    /// sentence that says them (any loop's entity as the article's companies).
    static func fundingNeed(_ n: FundingNeed, closed: Int?, start: YearMonth, words: String) -> JSONValue {
        .object([
            ("firstNeedMonth", .optional(n.firstMonth.map(Double.init))),
            ("firstNeedDate", .optional(n.firstMonth.map { start.adding(months: $0).description })),
            ("firstRolloverMonth", .optional(n.firstRolloverMonth.map(Double.init))),
            ("firstRolloverDate", .optional(n.firstRolloverMonth.map { start.adding(months: $0).description })),
            ("rolledOver", .number(n.rolledOver)),
            ("peakCumulativeNeed", .number(n.peak)), ("raised", .number(n.raised)),
            ("equityRaised", .number(n.equityRaised)), ("dilution", .number(n.dilution)), ("fees", .number(n.fees)),
            ("runwayIfMarketsCloseMonths", .optional(closed.map(Double.init))),
            ("covenantBreaches", .array(n.breaches.map { b in
                .object([("kind", .string(b.kind.rawValue)), ("month", .number(Double(b.month))),
                         ("date", .string(start.adding(months: b.month).description)),
                         ("value", .number(b.value)), ("limit", .number(b.limit))])
            })),
            ("inWords", .string(words)),
        ])
    }

    static func summary(_ p: Projection) -> JSONValue {
        .object([
            ("fundingNeed", funding(p)),
            ("firstToNeedMoney", .optional(p.firstToNeedMoney?.rawValue)),
            ("firstOutIfMarketsClose", .optional(p.firstOutIfClosed?.rawValue)),
            ("explanation", .string(Headline(p, month: 0).explanation)),
            ("runwayMonths", .object([Node.coreweave, .vast].map { ($0.rawValue, .optional(p.runway(of: $0).map(Double.init))) })),
            ("firstToRunOut", .optional(p.firstToRunOut?.rawValue)),
            ("minimumCash", .object([Node.coreweave, .vast].map { c in
                (c.rawValue, .number(p.months.map { $0.cash(of: c) }.min() ?? 0))
            })),
        ])
    }

    // MARK: CSV

    static let csvColumns: [(String, @Sendable (MonthSnapshot) -> Double)] = [
        ("coreweave.cash", { $0.coreweave.cash }), ("coreweave.revenue", { $0.coreweave.revenue }),
        ("coreweave.committedRevenue", { $0.coreweave.committedRevenue }),
        ("coreweave.usageRevenue", { $0.coreweave.usageRevenue }),
        ("coreweave.backstopRevenue", { $0.coreweave.backstopRevenue }),
        ("coreweave.debt", { $0.coreweave.debt }), ("coreweave.gpusInService", { $0.coreweave.gpusInService }),
        ("coreweave.uncommittedGPUs", { $0.coreweave.uncommittedGPUs }),
        ("coreweave.interest", { $0.coreweave.interest }), ("coreweave.principal", { $0.coreweave.principal }),
        ("coreweave.capex", { $0.coreweave.capex }), ("coreweave.debtDraw", { $0.coreweave.debtDraw }),
        ("coreweave.storagePayment", { $0.coreweave.storagePayment }),
        ("vast.cash", { $0.vast.cash }), ("vast.revenue", { $0.vast.revenue }), ("vast.costs", { $0.vast.costs }),
        ("vast.valuation", { $0.vast.valuation }),
        ("nvidia.salesToCoreWeave", { $0.nvidia.salesToCoreWeave }), ("nvidia.exposure", { $0.nvidia.exposure }),
    ]

    /// One row per month; dollars per month, plain numbers.
    public static func csv(_ p: Projection) -> String {
        var out = "month,date," + csvColumns.map(\.0).joined(separator: ",") + "\n"
        for m in p.months {
            out += "\(m.month),\(m.date)," + csvColumns.map { JSONValue.numberText($0.1(m)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: Table

    /// A table at most 100 columns wide: every month up to 36 months, else every third
    /// month plus the last and any month a company runs out.
    public static func table(_ s: Scenario, _ p: Projection) -> String {
        var out = "\(s.name): \(s.title)\n"
        out += "start \(p.start), \(p.horizon) months; dollars per month unless marked\n"
        let changed = s.parameters.differences(from: .defaults)
        if !changed.isEmpty {
            let list = changed.map { id in
                "\(id)=\(Format.parameterValue(s.parameters[id], unit: ParameterRegistry.parameter(id)?.unit ?? .count))"
            }.joined(separator: ", ")
            out += TextTable.wrap("set: " + list, width: 100).joined(separator: "\n") + "\n"
        }
        let columns: [(String, Int)] = [("month", 6), ("CW cash", 8), ("revenue", 8), ("usage", 7), ("debt svc", 8),
                                        ("capex", 7), ("debt", 7), ("GPUs", 7), ("Vast cash", 9), ("Vast rev", 8),
                                        ("Vast val", 8)]
        out += "\n" + columns.enumerated().map { i, c in TextTable.cell(c.0, c.1, right: i > 0) }.joined(separator: " ")
        out += "\n" + columns.map { String(repeating: "-", count: $0.1) }.joined(separator: " ") + "\n"
        let runOut = Set(Node.companies.compactMap { p.runway(of: $0) })
        let step = p.horizon <= 36 ? 1 : 3
        for m in p.months where m.month % step == 0 || m.month == p.horizon || runOut.contains(m.month) {
            let c = m.coreweave
            let d = { (v: Double) in Format.dollars(v) }
            let cells = [m.date.shortLabel, d(c.cash), d(c.revenue), d(c.usageRevenue), d(c.interest + c.principal),
                         d(c.capex), d(c.debt), TextTable.count(c.gpusInService), d(m.vast.cash), d(m.vast.revenue),
                         d(m.vast.valuation)]
            out += zip(cells, columns).enumerated().map { i, pair in
                TextTable.cell(pair.0, pair.1.1, right: i > 0)
            }.joined(separator: " ")
            out += runOut.contains(m.month) ? " <" : ""
            out += "\n"
        }
        out += "\n" + runwayLine(p) + "\n"
        out += TextTable.wrap(Headline(p, month: 0).explanation, width: 100).joined(separator: "\n") + "\n"
        return out
    }

    /// `Runway: CoreWeave 8 mo (Jul 26), Vast Data > 60 mo. First to run out: CoreWeave.`
    public static func runwayLine(_ p: Projection) -> String {
        let parts = [Node.coreweave, .vast].map { c -> String in
            if let r = p.runway(of: c) { return "\(c.label) \(r) mo (\(p.month(r).date.shortLabel))" }
            return "\(c.label) \(Format.runway(nil, horizon: p.horizon))"
        }
        let first = p.firstToRunOut.map { "First to run out: \($0.label)." } ?? "Nobody runs out within the horizon."
        return "Runway: " + parts.joined(separator: ", ") + ". " + first
    }
}
