import Foundation
import Testing
import TestSupport
@testable import LoopFilings

/// The real client against a local server: the statuses, bodies and failures the SEC's
/// server can give, without the SEC.
@Suite(.serialized) struct URLSessionClientTests {
    static let body = Fixture.data("crwv-companyfacts.json")

    /// Answers 403 without a User-Agent, as the SEC does; else the fixture, whole.
    static func sec(_ head: String) -> Data? {
        head.lowercased().contains("\r\nuser-agent: moneyloop ")
            ? LocalHTTPServer.response(200, body) : LocalHTTPServer.response(403, Data("Undeclared Automated Tool".utf8))
    }

    @Test func getsADocumentAndSendsTheUserAgent() throws {
        let server = try LocalHTTPServer(respond: Self.sec)
        defer { server.stop() }
        let r = try URLSessionClient().get(server.url + "/x.json", headers: ["User-Agent": "moneyloop a@b.org"], timeout: 10)
        #expect(r.status == 200 && r.body == Self.body)
    }

    @Test func withoutAUserAgentTheFetcherReportsThe403() throws {
        let server = try LocalHTTPServer(respond: Self.sec)
        defer { server.stop() }
        #expect(try URLSessionClient().get(server.url + "/x.json", headers: [:], timeout: 10).status == 403)
        var f = FilingsFetcher(client: URLSessionClient(), limiter: RateLimiter(), cache: FilingsCache(folder: Fixture.folder()),
                               contact: "a@b.org", offline: false)
        f.factsBase = server.url + "/api/xbrl/companyfacts/"
        #expect(try f.fetch([.cik(1_769_628)]).first?.facts == Fixture.coreweave)
    }

    @Test func everyRequestAsksTheServerEvenWhenTheAnswerMayBeCached() throws {
        let count = Counter()
        let server = try LocalHTTPServer { _ in
            let body = Data("answer \(count.next())".utf8)
            // As python's http.server answers: a date, a last-modified time, no cache-control.
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "GMT")
            f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let head = "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6\r\nDate: \(f.string(from: Date()))\r\n"
                + "Content-type: application/json\r\nContent-Length: \(body.count)\r\n"
                + "Last-Modified: Mon, 01 Dec 2025 00:00:00 GMT\r\n\r\n"
            return Data(head.utf8) + body
        }
        defer { server.stop() }
        let first = try URLSessionClient().get(server.url + "/same.json", headers: [:], timeout: 10)
        let second = try URLSessionClient().get(server.url + "/same.json", headers: [:], timeout: 10)
        #expect(String(decoding: first.body, as: UTF8.self) == "answer 1")
        #expect(String(decoding: second.body, as: UTF8.self) == "answer 2")
    }

    @Test func aBodyCutShortIsANetworkFailure() throws {
        let server = try LocalHTTPServer { _ in LocalHTTPServer.response(200, Self.body.prefix(100), contentLength: Self.body.count) }
        defer { server.stop() }
        #expect(throws: NetworkFailure.self) {
            try URLSessionClient().get(server.url + "/x.json", headers: [:], timeout: 10)
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try LocalHTTPServer { _ in nil }
        defer { server.stop() }
        #expect {
            try URLSessionClient().get(server.url + "/x.json", headers: [:], timeout: 1)
        } throws: { "\($0)".contains("timed out") }
    }

    @Test func nothingListeningIsANetworkFailure() throws {
        let server = try LocalHTTPServer { _ in nil }
        let url = server.url
        server.stop()
        #expect(throws: NetworkFailure.self) { try URLSessionClient().get(url + "/x.json", headers: [:], timeout: 5) }
    }
}

/// Counts calls from the server's thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.withLock { n += 1; return n } }
}
