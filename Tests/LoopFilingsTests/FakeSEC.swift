import Foundation
import LoopFilings

/// A clock that only moves when slept on.
final class FakeClock: FilingsClock, @unchecked Sendable {
    private let lock = NSLock()
    private var t = 0.0
    func now() -> Double { lock.withLock { t } }
    func sleep(_ seconds: Double) { lock.withLock { t += max(0, seconds) } }
}

/// An in-memory SEC: serves documents by URL, answers 403 to a request without a contact
/// in its User-Agent or beyond 10 requests in a second (as the SEC does), and can be told
/// to time out or cut a body short.
final class FakeSEC: HTTPClient, @unchecked Sendable {
    enum Behaviour { case timeout, partial, status(Int) }
    private let lock = NSLock()
    private(set) var requests: [(url: String, userAgent: String?, at: Double)] = []
    var documents: [String: Data] = [:]
    var behaviour: [String: Behaviour] = [:]
    let clock: FakeClock

    init(clock: FakeClock) { self.clock = clock }

    static let base = "https://data.sec.gov/api/xbrl/companyfacts/"
    static let tickers = "https://www.sec.gov/files/company_tickers.json"

    /// The SEC with CoreWeave, the made-up filer and the ticker list.
    static func standard(_ clock: FakeClock = FakeClock()) -> FakeSEC {
        let sec = FakeSEC(clock: clock)
        sec.documents[base + "CIK0001769628.json"] = Fixture.data("crwv-companyfacts.json")
        sec.documents[base + "CIK0009999999.json"] = Fixture.data("example-companyfacts.json")
        sec.documents[tickers] = Fixture.data("company_tickers.json")
        return sec
    }

    func get(_ url: String, headers: [String: String], timeout: Double) throws(NetworkFailure) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        do {
            let now = clock.now()
            let ua = headers["User-Agent"]
            requests.append((url, ua, now))
            guard let ua, ua.contains("@") else { return HTTPResponse(status: 403, body: Data("Undeclared Automated Tool".utf8)) }
            if requests.filter({ $0.at > now - 0.999 }).count > 10 {
                return HTTPResponse(status: 403, body: Data("Request Rate Threshold Exceeded".utf8))
            }
            switch behaviour[url] {
            case .timeout?: throw NetworkFailure("data.sec.gov: timed out after \(Int(timeout)) s")
            case .partial?:
                let body = documents[url] ?? Data()
                return HTTPResponse(status: 200, body: body.prefix(body.count / 3))
            case let .status(s)?: return HTTPResponse(status: s, body: Data())
            case nil:
                guard let body = documents[url] else { return HTTPResponse(status: 404, body: Data()) }
                return HTTPResponse(status: 200, body: body)
            }
        }
    }

    var userAgents: [String?] { lock.withLock { requests.map(\.userAgent) } }
    var count: Int { lock.withLock { requests.count } }
}
