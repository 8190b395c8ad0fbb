#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's log: one line per event (connections, authentications, sessions,
/// refusals) written to standard error, never to a viewer's screen.
///
/// Each line is `2025-11-30T02:20:00Z moneyloop serve: message`, written with a single
/// `write(2)` so lines from different event loops never interleave. Viewer-supplied
/// text (user names, TERM values, commands) is passed through ``ServeLog/quote(_:)``
/// so it cannot forge log lines or send escape sequences to the operator's terminal.
public struct ServeLog: Sendable {
    /// Where lines go: a file descriptor (2 by default) or a custom sink for tests.
    public enum Sink: Sendable {
        case fileDescriptor(Int32)
        case custom(@Sendable (String) -> Void)
    }

    public let sink: Sink
    /// Whether `debug` lines are written.
    public let verbose: Bool

    public init(sink: Sink = .fileDescriptor(2), verbose: Bool = false) {
        self.sink = sink
        self.verbose = verbose
    }

    /// A log that drops every line.
    public static var silent: ServeLog { ServeLog(sink: .custom({ _ in }), verbose: false) }

    /// Logs one event.
    public func info(_ message: String) { emit(message) }

    /// Logs a problem the operator should act on.
    public func warning(_ message: String) { emit("warning: " + message) }

    /// Logs a detail that only `--verbose` shows.
    public func debug(_ message: String) {
        if verbose { emit(message) }
    }

    private func emit(_ message: String) {
        let line = ServeLog.timestamp() + " moneyloop serve: " + message + "\n"
        switch sink {
        case .custom(let write):
            write(line)
        case .fileDescriptor(let fd):
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeMutableBytes { raw in
                    write(fd, raw.baseAddress! + offset, raw.count - offset)
                }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// Renders untrusted text safely for a log line: printable ASCII kept, everything
    /// else as `\xNN` or `\u{…}`, at most 200 characters, in double quotes.
    public static func quote(_ text: String) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > 200 {
                out += "…"
                break
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x80 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
        }
        return out + "\""
    }

    /// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
