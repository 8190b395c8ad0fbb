import Testing
import TestSupport
@testable import LoopSim

/// The loop engine writes a run's flows in place (`FlowStage`): into memory of its own, or
/// into the memory of the array being made of them. Either way they must be the flows
/// appended, in order, however many there are — the stage grows past its first room, and
/// moves out of a buffer it outgrows.
@Suite struct FlowStageTests {
    static func randomFlows(_ months: Int, _ rng: inout SplitMix64) -> [[LoopFlow]] {
        (0..<months).map { month in
            // Some months empty, some far past the stage's first room.
            (0..<Int.random(in: 0...(month % 3 == 0 ? 200 : 20), using: &rng)).map { k in
                LoopFlow(deal: k - 2, from: month, to: k, kind: LoopFlowKind.allCases[k % LoopFlowKind.allCases.count],
                         amount: Double.random(in: -1e9...1e9, using: &rng))
            }
        }
    }

    @Test func flowsArriveInOrderThroughGrowth() {
        var rng = SplitMix64(seed: 7)
        for room in [0, 1, 16, 40] {
            var stage = FlowStage(capacity: room)
            var expected: [LoopFlow] = []
            #expect(stage.flows.isEmpty)
            for (month, flows) in Self.randomFlows(30, &rng).enumerated() {
                for f in flows { stage.append(f) }
                expected += flows
                #expect(stage.count == expected.count)
                #expect(stage.flows == expected, "room \(room), month \(month)")
            }
        }
    }

    @Test func flowsWrittenIntoAnArrayOrMovedOutWhenTooMany() {
        var rng = SplitMix64(seed: 11)
        for (before, room) in [(0, 0), (0, 5000), (3, 5000), (0, 100), (20, 10)] {
            let months = Self.randomFlows(30, &rng)
            let all = months.flatMap { $0 }
            var stage = FlowStage(capacity: 16)
            for f in all.prefix(before) { stage.append(f) }
            var inPlace: Int?
            let array = [LoopFlow](unsafeUninitializedCapacity: room) { buffer, written in
                stage.write(into: buffer)
                for f in all.dropFirst(before) { stage.append(f) }
                inPlace = stage.leave(buffer)
                written = inPlace ?? 0
            }
            if all.count <= room && room > 0 && before <= room {
                #expect(inPlace == all.count, "room \(room)")
                #expect(array == all)
                #expect(stage.count == 0)
            } else {
                #expect(inPlace == nil, "room \(room)")
                #expect(array.isEmpty)
                #expect(stage.flows == all)
            }
        }
    }
}
