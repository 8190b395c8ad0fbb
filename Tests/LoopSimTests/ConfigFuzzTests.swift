import Foundation
import LoopConfig
import Testing
@testable import LoopSim

/// Mutated scenario files (truncated, random bytes, wrong types, huge numbers, deep nesting,
/// alias bombs, 10 MB): each loads or gives one clean `ConfigError`; one that loads projects
/// to finite numbers. Theme and key-map loaders join `targets` when those files exist.
@Suite(.timeLimit(.minutes(1)))
struct ConfigFuzzTests {
    static let scenarioSeeds: [String] = {
        let dir = Support.root.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
    }()

    static let scenarios = ConfigFuzzer.Target(kind: "scenario", seeds: scenarioSeeds) { (path: String) throws(ConfigError) in
        let scenario = try ScenarioFile.load(contentsOf: path)
        let p = Engine.project(scenario)
        let bad = p.months.first { m in
            !([m.coreweave.cash, m.coreweave.revenue, m.coreweave.debt, m.vast.cash, m.vast.valuation]
                + m.flows.map(\.amount)).allSatisfy(\.isFinite)
        }
        #expect(bad == nil, "\(path) loads but projects to a non-finite number at month \(bad?.month ?? -1)")
    }

    @Test func bundledScenariosAreTheSeeds() {
        #expect(Self.scenarioSeeds.count >= 3, "no bundled scenarios found in \(Support.root.path)/scenarios")
        for seed in Self.scenarioSeeds { #expect(throws: Never.self) { try Self.scenarios.load(seed) } }
    }

    @Test(arguments: [Self.scenarios])
    func mutatedFilesLoadOrFailCleanly(_ target: ConfigFuzzer.Target) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var fuzzer = ConfigFuzzer(target: target, rng: SplitMix64(seed: 7))
        let (outcomes, problems) = fuzzer.run(in: dir)
        #expect(problems.isEmpty, "\(problems.count) unclean outcomes:\n\(problems.prefix(10).joined(separator: "\n"))")
        // The mutations must reach both sides: files that still load and files that fail.
        #expect(outcomes.count >= 150)
        #expect(outcomes.contains { $0.loaded } && outcomes.contains { !$0.loaded })
        let tooBig = outcomes.first { $0.label.hasSuffix("a 10 MB file") }
        #expect(tooBig?.error?.message.contains("larger than") == true, "\(String(describing: tooBig))")
    }
}

extension ConfigFuzzer.Target: CustomTestStringConvertible {
    var testDescription: String { kind }
}
