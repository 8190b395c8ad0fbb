import LoopSim

/// `moneyloop simulate` for a loop file: each entity's cash and debt by month, every
/// flow (non-cash ones marked), runways and the round-trip ledger of every vendor.
public enum LoopReport {
    public static func render(_ loop: MoneyLoop, _ p: LoopProjection, format: OutputFormat) -> String {
        switch format {
        case .json: return json(loop, p).text(pretty: true) + "\n"
        case .csv: return csv(loop, p)
        case .table: return table(loop, p)
        }
    }

    public static func json(_ loop: MoneyLoop, _ p: LoopProjection) -> JSONValue {
        let n = loop.entities.count
        let months: [JSONValue] = (0...p.horizon).map { t in
            .object([
                ("month", .number(Double(t))),
                ("date", .string(p.start.adding(months: t).description)),
                ("entities", .object((0..<n).map { e in
                    (loop.entities[e].id, .object([("cash", .number(p.cash(t, e))), ("debt", .number(p.debt(t, e))),
                                                   ("fleet", .number(p.fleet(t, e)))]
                        + (p.cashIfClosed.isEmpty ? [] : [("cashIfClosed", .number(p.cashIfClosed[t * n + e]))])
                        + (p.financing(t, e).map { [("financing", SimulationReport.financing($0))] } ?? [])))
                })),
                ("flows", .array(p.flows(month: t).map { f in
                    .object([("deal", .string(dealID(loop, f.deal))),
                             ("from", .string(loop.entities[f.from].id)), ("to", .string(loop.entities[f.to].id)),
                             ("kind", .string(f.kind.rawValue)), ("cash", .bool(f.isCash)), ("amount", .number(f.amount))])
                })),
            ])
        }
        return .object([
            ("scenario", .string(loop.name)), ("title", .string(loop.title)), ("start", .string(p.start.description)),
            ("horizon", .number(Double(p.horizon))),
            ("entities", .array(loop.entities.map { e in
                .object([("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)),
                         ("external", .bool(e.external))])
            })),
            ("deals", .array(loop.deals.map { d in
                .object([("id", .string(d.id)), ("kind", .string(d.kind.rawValue)),
                         ("from", .string(loop.entities[d.from].id)), ("to", .string(loop.entities[d.to].id)),
                         ("status", .string(d.status.rawValue)), ("source", .string(d.source.text)),
                         ("date", .string(d.source.date))])
            })),
            ("months", .array(months)),
            ("summary", .object([
                ("runwayMonths", .object(tracked(loop).map { e in (loop.entities[e].id, .optional(p.runway(of: e).map(Double.init))) })),
                ("firstToRunOut", .optional(p.firstToRunOut(among: tracked(loop)).map { loop.entities[$0].id })),
                ("fundingNeed", .object(LoopHeadline.all(loop, p).map { h in
                    (loop.entities[h.entity].id, SimulationReport.fundingNeed(
                        h.need, closed: h.runwayIfClosed, start: p.start,
                        words: h.sentence(name: loop.entities[h.entity].name, start: p.start, horizon: p.horizon)))
                })),
                ("firstToNeedMoney", .optional(first(LoopHeadline.all(loop, p)) { $0.need.firstMonth }
                    .map { loop.entities[$0].id })),
                ("firstOutIfClosed", .optional(first(LoopHeadline.all(loop, p)) { $0.runwayIfClosed }
                    .map { loop.entities[$0].id })),
                ("roundTrip", .array(RoundTripLedger.all(loop, p).flatMap { ledger in
                    ledger.lines.map { roundTrip(loop, p, vendor: ledger.vendor, $0) }
                })),
            ])),
        ])
    }

    /// One buyer's line of a vendor's round trip. A share is null where there were no sales
    /// to take it of (never 0 or infinity); `financedBeforeFirstSale` says what the vendor
    /// put in before the buyer's first sale (`firstSaleMonth`, null when it never bought).
    static func roundTrip(_ loop: MoneyLoop, _ p: LoopProjection, vendor: Int, _ line: RoundTripLedger.Line) -> JSONValue {
        .object([
            ("vendor", .string(loop.entities[vendor].id)), ("buyer", .string(loop.entities[line.buyer].id)),
            ("sales", .number(line.totalSales)), ("financed", .number(line.totalFinanced)),
            ("share", .optional(line.cumulativeShare(through: p.horizon))),
            ("firstSaleMonth", .optional(line.firstSaleMonth.map(Double.init))),
            ("financedBeforeFirstSale", .number(line.financedBeforeFirstSale(through: p.horizon))),
            ("inWords", .string(line.words(through: p.horizon, start: p.start))),
            ("cumulativeShare", .array((0...p.horizon).map { .optional(line.cumulativeShare(through: $0)) })),
            ("monthlyShare", .array((0...p.horizon).map { .optional(line.share(month: $0)) })),
        ])
    }

    /// A flow's deal id: the file's, or what moved outside any deal.
    static func dealID(_ loop: MoneyLoop, _ d: Int) -> String {
        d >= 0 ? loop.deals[d].id : d == LoopFlow.operatingCosts ? "operating-costs" : "financing"
    }

    /// The entity whose `month` comes first (ties: the earlier in the file); nil when none has one.
    static func first(_ headlines: [LoopHeadline], _ month: (LoopHeadline) -> Int?) -> Int? {
        headlines.compactMap { h in month(h).map { (h.entity, $0) } }.min { $0.1 < $1.1 }?.0
    }

    /// The entities whose cash is a headline (not the outside world).
    static func tracked(_ loop: MoneyLoop) -> [Int] { loop.entities.indices.filter { !loop.entities[$0].external } }

    public static func csv(_ loop: MoneyLoop, _ p: LoopProjection) -> String {
        let ids = tracked(loop)
        var out = "month,date," + ids.map { "\(loop.entities[$0].id).cash,\(loop.entities[$0].id).debt" }.joined(separator: ",") + "\n"
        for t in 0...p.horizon {
            out += "\(t),\(p.start.adding(months: t))," + ids.map {
                JSONValue.numberText(p.cash(t, $0)) + "," + JSONValue.numberText(p.debt(t, $0))
            }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Cash of every tracked entity (at most 8 columns) every 6 months, then runways and the ledger.
    public static func table(_ loop: MoneyLoop, _ p: LoopProjection) -> String {
        let ids = Array(tracked(loop).prefix(8))
        var out = "\(loop.name): \(loop.title)\nstart \(p.start), \(p.horizon) months; cash at month end\n\n"
        out += TextTable.cell("month", 6) + ids.map { " " + TextTable.cell(String(loop.entities[$0].name.prefix(10)), 10, right: true) }.joined() + "\n"
        out += String(repeating: "-", count: 6) + ids.map { _ in " " + String(repeating: "-", count: 10) }.joined() + "\n"
        for t in 0...p.horizon where t % 6 == 0 || t == p.horizon {
            out += TextTable.cell(p.start.adding(months: t).shortLabel, 6)
                + ids.map { " " + TextTable.cell(Format.dollars(p.cash(t, $0)), 10, right: true) }.joined() + "\n"
        }
        out += "\nRunway: " + tracked(loop).map { e in
            "\(loop.entities[e].name) " + (p.runway(of: e).map { "\($0) mo" } ?? "> \(p.horizon) mo")
        }.joined(separator: ", ") + ".\n"
        out += "\nFunding need, both ways (with financing as each entity declares it; markets closed: credit.window 0):\n"
        for h in LoopHeadline.all(loop, p) {
            out += "  " + h.sentence(name: loop.entities[h.entity].name, start: p.start, horizon: p.horizon) + "\n"
        }
        for ledger in RoundTripLedger.all(loop, p) where !ledger.lines.isEmpty {
            out += "\nRound trip of \(loop.entities[ledger.vendor].name)'s money (financed by it ÷ its sales, cumulative):\n"
            for line in ledger.lines {
                out += "  \(loop.entities[line.buyer].name): \(line.words(through: p.horizon, start: p.start))\n"
            }
        }
        return out
    }
}
