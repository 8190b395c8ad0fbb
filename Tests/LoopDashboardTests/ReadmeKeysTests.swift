import Foundation
import Testing
import LoopDashboard
import TestSupport

/// The README's keys section and docs/analytics.md's overlay keys are the key table,
/// written out (Scripts/update-readme-keys.sh).
@Suite struct ReadmeKeysTests {
    /// The text between `begin` and `end` in the file at `path` (from the package root).
    func section(_ path: String, _ begin: String, _ end: String) throws -> String {
        let text = try String(contentsOf: Support.root.appendingPathComponent(path), encoding: .utf8)
        let b = try #require(text.range(of: begin), "\(path) has no \(begin)")
        let e = try #require(text.range(of: end), "\(path) has no \(end)")
        return text[b.upperBound..<e.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func readmeKeysSectionMatchesTheKeyTable() throws {
        #expect(try section("README.md", KeyTable.readmeBegin, KeyTable.readmeEnd) == KeyTable.markdown(),
                "README keys section differs: run Scripts/update-readme-keys.sh")
    }

    @Test func analyticsDocListsTheOverlayKeysOfTheKeyTable() throws {
        let overlays = KeyTable.markdown(contexts: [.tornado, .picker, .comparison])
        #expect(try section("docs/analytics.md", KeyTable.overlaysBegin, KeyTable.overlaysEnd) == overlays,
                "docs/analytics.md overlay keys differ: run Scripts/update-readme-keys.sh")
    }
}
