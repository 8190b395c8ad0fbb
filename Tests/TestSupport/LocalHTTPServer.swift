import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-connection-at-a-time HTTP server on 127.0.0.1 for testing the real client: each
/// request is answered by `respond`, which returns the raw bytes to send (or nil to send
/// nothing and hold the connection open until the server stops).
public final class LocalHTTPServer: @unchecked Sendable {
    public let port: UInt16
    private let fd: Int32
    private let respond: @Sendable (_ head: String) -> Data?
    private let lock = NSLock()
    private var stopped = false
    private var held: [Int32] = []

    public init(respond: @escaping @Sendable (_ head: String) -> Data?) throws {
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
        self.fd = fd
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    private func serve() {
        while true {
            let c = accept(fd, nil, nil)
            if c < 0 { return }
            var head = Data()
            var buf = [UInt8](repeating: 0, count: 4096)
            while !head.contains(Data("\r\n\r\n".utf8)) {
                let n = read(c, &buf, buf.count)
                if n <= 0 { break }
                head.append(contentsOf: buf[0..<n])
            }
            if let reply = respond(String(decoding: head, as: UTF8.self)) {
                reply.withUnsafeBytes { _ = write(c, $0.baseAddress, reply.count) }
                close(c)
            } else {
                lock.withLock { held.append(c) }
            }
        }
    }

    public func stop() {
        lock.withLock {
            for c in held { close(c) }
            held = []
        }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    /// A complete HTTP/1.1 response.
    public static func response(_ status: Int, _ body: Data, contentLength: Int? = nil) -> Data {
        var head = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nConnection: close\r\n"
        head += "Content-Length: \(contentLength ?? body.count)\r\n\r\n"
        return Data(head.utf8) + body
    }
}
