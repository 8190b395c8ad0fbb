import Testing
@testable import LoopSim
import TestSupport

/// A loop keeps its engine plan (`MoneyLoop.plan`) while it does not change and builds it
/// anew when its entities or deals do: an edited loop must project exactly as the same
/// loop made afresh, never from the plan it had before the edit.
@Suite struct LoopPlanCacheTests {
    static func afresh(_ loop: MoneyLoop) throws -> MoneyLoop {
        try MoneyLoop.make(name: loop.name, title: loop.title, start: loop.start, horizon: loop.horizon,
                           entities: loop.entities, deals: loop.deals)
    }

    @Test func anEditedParameterProjectsAsTheLoopMadeAfresh() throws {
        var rng = SplitMix64(seed: 4_242)
        var changed = 0
        for _ in 0..<150 {
            var loop = RandomLoop.make(&rng)
            let before = LoopEngine.project(loop)
            let p = loop.parameters[Int.random(in: 0..<loop.parameters.count, using: &rng)]
            try loop.set(p.id, p.value == p.max ? p.min : p.max)
            let after = LoopEngine.project(loop)
            #expect(after == LoopEngine.project(try Self.afresh(loop)), "\(p.id)")
            if after != before { changed += 1 }
        }
        #expect(changed > 50, "most edits move some number, so a stale plan would be seen")
    }

    @Test func editsInPlaceAndCopiesKeepTheirOwnPlan() throws {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<40 {
            var loop = RandomLoop.make(&rng)
            let copy = loop
            #expect(copy.plan === loop.plan, "a copy shares the plan it was made with")
            let original = LoopEngine.project(copy)
            loop.entities[0].cash += 1e9
            loop.deals[loop.deals.count - 1].status = .reported
            #expect(copy.plan !== loop.plan)
            #expect(LoopEngine.project(loop, levers: LoopLevers(nonBinding: 0.5))
                == LoopEngine.project(try Self.afresh(loop), levers: LoopLevers(nonBinding: 0.5)))
            #expect(LoopEngine.project(copy) == original, "the copy still projects as before the edit")
            #expect(copy != loop)
        }
    }
}
