import Foundation
@testable import LoopFilings

/// The fixtures of Fixtures/ (see Fixtures/README.md for where each figure comes from).
enum Fixture {
    static func data(_ name: String) -> Data {
        let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
        return try! Data(contentsOf: url)
    }

    static func facts(_ name: String) throws -> CompanyFacts {
        try CompanyFacts.parse(data(name), source: name)
    }

    static var coreweave: CompanyFacts { try! facts("crwv-companyfacts.json") }
    static var example: CompanyFacts { try! facts("example-companyfacts.json") }

    /// A fresh empty folder under the temporary directory.
    static func folder() -> String {
        let path = NSTemporaryDirectory() + "moneyloop-filings-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// 2026-12-06 12:00 UTC: the "now" of the documented examples.
    static let now = Date(timeIntervalSince1970: 1_796_558_400)
    /// Two days before `now`.
    static let fetched = Date(timeIntervalSince1970: 1_796_558_400 - 2 * 86_400 - 3_600)
}
