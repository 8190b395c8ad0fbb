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
                                                   ("fleet", .number(p.fleet(t, e)))]))
                })),
                ("flows", .array(p.flows(month: t).map { f in
                    .object([("deal", .string(f.deal >= 0 ? loop.deals[f.deal].id : "operating-costs")),
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
                ("roundTrip", .array(RoundTripLedger.all(loop, p).flatMap { ledger in
                    ledger.lines.map { line in
                        JSONValue.object([
                            ("vendor", .string(loop.entities[ledger.vendor].id)), ("buyer", .string(loop.entities[line.buyer].id)),
                            ("sales", .number(line.totalSales)), ("financed", .number(line.totalFinanced)),
                            ("cumulativeShare", .array((0...p.horizon).map { .number(line.cumulativeShare(through: $0)) })),
                            ("monthlyShare", .array((0...p.horizon).map { .number(line.share(month: $0)) })),
                        ])
                    }
                })),
            ])),
        ])
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
        for ledger in RoundTripLedger.all(loop, p) where !ledger.lines.isEmpty {
            out += "\nRound trip of \(loop.entities[ledger.vendor].name)'s money (financed by it ÷ its sales, cumulative):\n"
            for line in ledger.lines {
                let pct = Int((line.cumulativeShare(through: p.horizon) * 100).rounded())
                out += "  \(loop.entities[line.buyer].name): \(pct)% of \(Format.dollars(line.totalSales)) "
                    + "(\(Format.dollars(line.totalFinanced)) financed)\n"
            }
        }
        return out
    }
}
