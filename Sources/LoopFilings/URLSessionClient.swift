import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPClient` on Foundation's URLSession, waited for synchronously (the commands are
/// one-shot and sequential).
public struct URLSessionClient: HTTPClient {
    public init() {}

    public func get(_ url: String, headers: [String: String], timeout: Double) throws(NetworkFailure) -> HTTPResponse {
        guard let u = URL(string: url) else { throw NetworkFailure("\(url) is not a URL") }
        // No HTTP cache: a fetch must ask the SEC (FilingsCache keeps the documents, dated).
        var request = URLRequest(url: u, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout * 4
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        let session = URLSession(configuration: config)
        defer { session.finishTasksAndInvalidate() }
        let box = ResultBox()
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data, response, error)
        }
        task.resume()
        box.done.wait()
        if let error = box.error {
            let ns = error as NSError
            let why = ns.code == NSURLErrorTimedOut ? "timed out after \(Int(timeout)) s" : ns.localizedDescription
            throw NetworkFailure("\(u.host ?? url): \(why)")
        }
        guard let http = box.response as? HTTPURLResponse else { throw NetworkFailure("\(u.host ?? url): no HTTP response") }
        let body = box.data ?? Data()
        if http.expectedContentLength >= 0, Int64(body.count) < http.expectedContentLength {
            throw NetworkFailure("\(u.host ?? url): the response was cut short (\(body.count) of \(http.expectedContentLength) bytes)")
        }
        return HTTPResponse(status: http.statusCode, body: body)
    }

    /// The completion handler's answer, handed from URLSession's queue to the caller.
    final class ResultBox: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private(set) var data: Data?
        private(set) var response: URLResponse?
        private(set) var error: (any Error)?

        func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) {
            self.data = data; self.response = response; self.error = error
            done.signal()
        }
    }
}
