/// One line between `moneyloop serve` and a viewer host (`moneyloop serve-host`), a process
/// that runs many followers' dashboards, over the host's own pseudo-terminal (its standard
/// input and output). The server attaches a viewer by the path of the pty it opened for
/// them and says how they logged in; the host says when a viewer's dashboard has ended.
/// Nothing a client sends reaches these lines except the allow-listed variables in
/// `environment` (see `SessionLaunch`), and those only %-escaped (no space, newline or
/// control byte survives unescaped), so a value cannot start another word or line.
public enum HostMessage: Sendable, Equatable {
    /// Host → server: the control line is in raw mode; attach lines may follow.
    case ready
    /// Server → host: start a dashboard for viewer `id` on the terminal at `tty`.
    case attach(id: Int, tty: String, access: ViewerAccess, environment: [String: String])
    /// Server → host: end viewer `id` as if their dashboard got `signal`.
    case hangup(id: Int, signal: Int32)
    /// Host → server: viewer `id`'s dashboard ended with `status` (as an exit status).
    case ended(id: Int, status: Int32)
    /// Host → server, written by its crash handler: it crashed while working for viewer `id`.
    case crashed(id: Int)

    /// Every line starts with this word, so a crash report printed on the same terminal is
    /// never taken for a message.
    static let mark = "@moneyloop-host"

    /// The line to send (with its newline): the mark, the kind, then its words.
    public var line: String {
        var words = [Self.mark]
        switch self {
        case .ready: words.append("ready")
        case let .attach(id, tty, access, environment):
            words += ["attach", String(id), Self.escape(tty), access.rawValue]
            for key in environment.keys.sorted() {
                words.append(Self.escape(key) + "=" + Self.escape(environment[key]!))
            }
        case let .hangup(id, signal): words += ["hangup", String(id), String(signal)]
        case let .ended(id, status): words += ["ended", String(id), String(status)]
        case let .crashed(id): words += ["crashed", String(id)]
        }
        return words.joined(separator: " ") + "\n"
    }

    /// Reads one line (without its newline, a trailing CR ignored); nil for anything else
    /// (a crash report, a malformed line).
    public init?(line: Substring) {
        var line = line
        if line.last == "\r" { line = line.dropLast() }
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count >= 2, words[0] == Self.mark else { return nil }
        let rest = Array(words.dropFirst(2))
        switch (words[1], rest.count) {
        case ("ready", 0):
            self = .ready
        case ("attach", 3...):
            guard let id = Int(rest[0]), let tty = Self.unescape(rest[1]), let access = ViewerAccess(rawValue: String(rest[2]))
            else { return nil }
            var environment: [String: String] = [:]
            for pair in rest.dropFirst(3) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let key = Self.unescape(parts[0]), !key.isEmpty, let value = Self.unescape(parts[1])
                else { return nil }
                environment[key] = value
            }
            self = .attach(id: id, tty: tty, access: access, environment: environment)
        case ("hangup", 2):
            guard let id = Int(rest[0]), let signal = Int32(rest[1]) else { return nil }
            self = .hangup(id: id, signal: signal)
        case ("ended", 2):
            guard let id = Int(rest[0]), let status = Int32(rest[1]) else { return nil }
            self = .ended(id: id, status: status)
        case ("crashed", 1):
            guard let id = Int(rest[0]) else { return nil }
            self = .crashed(id: id)
        default:
            return nil
        }
    }

    /// `text` with `%`, `=`, space, control bytes and everything past ASCII as `%XX`.
    static func escape(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "=") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of an ``escape(_:)``d word; nil when a `%` is not followed by two hex digits
    /// or the bytes are not UTF-8.
    static func unescape(_ word: Substring) -> String? {
        func digit(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        let bytes = Array(word.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let high = digit(bytes[i + 1]), let low = digit(bytes[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
