import Foundation
import Testing
@testable import LoopFilings

@Suite struct FilingsFetcherTests {
    func fetcher(_ sec: FakeSEC, cache: FilingsCache, contact: String? = "analyst@example.com", offline: Bool = false,
                 perSecond: Double = 10) -> FilingsFetcher {
        FilingsFetcher(client: sec, limiter: RateLimiter(perSecond: perSecond, clock: sec.clock), cache: cache,
                       contact: contact, offline: offline, now: { Fixture.now })
    }

    @Test func fetchesByTickerAndCIKAndCachesWithTheDate() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder() + "/filings")
        let results = try fetcher(sec, cache: cache).fetch([.ticker("CRWV"), .cik(9_999_999)])
        #expect(results.map(\.facts.entityName) == ["CoreWeave, Inc.", "Example Cloud Corp"])
        #expect(results.allSatisfy { $0.fromCache == nil })
        #expect(sec.userAgents.allSatisfy { $0 == "moneyloop analyst@example.com" })
        let entry = try #require(try cache.read(cache.factsPath(cik: 1_769_628)))
        #expect(entry.fetched == Fixture.now)
        #expect(entry.document == Fixture.data("crwv-companyfacts.json"))
        #expect(try cache.company(.ticker("CRWV"))?.facts == Fixture.coreweave)
        #expect(results[0].line(now: Fixture.now) == "CRWV  CoreWeave, Inc. (CIK 0001769628): downloaded; latest balance "
            + "sheet 2025-12-31 (10-K, accession 0001769628-26-000104)")
    }

    @Test func refusesWithoutAContactAndSaysWhy() {
        let sec = FakeSEC.standard()
        #expect {
            try fetcher(sec, cache: FilingsCache(folder: Fixture.folder()), contact: nil).fetch([.ticker("CRWV")])
        } throws: { error in
            let m = (error as? FilingsError)?.message ?? ""
            return m.contains("the SEC asks every client to name a contact in its User-Agent") && m.contains("--contact EMAIL")
        }
        #expect(sec.count == 0)
    }

    @Test func theFakeSECRefusesAnAnonymousClientWith403() {
        let sec = FakeSEC.standard()
        #expect(try! sec.get(FakeSEC.tickers, headers: [:], timeout: 1).status == 403)
        #expect(try! sec.get(FakeSEC.tickers, headers: ["User-Agent": "moneyloop a@b.org"], timeout: 1).status == 200)
    }

    @Test func a403IsAnErrorThatExplainsAndTheCacheStays() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder())
        _ = try fetcher(sec, cache: cache).fetch([.cik(1_769_628)])
        let before = try Data(contentsOf: URL(fileURLWithPath: cache.factsPath(cik: 1_769_628)))
        sec.behaviour[FakeSEC.base + "CIK0001769628.json"] = .status(403)
        #expect {
            try fetcher(sec, cache: cache).fetch([.cik(1_769_628)])
        } throws: { ($0 as? FilingsError)?.message.contains("HTTP 403, refused: the SEC refuses requests without a User-Agent") == true }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache.factsPath(cik: 1_769_628))) == before)
    }

    @Test func staysWithinTenRequestsASecond() throws {
        let ciks = (1...24).map { 1_000_000 + $0 }
        let sec = FakeSEC.standard()
        for c in ciks { sec.documents[FakeSEC.base + "CIK\(CompanyFacts.pad(c)).json"] = Fixture.data("example-companyfacts.json") }
        let results = try fetcher(sec, cache: FilingsCache(folder: Fixture.folder())).fetch(ciks.map { .cik($0) })
        #expect(results.count == 24)
        let times = sec.requests.map(\.at)
        for (a, b) in zip(times, times.dropFirst()) { #expect(b - a >= 0.1 - 1e-9) }
        // Without the limiter the same SEC answers 403 from the eleventh request in a second.
        let unlimited = FakeSEC.standard()
        for c in ciks { unlimited.documents[FakeSEC.base + "CIK\(CompanyFacts.pad(c)).json"] = Fixture.data("example-companyfacts.json") }
        #expect(throws: FilingsError.self) {
            try fetcher(unlimited, cache: FilingsCache(folder: Fixture.folder()), perSecond: 1e9).fetch(ciks.map { .cik($0) })
        }
    }

    @Test func aTimeoutFallsBackToTheCacheAndSaysItsAge() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder())
        try cache.write(Fixture.data("crwv-companyfacts.json"), url: "u", fetched: Fixture.fetched, to: cache.factsPath(cik: 1_769_628))
        sec.behaviour[FakeSEC.base + "CIK0001769628.json"] = .timeout
        let r = try fetcher(sec, cache: cache).fetch([.cik(1_769_628)])
        #expect(r[0].fromCache == "network unavailable: data.sec.gov: timed out after 30 s")
        #expect(r[0].line(now: Fixture.now).contains("from the cache, fetched 2026-12-04 11:00 UTC (2 days old); network unavailable"))
        // A server error counts as the network failing.
        sec.behaviour[FakeSEC.base + "CIK0001769628.json"] = .status(503)
        let unavailable = try fetcher(sec, cache: cache).fetch([.cik(1_769_628)])
        #expect(unavailable[0].fromCache?.hasSuffix("CIK0001769628.json: HTTP 503, the server is unavailable") == true)
        sec.behaviour[FakeSEC.base + "CIK0001769628.json"] = .timeout
        // Without a cache it is an error that says both.
        #expect {
            try fetcher(sec, cache: FilingsCache(folder: Fixture.folder())).fetch([.cik(1_769_628)])
        } throws: { ($0 as? FilingsError)?.message.contains("timed out after 30 s, and no cached company facts") == true }
    }

    @Test func offlineReadsTheCacheWithoutAContactOrARequest() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder())
        try cache.write(Fixture.data("company_tickers.json"), url: "u", fetched: Fixture.fetched, to: cache.tickersPath)
        try cache.write(Fixture.data("crwv-companyfacts.json"), url: "u", fetched: Fixture.fetched, to: cache.factsPath(cik: 1_769_628))
        let r = try fetcher(sec, cache: cache, contact: nil, offline: true).fetch([.ticker("CRWV")])
        #expect(r[0].fromCache == "offline" && sec.count == 0)
        #expect(throws: FilingsError.self) { try fetcher(sec, cache: cache, contact: nil, offline: true).fetch([.ticker("NVDA")]) }
    }

    @Test func aPartialBodyFailsAndNothingIsWritten() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder())
        sec.behaviour[FakeSEC.base + "CIK0009999999.json"] = .partial
        #expect {
            try fetcher(sec, cache: cache).fetch([.ticker("CRWV"), .cik(9_999_999)])
        } throws: { ($0 as? FilingsError)?.message.contains("CIK0009999999.json: not a company-facts document") == true }
        // CoreWeave arrived whole, but the fetch failed: neither it nor the ticker list was written.
        #expect(try cache.read(cache.factsPath(cik: 1_769_628)) == nil)
        #expect(try cache.read(cache.tickersPath) == nil)
    }

    @Test func progressIsReportedAndCleared() throws {
        let sec = FakeSEC.standard()
        var f = fetcher(sec, cache: FilingsCache(folder: Fixture.folder()))
        nonisolated(unsafe) var seen: [String] = []
        f.progress = { seen.append($0) }
        _ = try f.fetch([.ticker("CRWV"), .cik(9_999_999)])
        #expect(seen == ["fetching the SEC's ticker list", "fetching CRWV (1/2)", "fetching CIK 0009999999 (2/2)", ""])
    }

    @Test func aFreshTickerListIsNotFetchedAgain() throws {
        let sec = FakeSEC.standard()
        let cache = FilingsCache(folder: Fixture.folder())
        try cache.write(Fixture.data("company_tickers.json"), url: "u", fetched: Fixture.fetched, to: cache.tickersPath)
        _ = try fetcher(sec, cache: cache).fetch([.ticker("CRWV")])
        #expect(sec.requests.map(\.url) == [FakeSEC.base + "CIK0001769628.json"])
    }

    @Test func anUnknownTickerIsAnError() {
        #expect {
            try fetcher(FakeSEC.standard(), cache: FilingsCache(folder: Fixture.folder())).fetch([.ticker("ZZZZ")])
        } throws: { ($0 as? FilingsError)?.message == "ZZZZ: no such ticker in the SEC's list; give the CIK" }
    }
}
