import Testing
import TestSupport
@testable import LoopConfig
@testable import LoopSim

/// `--set` on a loop file: levers by id (the article's ids where they mean the same),
/// figures as `entity.<id>.<figure>` and `deal.<id>.<key>`, anything else refused in one line.
@Suite struct LoopSetOptionTests {
    static func loop() throws -> MoneyLoop { try LoopFileTests.load(LoopFileTests.contract) }

    @Test func leversAndFiguresApply() throws {
        var loop = try Self.loop()
        let levers = try LoopSetOption.apply(["loop.nonBinding=0", "demand.delayMonths=18mo", "rates.shockBps=150",
                                              "credit.window=0.5", "entity.a.cash=2B", "deal.c.value=6B"], to: &loop)
        #expect(levers == LoopLevers(nonBinding: 0, demandDelay: 18, rateShock: 0.015, creditWindow: 0.5))
        #expect(loop.entities[0].cash == 2e9)
        #expect(loop.parameters.first { $0.id.rawValue == "deal.c.value" }?.value == 6e9)
    }

    /// The article's ids of an entity's figures work on any loop that has the entity.
    @Test func articleIdsAreAliasesOfTheLoopsFigures() throws {
        var web = try LoopFile.load(contentsOf: Support.root.appendingPathComponent("scenarios/ai-web-2025.yaml").path)
        _ = try LoopSetOption.apply(["vast.cash=2B", "cw.gpus=300000", "credit.access.coreweave=0.5"], to: &web)
        let value = { (id: String) in web.parameters.first { $0.id.rawValue == id }?.value }
        #expect(value("entity.vast.cash") == 2e9 && value("entity.coreweave.fleet") == 300_000)
        #expect(value("entity.coreweave.marketAccess") == 0.5)
        var small = try Self.loop()
        #expect(throws: ConfigError.self) { _ = try LoopSetOption.apply(["vast.cash=2B"], to: &small) }
    }

    @Test(arguments: [
        ("entity.aa.cash=1", "--set: entity.aa.cash: unknown parameter for this loop (did you mean entity.a.cash?); "
            + "levers: loop.nonBinding, demand.delayMonths, build.delayMonths, rates.shockBps, credit.window, "
            + "loop.utilizationScale; figures: entity.<id>.cash|debt|fleet, deal.<id>.<key>"),
        ("cw.utilization=0.9", "--set: cw.utilization: unknown parameter for this loop; "
            + "levers: loop.nonBinding, demand.delayMonths, build.delayMonths, rates.shockBps, credit.window, "
            + "loop.utilizationScale; figures: entity.<id>.cash|debt|fleet, deal.<id>.<key>"),
        ("credit.window=2", "--set: credit.window: 2 is out of range; allowed 0 … 1"),
        ("entity.a.cash=-1", "--set: entity.a.cash: -1 is out of range; allowed 0 (0) … 4e9 (4,000,000,000)"),
        ("deal.c.value=lots", "--set: deal.c.value: 'lots' is not a number"),
        ("deal.c.value", "--set: deal.c.value: expected ID=VALUE, e.g. --set loop.nonBinding=0"),
    ])
    func badOptionsAreOneLine(option: String, message: String) throws {
        var loop = try Self.loop()
        let before = loop
        #expect(throws: ConfigError.self) { _ = try LoopSetOption.apply([option], to: &loop) }
        do { _ = try LoopSetOption.apply([option], to: &loop) } catch { #expect(error.description == message) }
        #expect(loop == before, "nothing half-applied")
    }
}
