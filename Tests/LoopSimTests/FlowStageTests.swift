import Testing
import TestSupport
@testable import LoopSim

/// The loop engine stages each month's flows in memory of its own (`FlowStage`): moved to
/// the run's list they must be the flows appended, in order, however many a month has
/// (the stage grows past its first room) and however many months.
@Suite struct FlowStageTests {
    @Test func stagedFlowsArriveInOrderThroughGrowth() {
        var rng = SplitMix64(seed: 7)
        for room in [0, 1, 16, 40] {
            var stage = FlowStage(capacity: room)
            var flows: [LoopFlow] = [], expected: [LoopFlow] = []
            for month in 0..<30 {
                // Some months empty, some far past the stage's first room.
                for k in 0..<Int.random(in: 0...(month % 3 == 0 ? 200 : 20), using: &rng) {
                    let f = LoopFlow(deal: k - 2, from: month, to: k, kind: LoopFlowKind.allCases[k % LoopFlowKind.allCases.count],
                                     amount: Double.random(in: -1e9...1e9, using: &rng))
                    stage.append(f)
                    expected.append(f)
                }
                stage.flush(into: &flows)
                #expect(stage.count == 0)
                #expect(flows == expected, "room \(room), month \(month)")
            }
        }
    }
}
