import Foundation
import LoopConfig
import LoopSim
import Testing
import TestSupport
@testable import LoopDashboard

/// A loop file opened in the dashboard, driven by messages and read as text, without a
/// terminal: the generic engine's numbers on every panel, its levers, the clock, the
/// selection's details, what is refused, and goldens of the second bundled loop.
@Suite struct LoopOpenedTests {
    static func loop() throws -> MoneyLoop { try LoopFile.load(contentsOf: Support.scenarioPath("ai-web-2025")) }

    static func model(_ levers: LoopLevers = LoopLevers()) throws -> Model {
        var m = Model(paused: true)
        m.load(LoopSession(loop: try loop(), levers: levers))
        return m
    }

    static let sizes = [(80, 24), (120, 40), (240, 70)]

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func goldens(size: String) throws {
        let (w, h) = PanelGoldenTests.parse(size)
        var m = try Self.model()
        m.month = 12
        let caps = Capabilities(color: .c256, glyphs: .braille)
        let frame = view(m, width: w, height: h, caps: caps)
        expectGolden(frame.text(for: caps.glyphs) + "\n\n" + StyleMap.render(frame, theme: .builtInDefault, tier: caps.color),
                     "loop-ai-web-2025-\(size)")
        let ascii = view(m, width: w, height: h, caps: Capabilities(color: .mono, glyphs: .ascii)).text(for: .ascii)
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        expectGolden(ascii, "loop-ai-web-2025-\(size)-ascii")
    }

    /// The runway panel names who needs money first, and who would be out first if markets
    /// closed, as the engine computes them, and every entity of the loop (not the outside world).
    @Test func runwayNamesWhoNeedsMoneyFirstFromTheEngine() throws {
        let loop = try Self.loop()
        let p = LoopEngine.project(loop)
        let heads = LoopHeadline.all(loop, p)
        let first = try #require(heads.filter { $0.need.firstMonth != nil }.min { $0.need.firstMonth! < $1.need.firstMonth! })
        let month = try #require(first.need.firstMonth)
        let text = view(try Self.model(), width: 240, height: 70, caps: .plain).text
        #expect(text.contains("first to need money: \(loop.entities[first.entity].name), "
            + "\(loop.start.adding(months: month).shortLabel) (month \(month))"))
        for h in heads {
            let need = h.need.firstMonth.map { "needs \(loop.start.adding(months: $0).shortLabel), \(Format.dollars(h.need.peak))" }
                ?? "no new money"
            #expect(text.contains(need), "\(loop.entities[h.entity].name): \(need)")
        }
        #expect(!text.contains("CoreWeave needs money"), "the article's runway words on a loop")
    }

    /// The round-trip panel's cumulative share is the ledger's, for the present month.
    @Test func roundTripShowsTheLedgersShares() throws {
        let loop = try Self.loop()
        var m = try Self.model()
        m.month = 24
        let ledgers = RoundTripLedger.all(loop, LoopEngine.project(loop))
        let line = try #require(ledgers.flatMap(\.lines).first { ($0.cumulativeShare(through: 24) ?? 0) > 0 })
        let text = view(m, width: 240, height: 70, caps: .plain).text
        let row = try #require(text.split(separator: "\n").first { $0.contains(loop.entities[line.buyer].name) && $0.contains("cum ") })
        #expect(row.contains("cum \(Format.percent(line.cumulativeShare(through: 24) ?? -1))"), "\(row)")
    }

    /// Month by month, the round-trip panel takes a share only over sales: before a buyer's
    /// first purchase it says what the vendor financed ahead of any sales ("$685.0M of $0"
    /// before), or that there are no sales yet; with no sales this month, it says so.
    @Test(arguments: [LoopLevers(), LoopLevers(nonBinding: 0)])
    func roundTripNeverTakesAShareOfNothing(_ levers: LoopLevers) throws {
        let loop = try Self.loop()
        var m = try Self.model(levers)
        let ledgers = RoundTripLedger.all(loop, LoopEngine.project(loop, levers: levers))
        var ahead = 0
        for t in 0...loop.horizon {
            m.month = t
            let text = panelView(.concentration, model: m, width: 70, height: 20, caps: .plain).text
            #expect(text.range(of: #"of \$0(?![.\d])"#, options: .regularExpression) == nil, "month \(t)\n\(text)")
            let rows = text.split(separator: "\n")
            for line in ledgers.flatMap(\.lines) {
                let name = loop.entities[line.buyer].name
                let shown = rows.contains { row in
                    guard row.contains(name) else { return false }
                    switch line.standing(through: t) {
                    case .share(let s):
                        return row.contains("cum \(Format.percent(s))")
                            && row.contains(line.share(month: t).map { "mo \(Format.percent($0))" } ?? "no sales this mo")
                    case .financedAheadOfSales(let f): return row.contains("financed \(Format.dollars(f)) ahead of any sales")
                    case .nothingYet: return row.contains("no sales yet")
                    }
                }
                #expect(shown, "month \(t): \(name) \(line.standing(through: t))\n\(text)")
                if case .financedAheadOfSales = line.standing(through: t) { ahead += 1 }
            }
        }
        #expect(ahead > 0, "the bundled loop has financing ahead of sales")
    }

    /// Narration on a loop speaks the loop's levers and outlook (the runway panel's words),
    /// never the article's, and dates by the loop's calendar.
    @Test func narrationSpeaksTheLoopsOutlook() throws {
        var m = try Self.model()
        m.presentation.narration.enabled = true
        #expect(Narrator.opening(m).hasPrefix("month 0 (\(m.start.spoken)), first to need money: "))
        _ = update(&m, .key(.char("[")))
        let s = try #require(m.loop)
        let summary = LoopRunwayPanel(session: s, model: m, caps: .plain).summary
        #expect(m.presentation.narration.latest == ["Non-binding deals (0 = none) 0%: \(summary)."])
        #expect(!m.presentation.narration.latest.joined().contains("CoreWeave needs new money in"))
    }

    /// "Only signed contracts happen" is one key: `[` on the first lever takes every deal
    /// that is not binding out; the projection is the engine's with that lever; `u` undoes.
    @Test func onlySignedContractsIsOneKey() throws {
        let loop = try Self.loop()
        var m = try Self.model()
        #expect(m.currentLever.id == .loopNonBinding)
        _ = update(&m, .key(.char("[")))
        #expect(m.value(.loopNonBinding) == 0)
        #expect(m.loop?.projection == LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0)))
        #expect(m.changedLevers == [ParameterID.loopNonBinding])
        let text = view(m, width: 120, height: 40, caps: .plain).text
        #expect(text.contains("what-if: 1 changed"))
        _ = update(&m, .key(.char("u")))
        #expect(m.loop?.projection == LoopEngine.project(loop))
        #expect(m.changedLevers.isEmpty)
    }

    /// Every lever steps within its range and the engine runs with it.
    @Test func everyLeverMovesTheEnginesLevers() throws {
        let loop = try Self.loop()
        var m = try Self.model()
        for (i, lever) in LoopLever.allCases.enumerated() {
            m.selectedLever = i
            _ = update(&m, .key(.char("]")))
            _ = update(&m, .key(.char("[")))
            _ = update(&m, .key(.char("[")))
            let expected = lever.parameter.clamp(lever.parameter.clamp(
                lever.parameter.defaultValue + 10 * lever.parameter.step) - 20 * lever.parameter.step)
            #expect(abs(m.value(lever.parameter.id) - expected) < 1e-9, "\(lever.id)")
        }
        let levers = try #require(m.loop?.levers)
        #expect(m.loop?.projection == LoopEngine.project(loop, levers: levers))
    }

    @Test func clockStepsMonthsOfTheLoop() throws {
        var m = try Self.model()
        m.paused = false
        _ = update(&m, .tick)
        _ = update(&m, .tick)
        #expect(m.month == 2)
        let loop = try Self.loop()
        #expect(m.horizon == loop.horizon)
        let date = loop.start.adding(months: 2).shortLabel
        #expect(view(m, width: 120, height: 40, caps: .plain).text.contains("\(date) · month 2/\(m.horizon)"))
    }

    /// Node details list each deal of the selected entity with its status, date and source.
    @Test func nodeDetailsShowEachDealsSourceAndDate() throws {
        let loop = try Self.loop()
        var m = try Self.model()
        m.setFocus(.graph)
        let start = m.ui.selectedEntity
        _ = update(&m, .key(.down))
        #expect(m.ui.selectedEntity == (start + 1) % loop.entities.count)
        let nvidia = try #require(loop.entity("nvidia"))
        m.ui.selectedEntity = nvidia
        m.maximized = true
        // The details the graph draws for the selection (the view shows as many as fit).
        let details = FundingGraph(model: m, glyphs: .of(.braille), focused: true).detailLines(width: 400).joined(separator: "\n")
        #expect(details.hasPrefix(loop.entities[nvidia].name))
        #expect(view(m, width: 240, height: 70, caps: .plain).text.contains("\(loop.entities[nvidia].name) · vendor"))
        for deal in loop.deals where deal.to == nvidia || deal.from == nvidia {
            #expect(details.contains(deal.source.date), "date of \(deal.id)")
            #expect(details.contains(String(deal.source.text.prefix(20))), "source of \(deal.id)")
            #expect(details.contains(deal.status.label), "status of \(deal.id)")
        }
    }

    /// What belongs to the article's engine says so instead of showing the article's numbers.
    @Test func articleOnlyActionsAreRefusedWithAReason() throws {
        var m = try Self.model()
        for key: Character in ["m", "K", "1"] {
            _ = update(&m, .key(.char(key)))
            #expect(m.notice != nil, "\(key)")
            #expect(!m.analytics.enabled && m.analytics.overlay == nil)
        }
        #expect(m.refusal(of: .save) != nil)
        #expect(m.panels == [.graph, .levers, .runway, .concentration])
        for _ in 0..<8 { _ = update(&m, .key(.tab)); #expect(m.panels.contains(m.focus)) }
    }

    /// `:scenario` with a loop file, then back to the article.
    @Test func scenarioCommandOpensALoopAndGoesBack() throws {
        var m = Model(paused: true)
        m.month = 5
        _ = update(&m, .loopLoaded(try Self.loop(), path: nil))
        #expect(m.loop != nil && m.month == 0 && m.scenarioName == "ai-web-2025")
        #expect(m.levers.map(\.id) == LoopLever.allCases.map(\.parameter.id))
        _ = update(&m, .scenarioLoaded(.article2025, path: nil))
        #expect(m.loop == nil && m.levers.map(\.id) == ParameterRegistry.levers.map(\.id))
        #expect(view(m, width: 120, height: 40, caps: .plain).text.contains("Utilization & levers"))
    }

    /// `:set` takes a loop lever by id; an article parameter is refused with the loop's levers named.
    @Test func setCommandTakesLoopLevers() throws {
        var m = try Self.model()
        _ = run(.set(.loopNonBinding, 0.5), &m)
        #expect(m.value(.loopNonBinding) == 0.5)
        _ = run(.set(.cwUtilization, 0.9), &m)
        #expect(m.notice?.contains("loop.nonBinding") == true)
        let parsed = try CommandParser.parse("set loop.utilizationScale 1.2")
        #expect(parsed == .set(.loopUtilizationScale, 1.2))
    }

    /// The loop at any size: exactly that size, never a crash.
    @Test func everySizeDraws() throws {
        var models = [try Self.model()]
        for p in models[0].panels {
            var m = models[0]
            m.setFocus(p)
            m.maximized = true
            models.append(m)
        }
        for m in models {
            for (w, h) in [(1, 1), (79, 23), (80, 24), (100, 30), (119, 35), (120, 36), (159, 47), (160, 48), (300, 100)] {
                let f = view(m, width: w, height: h, caps: .plain)
                #expect(f.width == w && f.height == h)
            }
        }
    }
}

/// The article's loop: NVIDIA's details take no round-trip share before CoreWeave's first
/// purchase, and the engine's share once it has bought.
@Suite struct ArticleRoundTripDetailsTests {
    @Test func nvidiaDetailsSayNoSalesYetThenTheShare() throws {
        var m = Model(paused: true)
        let nvidia = { (m: Model) in ArticleGraphSpec(model: m).spec.nodes.first { $0.id == Node.nvidia.rawValue }?.details ?? [] }
        #expect(m.now.nvidia.roundTripShare == nil && nvidia(m).contains("round trip: no sales yet"))
        m.month = 1
        let share = try #require(m.now.nvidia.roundTripShare)
        #expect(nvidia(m).contains("round trip \(Format.percent(share, digits: 1))"))
    }
}
