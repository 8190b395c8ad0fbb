import Foundation

/// One line between `moneyloop serve` and a viewer host (`moneyloop serve-host`), a process
/// that runs many followers' dashboards: JSON, one message a line, over the host's own
/// pseudo-terminal (its standard input and output). The server attaches a viewer by the
/// path of the pty it opened for them and says how they logged in; the host says when a
/// viewer's dashboard has ended. Nothing a client sends reaches these lines except the
/// allow-listed variables in `environment` (see ``SessionLaunch``).
public enum HostMessage: Codable, Sendable, Equatable {
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

    /// The line to send (with its newline).
    public var line: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads one line (without its newline); nil for anything else (a crash report).
    public init?(line: Substring) {
        guard line.first == "{", let m = try? JSONDecoder().decode(HostMessage.self, from: Data(line.utf8)) else { return nil }
        self = m
    }
}

extension ViewerAccess: Codable {}
