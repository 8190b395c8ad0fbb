import CFetch
import Foundation

/// `HTTPClient` on libcurl, which is loaded only when a fetch is made (Sources/CFetch):
/// the dashboard, which never fetches, maps no network or TLS library.
public struct CurlClient: HTTPClient {
    public init() {}

    public func get(_ url: String, headers: [String: String], timeout: Double) throws(NetworkFailure) -> HTTPResponse {
        var r = cfetch_result()
        let ms = Int(max(1, (timeout * 1000).rounded()))
        if let agent = headers["User-Agent"] {
            cfetch_get(url, agent, ms, &r)
        } else {
            cfetch_get(url, nil, ms, &r)
        }
        defer { cfetch_free(&r) }
        let host = URL(string: url)?.host ?? url
        if r.failed != 0 {
            let why = r.timed_out != 0 ? "timed out after \(Int(timeout)) s"
                : withUnsafeBytes(of: r.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw NetworkFailure("\(host): \(why)")
        }
        let body = r.body.map { Data(bytes: $0, count: r.length) } ?? Data()
        return HTTPResponse(status: r.status, body: body)
    }
}
