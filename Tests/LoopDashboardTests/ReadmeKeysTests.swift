import Foundation
import Testing
import LoopDashboard

/// The README's keys section is the key table, written out.
@Suite struct ReadmeKeysTests {
    @Test func readmeKeysSectionMatchesTheKeyTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: KeyTable.readmeBegin), "README has no keys:begin mark")
        let end = try #require(readme.range(of: KeyTable.readmeEnd), "README has no keys:end mark")
        let section = readme[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == KeyTable.markdown(), "README keys section differs: run `moneyloop keys`")
    }
}
