import Foundation

/// What an HTTP GET returned.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data
    public init(status: Int, body: Data) { self.status = status; self.body = body }
}

/// Why a request got no response: the network, not the server, failed.
public struct NetworkFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The one way the filings commands reach the network; tests inject a fake or point it
/// at a local server.
public protocol HTTPClient: Sendable {
    /// GETs `url`; throws `NetworkFailure` when no complete response arrived (no network,
    /// a timeout, a body cut short).
    func get(_ url: String, headers: [String: String], timeout: Double) throws(NetworkFailure) -> HTTPResponse
}
