import Foundation
import Testing
@testable import LoopConfig
@testable import LoopReport
@testable import LoopSim
import TestSupport

/// Every bundled scenario file gives the projection it gave before loops became data:
/// the `simulate --format json` document over its horizon, byte for byte, against the
/// goldens in Fixtures/Goldens. Record them again (only for a deliberate change, said
/// in the commit) with `MONEYLOOP_RECORD_GOLDENS=1 swift test --filter ProjectionGoldenTests`.
@Suite struct ProjectionGoldenTests {
    static let names = ["article-2025", "filings-2026", "late-demand", "price-war"]

    static func goldenPath(_ name: String) -> String {
        Support.root.appendingPathComponent("Tests/LoopConfigTests/Fixtures/Goldens/\(name).json").path
    }

    static func document(_ name: String) throws -> String {
        let s = try ScenarioFile.load(contentsOf: Support.scenarioPath(name))
        return SimulationReport.json(s, Engine.project(s)).text(pretty: false) + "\n"
    }

    @Test(arguments: names)
    func projectionMatchesTheGolden(name: String) throws {
        let text = try Self.document(name)
        let path = Self.goldenPath(name)
        if ProcessInfo.processInfo.environment["MONEYLOOP_RECORD_GOLDENS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "\(name): the projection differs from its golden")
    }

    @Test func everyBundledScenarioHasAGolden() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.root.appendingPathComponent("scenarios").path)
        let old = try files.filter { $0.hasSuffix(".yaml") }.filter { f in
            let text = try String(contentsOfFile: Support.root.appendingPathComponent("scenarios/" + f).path, encoding: .utf8)
            return !LoopFile.isLoop(text)
        }
        #expect(Set(old.map { String($0.dropLast(5)) }) == Set(Self.names))
    }
}
