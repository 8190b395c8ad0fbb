import Foundation
import LoopSim

/// A small seeded generator (SplitMix64) so random tests are reproducible.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Helpers every test target shares: the package root, random parameter sets, projections.
public enum Support {
    /// The package root (for `scenarios/`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func scenarioPath(_ name: String) -> String { root.appendingPathComponent("scenarios/\(name).yaml").path }

    /// Parameter values drawn inside every range; a quarter of them pinned to an edge.
    public static func randomValues(_ rng: inout SplitMix64) -> ParameterValues {
        var v = ParameterValues.defaults
        for p in ParameterRegistry.all {
            let r = Double.random(in: 0...1, using: &rng)
            let x = r < 0.125 ? p.min : r < 0.25 ? p.max : Double.random(in: p.min...p.max, using: &rng)
            v.setClamped(p.id, x)
        }
        return v
    }

    public static func with(_ changes: [(ParameterID, Double)]) -> ParameterValues {
        with(Scenario.article2025.parameters, changes)
    }

    public static func with(_ base: ParameterValues, _ changes: [(ParameterID, Double)]) -> ParameterValues {
        var v = base
        for (id, x) in changes { v.setClamped(id, x) }
        return v
    }

    public static func project(_ v: ParameterValues, scenario: Scenario = .article2025, months: Int = 120) -> Projection {
        Engine.project(scenario, schedule: LeverSchedule(base: v), months: months)
    }
}
