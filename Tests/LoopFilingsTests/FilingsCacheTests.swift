import Foundation
import Testing
@testable import LoopFilings

@Suite struct FilingsCacheTests {
    @Test func theFolderFollowsXDG() {
        #expect(FilingsCache.standard(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]).folder == "/x/cache/moneyloop/filings")
        #expect(FilingsCache.standard(["HOME": "/home/a"]).folder == "/home/a/.cache/moneyloop/filings")
        #expect(FilingsCache.standard(["XDG_CACHE_HOME": "relative", "HOME": "/home/a"]).folder == "/home/a/.cache/moneyloop/filings")
    }

    @Test func aDocumentComesBackWithItsFetchDate() throws {
        let cache = FilingsCache(folder: Fixture.folder() + "/new/folder")
        let doc = Fixture.data("example-companyfacts.json")
        try cache.write(doc, url: "https://example/x.json", fetched: Fixture.fetched, to: cache.factsPath(cik: 9_999_999))
        let entry = try #require(try cache.read(cache.factsPath(cik: 9_999_999)))
        #expect(entry.document == doc && entry.fetched == Fixture.fetched && entry.url == "https://example/x.json")
        #expect(try cache.read(cache.factsPath(cik: 1)) == nil)
    }

    @Test func aDamagedCacheFileIsAnErrorNamingIt() throws {
        let cache = FilingsCache(folder: Fixture.folder())
        let path = cache.factsPath(cik: 5)
        try Data("{\"fetched\": \"2026-01-01T00:00:00Z\", \"url\": \"u\", \"document\": {\"cik\": 5".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect {
            try cache.read(path)
        } throws: { ($0 as? FilingsError)?.message == "\(path): not a moneyloop filings cache file; delete it and fetch again" }
    }

    @Test func ageInWords() {
        #expect(CacheAge.age(600) == "less than an hour old")
        #expect(CacheAge.age(7_300) == "2 hours old")
        #expect(CacheAge.age(90_000) == "1 day old")
        #expect(CacheAge.describe(Fixture.fetched, now: Fixture.now) == "2026-12-04 11:00 UTC (2 days old)")
    }
}

@Suite struct FilingsContactTests {
    func env(_ config: String?) throws -> [String: String] {
        let dir = Fixture.folder()
        if let config {
            try FileManager.default.createDirectory(atPath: dir + "/moneyloop", withIntermediateDirectories: true)
            try config.write(toFile: dir + "/moneyloop/filings.yaml", atomically: true, encoding: .utf8)
        }
        return ["XDG_CONFIG_HOME": dir]
    }

    @Test func theOptionWinsThenTheConfig() throws {
        #expect(try FilingsContact.resolve(option: "me@example.org", env: env("contact: other@example.org\n")) == "me@example.org")
        #expect(try FilingsContact.resolve(option: nil, env: env("contact: other@example.org\n")) == "other@example.org")
        #expect(try FilingsContact.resolve(option: nil, env: env(nil)) == nil)
    }

    @Test func aBadContactOrConfigSaysWhere() throws {
        #expect(throws: FilingsError("--contact: 'me' is not an e-mail address")) {
            try FilingsContact.resolve(option: "me", env: env(nil))
        }
        let e = try env("# who I am\ncontcat: me@example.org\n")
        #expect {
            try FilingsContact.resolve(option: nil, env: e)
        } throws: { ($0 as? FilingsError)?.message == "\(e["XDG_CONFIG_HOME"]!)/moneyloop/filings.yaml:2:1: contcat: unknown key; allowed: contact" }
        let bad = try env("contact: not an address\n")
        #expect {
            try FilingsContact.resolve(option: nil, env: bad)
        } throws: { ($0 as? FilingsError)?.message.hasSuffix("filings.yaml:1:10: contact: contact: 'not an address' is not an e-mail address") == true }
    }
}
