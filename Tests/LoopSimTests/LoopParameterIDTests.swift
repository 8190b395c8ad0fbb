import Testing
@testable import LoopSim

/// A loop's figures and levers are addressable by id; an id the loop does not have is
/// refused with the closest one, never read as 0.
@Suite struct LoopParameterIDTests {
    static let loop = LoopEngineTests.twoParty(.takeOrPay(value: 1_200, start: 2, term: 12, ramp: 3, gpus: 0))

    @Test func everyFigureHasAnIdTheLoopReadsBack() throws {
        let ids = Self.loop.parameters.map(\.id.rawValue)
        #expect(ids == ["entity.a.cash", "entity.a.debt", "entity.a.fleet", "entity.b.cash", "entity.b.debt",
                        "entity.b.fleet", "deal.d.value", "deal.d.gpus"])
        for p in Self.loop.parameters { #expect(try Self.loop.parameterID(validating: p.id.rawValue) == p.id) }
    }

    @Test func settingAFigureChangesTheLoop() throws {
        var loop = Self.loop
        try loop.set(try loop.parameterID(validating: "entity.a.cash"), 250)
        try loop.set(try loop.parameterID(validating: "deal.d.value"), 2_400)
        #expect(loop.entities[0].cash == 250)
        let paid = LoopEngine.project(loop).flows.filter { $0.kind == .contract }.map(\.amount).reduce(0, +)
        #expect(abs(paid - 2_400) < 1e-9)
        #expect(throws: ParameterError.self) { try loop.set(try loop.parameterID(validating: "entity.a.cash"), -1) }
    }

    @Test func unknownIdsAreRefusedWithTheClosest() {
        #expect(throws: ParameterError.unknown(ParameterID(rawValue: "deal.d.valu"),
                                               suggestion: ParameterID(rawValue: "deal.d.value"))) {
            _ = try Self.loop.parameterID(validating: "deal.d.valu")
        }
        #expect(throws: ParameterError.self) { _ = try Self.loop.parameterID(validating: "cw.utilization") }
    }

    @Test func aFigureOfAnotherLoopStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var small = LoopEngineTests.twoParty(.takeOrPay(value: 1, start: 0, term: 1, ramp: 0, gpus: 0))
            let other = try! LoopEngineTests.twoParty(.takeOrPay(value: 1, start: 0, term: 1, ramp: 0, gpus: 0))
                .parameterID(validating: "entity.b.cash")
            small.entities.removeLast()
            try? small.set(other, 1)
        }
    }

    @Test func leversKeepTheArticlesIds() {
        #expect(LoopLever(id: "demand.delayMonths") == .demandDelay)
        #expect(LoopLever(id: ParameterID.creditWindow.rawValue) == .creditWindow)
        #expect(LoopLever.allCases.allSatisfy { LoopLever(id: $0.id) == $0 })
        var levers = LoopLevers()
        LoopLever.rateShock.apply(200, to: &levers)
        LoopLever.demandDelay.apply(5.6, to: &levers)
        #expect(levers.rateShock == 0.02 && levers.demandDelay == 6)
    }
}
