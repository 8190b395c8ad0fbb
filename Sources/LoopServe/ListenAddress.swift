#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The address `moneyloop serve` listens on: `HOST:PORT`, `[IPv6]:PORT`, or `PORT`
/// alone (loopback). Hosts are numeric IPv4/IPv6 addresses or `localhost`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The numeric host (`127.0.0.1`, `::1`, `0.0.0.0`, …).
    public let host: String
    /// The TCP port; 0 asks the system for a free one.
    public let port: Int

    /// The default: loopback, port 2222.
    public static let `default` = ListenAddress(host: "127.0.0.1", port: 2222)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[IPv6]:PORT` or `PORT`.
    public init(parsing text: String) throws(ServeError) {
        let bad = { (why: String) in
            ServeError.usage("--listen \(text): \(why); expected HOST:PORT such as 127.0.0.1:2222 or [::1]:2222")
        }
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw bad("missing ]") }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw bad("missing :PORT after ]") }
            portText = String(rest.dropFirst())
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
            if host.contains(":") { throw bad("put an IPv6 address in brackets") }
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw bad("the port must be a number from 0 to 65535")
        }
        if host == "localhost" { host = "127.0.0.1" }
        guard ListenAddress.isNumeric(host) else {
            throw bad("the host must be a numeric IP address or localhost")
        }
        self.init(host: host, port: port)
    }

    /// Whether the host is a loopback address (127.0.0.0/8 or ::1).
    public var isLoopback: Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return (UInt32(bigEndian: v4.s_addr) >> 24) == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            // ::ffff:127.x.x.x
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return bytes[12] == 127
            }
        }
        return false
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func isNumeric(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// The listen policy: without an explicit `--authorized-keys` file (the user's own
    /// `~/.ssh/authorized_keys` is used then) only a loopback address may be listened on,
    /// so starting a server never opens the user's account keys to the network by accident.
    public func checkPolicy(explicitAuthorizedKeys: Bool) throws(ServeError) {
        if explicitAuthorizedKeys || isLoopback { return }
        throw ServeError.usage(
            "refusing to listen on \(self) without --authorized-keys: only a loopback address "
                + "(127.0.0.1 or ::1) may be used with your own ~/.ssh/authorized_keys. To serve a "
                + "meeting, collect the attendees' public keys in a file and pass --authorized-keys FILE.")
    }
}
