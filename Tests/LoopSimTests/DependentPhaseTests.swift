import Testing
@testable import LoopSim

/// The month's dependent phase runs from plain records (`PlanStep`, `PlanMilestone`,
/// `RunRecords`): loans next to each other form one run in their order and every other
/// deal is a step of its own; a milestone's absent conditions never hold a tranche back.
@Suite struct DependentPhaseTests {
    @Test func loansNextToEachOtherFormOneRunInOrder() {
        // Deals 0, 1, 3, 4 and 6 are loans (slots 0…4); 2 and 5 are not.
        let slots = [0, 1, -1, 2, 3, -1, 4]
        let s = LoopPlan.steps([4, 3, 2, 0, 1, 5, 6], slots)
        #expect(s.loans == [3, 2, 0, 1, 4])
        #expect(s.others == [2, 5])
        #expect(s.steps.map(\.loans) == [0..<2, 2..<2, 2..<4, 4..<4, 4..<5])
        #expect(s.steps.filter(\.loans.isEmpty).map(\.other) == [0, 1])
        #expect(LoopPlan.steps([], slots).steps.isEmpty)
    }

    @Test func absentMilestoneConditionsNeverHoldATrancheBack() {
        let any = PlanMilestone(Tranche(amount: 5, milestone: Milestone()), from: [0], kwPerGPU: [1.2])
        #expect(any.month == Int.min && any.entity == -1 && any.deal == -1)
        for bound in [any.gigawatts, any.fleet, any.priceTarget] {
            #expect(!(0 < bound) && !(-Double.greatestFiniteMagnitude < bound) && !(Double.nan < bound))
        }
        // A deal's deliveries count for its buyer (the deal's payer), in the buyer's kW per GPU.
        let m = PlanMilestone(Tranche(amount: 1, milestone: Milestone(month: 3, deal: 1, gigawatts: 0.5, fleet: 10)),
                              from: [0, 2], kwPerGPU: [1, 1, 1.4])
        #expect(m.entity == 2 && m.deal == 1 && m.kwPerGPU == 1.4 && m.month == 3)
        #expect(m.gigawatts == 0.5 - 1e-12 && m.fleet == 10 - 1e-9 && m.priceTarget == -.infinity)
    }

    @Test func runRecordsHoldTheirRecordsInPlace() {
        let r = RunRecords([3.5, -1, 7])
        #expect(r.count == 3 && (0..<3).map { r.base[$0] } == [3.5, -1, 7])
        #expect(RunRecords([Int]()).count == 0)
    }
}
