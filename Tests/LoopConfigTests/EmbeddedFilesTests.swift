import Foundation
import LoopConfig
import TestSupport
import Testing

/// The data files compiled into the binary are exactly the repository's `themes/`,
/// `scenarios/` and `demos/` YAML files: the same names, byte for byte.
@Suite struct EmbeddedFilesTests {
    static let root = Support.root

    @Test(arguments: ["themes", "scenarios", "demos"])
    func embeddedFilesMatchTheRepository(folder: String) throws {
        let dir = Self.root.appendingPathComponent(folder).path
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        let embedded = BundledData.fileNames(in: "\(BundledData.embeddedRoot)/\(folder)") ?? []
        #expect(!onDisk.isEmpty)
        #expect(embedded == onDisk, """
            \(folder)/ compiled in: \(embedded), in the repository: \(onDisk). The BundleFiles plugin \
            regenerates the list at every build: run `swift build` again.
            """)
        for name in onDisk {
            let text = try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8)
            #expect(BundledData.embeddedText(atPath: "\(BundledData.embeddedRoot)/\(folder)/\(name)") == text,
                    "\(folder)/\(name) differs from the compiled-in copy: run `swift build` again")
        }
    }

    /// A compiled-in file reads like a file on disk, with its pseudo path in messages.
    @Test func embeddedFilesLoadThroughTheUsualReaders() throws {
        let locator = ScenarioLocator(searchDirectories: ["\(BundledData.embeddedRoot)/scenarios"])
        let names = locator.list().map(\.name)
        #expect(names.contains("price-war") && names.contains("filings-2026"), "\(names)")
        #expect(locator.file(named: "price-war") == "(built in)/scenarios/price-war.yaml")
        #expect(try locator.resolve("price-war").name == "price-war")
        let missing = Result { try YAMLDocument(contentsOf: "(built in)/scenarios/none.yaml") }
        #expect(throws: ConfigError.self) { try missing.get() }
    }
}
