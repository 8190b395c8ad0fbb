import Foundation
import LoopConfig
import LoopReport
import LoopSim
import Testing
import TestSupport

/// `simulate` on the second bundled loop: every vendor's round trip, under the loop's
/// levers, takes a share only where there were sales — null in JSON, words in the table —
/// and says what a vendor financed before its buyer's first sale.
@Suite struct RoundTripReportTests {
    static let levers: [(String, LoopLevers)] = [
        ("as filed", LoopLevers()), ("only signed contracts", LoopLevers(nonBinding: 0)),
        ("demand 24 months late", LoopLevers(demandDelay: 24)), ("markets closed", LoopLevers(creditWindow: 0)),
        ("deliveries 12 months late", LoopLevers(buildDelay: 12)),
    ]

    static func loop() throws -> MoneyLoop { try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025")) }

    /// The case that printed "$685.0M of $0": NVIDIA's backstop payments to CoreWeave start
    /// before CoreWeave's first purchase.
    @Test func theBundledLoopHasFinancingAheadOfSales() throws {
        let loop = try Self.loop()
        let p = LoopEngine.project(loop)
        let ahead = RoundTripLedger.all(loop, p).flatMap(\.lines).filter { $0.financedBeforeFirstSale(through: p.horizon) > 0 }
        #expect(!ahead.isEmpty)
        let text = LoopReport.table(loop, p)
        for line in ahead {
            let first = try #require(line.firstSaleMonth)
            #expect(line.standing(through: first - 1) == .financedAheadOfSales(line.financed(through: first - 1)))
            #expect(text.contains("\(Format.dollars(line.financedBeforeFirstSale(through: p.horizon))) of it before the first sale, "
                + loop.start.adding(months: first).shortLabel))
        }
    }

    /// docs/simulation.md quotes these words; they are the program's.
    @Test func theDocsQuoteTheProgramsWords() throws {
        let loop = try Self.loop()
        let p = LoopEngine.project(loop)
        let nvidia = try #require(RoundTripLedger.all(loop, p).first)
        let coreweave = try #require(nvidia.lines.first { loop.entities[$0.buyer].id == "coreweave" })
        let docs = try String(contentsOfFile: Support.root.appendingPathComponent("docs/simulation.md").path, encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        #expect(docs.contains("\"\(coreweave.words(through: 0, start: p.start))\" in the dashboard"))
        let first = try #require(coreweave.firstSaleMonth)
        #expect(docs.contains("\"\(Format.dollars(coreweave.financedBeforeFirstSale(through: p.horizon))) of it before the first sale, "
            + "\(p.start.adding(months: first).shortLabel)\" in `simulate`"))
        #expect(docs.contains("(\"no sales within \(loop.horizon) months, nothing financed\")"))
    }

    @Test(arguments: levers.indices)
    func everyRowOfEveryVendorMakesSense(_ i: Int) throws {
        let (name, levers) = Self.levers[i]
        let loop = try Self.loop()
        let p = LoopEngine.project(loop, levers: levers)
        let ledgers = RoundTripLedger.all(loop, p)
        #expect(ledgers.map { loop.entities[$0.vendor].id } == ["nvidia", "amd"], "\(name)")
        let text = LoopReport.table(loop, p)
        #expect(text.range(of: #"of \$0(?![.\d])"#, options: .regularExpression) == nil, "\(name): a share of $0\n\(text)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(LoopReport.render(loop, p, format: .json).utf8))
            as? [String: Any])
        let rows = try #require((json["summary"] as? [String: Any])?["roundTrip"] as? [[String: Any]])
        let lines = ledgers.flatMap { l in l.lines.map { (l.vendor, $0) } }
        #expect(rows.count == lines.count)
        for ((vendor, line), row) in zip(lines, rows) {
            let who = "\(name): \(loop.entities[vendor].id) → \(loop.entities[line.buyer].id)"
            #expect(row["vendor"] as? String == loop.entities[vendor].id && row["buyer"] as? String == loop.entities[line.buyer].id)
            #expect(text.contains("  \(loop.entities[line.buyer].name): \(line.words(through: p.horizon, start: p.start))\n"), "\(who)")
            #expect(row["inWords"] as? String == line.words(through: p.horizon, start: p.start))
            let cumulative = try #require(row["cumulativeShare"] as? [Any]), monthly = try #require(row["monthlyShare"] as? [Any])
            #expect(cumulative.count == p.horizon + 1 && monthly.count == p.horizon + 1)
            for t in 0...p.horizon {
                // A share only where there were sales: null before them, never 0 or infinity.
                let soFar = line.sales[0...t].reduce(0, +)
                if soFar > 0 {
                    let share = try #require(cumulative[t] as? Double, "\(who) month \(t)")
                    #expect(share.isFinite && abs(share - line.financed[0...t].reduce(0, +) / soFar) < 1e-9)
                } else {
                    #expect(cumulative[t] is NSNull, "\(who) month \(t): \(cumulative[t])")
                }
                #expect((line.sales[t] > 0) == !(monthly[t] is NSNull), "\(who) month \(t)")
            }
            let first = line.firstSaleMonth
            #expect((row["firstSaleMonth"] as? Int) == first && (first == nil) == (row["firstSaleMonth"] is NSNull))
            #expect((row["share"] is NSNull) == (first == nil))
            let before = first.map { $0 == 0 ? 0 : line.financed[0..<$0].reduce(0, +) } ?? line.totalFinanced
            #expect(abs((row["financedBeforeFirstSale"] as? Double ?? -1) - before) < 1e-6, "\(who)")
        }
    }
}
