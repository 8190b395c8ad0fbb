import Foundation
import LoopConfig
import LoopDashboard
import Testing
@testable import LoopSim
import TestSupport

/// Mutated scenario, theme and key-map files (truncated, random bytes, wrong types, huge
/// numbers, deep nesting, alias bombs, huge mappings, 10 MB): each loads or gives one clean
/// `ConfigError`; a scenario that loads projects to finite numbers.
@Suite(.timeLimit(.minutes(1)))
struct ConfigFuzzTests {
    static let scenarios = ConfigFuzzer.Target(kind: "scenario", seeds: bundled("scenarios")) { (path: String) throws(ConfigError) in
        if let data = FileManager.default.contents(atPath: path), LoopFile.isLoop(String(decoding: data, as: UTF8.self)) {
            let loop = try LoopFile.load(contentsOf: path)
            let p = LoopEngine.project(loop)
            let finite = (p.cash + p.debt + p.fleet + p.flows.map(\.amount)).allSatisfy(\.isFinite)
            #expect(finite, "\(path) loads as a loop but projects to a non-finite number")
            return
        }
        let scenario = try ScenarioFile.load(contentsOf: path)
        let p = Engine.project(scenario)
        let bad = p.months.first { m in
            !([m.coreweave.cash, m.coreweave.revenue, m.coreweave.debt, m.vast.cash, m.vast.valuation]
                + m.flows.map(\.amount)).allSatisfy(\.isFinite)
        }
        #expect(bad == nil, "\(path) loads but projects to a non-finite number at month \(bad?.month ?? -1)")
    }

    static let themes = ConfigFuzzer.Target(kind: "theme", seeds: bundled("themes")) { (path: String) throws(ConfigError) in
        _ = try ThemeFile.load(contentsOf: path)
    }

    /// No key map is bundled: the seed is an example like the one in the docs.
    static let keySeed: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-fuzz-keys-\(getpid()).yaml").path
        let text = "# moneyloop key map\nquit: [q, F10]\nhelp: [\"?\", F1]\nleverUp: [Right, l]\nleverDown: [Left, h]\n"
            + "pause: Space\nredo: Ctrl-R\nfocusNext: Tab\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }()

    static let keys = ConfigFuzzer.Target(kind: "keys", seeds: [keySeed]) { (path: String) throws(ConfigError) in
        _ = try KeyMap.load(contentsOf: path)
    }

    static func bundled(_ folder: String) -> [String] {
        let dir = Support.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    @Test(arguments: [Self.scenarios, Self.themes, Self.keys])
    func theSeedsLoad(_ target: ConfigFuzzer.Target) {
        #expect(!target.seeds.isEmpty, "no \(target.kind) files found under \(Support.root.path)")
        for seed in target.seeds { #expect(throws: Never.self) { try target.load(seed) } }
    }

    @Test(arguments: [Self.scenarios, Self.themes, Self.keys])
    func mutatedFilesLoadOrFailCleanly(_ target: ConfigFuzzer.Target) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var fuzzer = ConfigFuzzer(target: target, rng: SplitMix64(seed: 7))
        let (outcomes, problems) = fuzzer.run(in: dir)
        #expect(problems.isEmpty, "\(problems.count) unclean outcomes:\n\(problems.prefix(10).joined(separator: "\n"))")
        // The mutations must reach both sides: files that still load and files that fail.
        #expect(outcomes.count >= 60 * target.seeds.count)
        #expect(outcomes.contains { $0.loaded } && outcomes.contains { !$0.loaded })
        let tooBig = outcomes.first { $0.label.hasSuffix("a 10 MB file") }
        #expect(tooBig?.error?.message.contains("larger than") == true, "\(String(describing: tooBig))")
    }
}

extension ConfigFuzzer.Target: CustomTestStringConvertible {
    var testDescription: String { kind }
}
