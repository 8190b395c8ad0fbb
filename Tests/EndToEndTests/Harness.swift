import Foundation
@_exported import TestSupport
import Testing

/// The built `moneyloop` binary next to the test bundle.
let moneyloopBinary = Support.moneyloopBinary

/// A private tmux server running one command in a window of a given size.
final class TmuxSession {
    let socket: String
    let name = "ml"
    /// The command's exit status is written here by the wrapping shell.
    let statusFile: String

    /// Whether tmux is installed; end-to-end tests need it.
    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(width: Int, height: Int, command: [String], environment: [String: String] = [:]) throws {
        socket = "moneyloop-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let env = environment.map { "\($0.key)=\($0.value)" }
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status").path
        let quoted = (["env", "SWIFT_BACKTRACE=interactive=no"] + env + command)
            .map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        // A parent shell records the status, then sleeps so the pane stays as the program left it
        // (a dead pane gets tmux's own text and cursor); `kill-server` ends it.
        let shellCommand = "sh -c \"\(quoted.replacingOccurrences(of: "\"", with: "\\\"")) </dev/tty & echo \\$! > \(statusFile).pid; wait \\$!; echo \\$? > \(statusFile); exec sleep 600\""
        _ = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                      shellCommand])
        _ = try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: statusFile)
        try? FileManager.default.removeItem(atPath: statusFile + ".pid")
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try runProcess("/usr/bin/env", ["tmux", "-L", socket] + args)
        return r.out
    }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// `#{…}` formats of the pane, e.g. `alternate_on`.
    func format(_ f: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, f]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var isDead: Bool { exitStatus != nil }
    /// The command's exit status once it has ended.
    var exitStatus: Int? {
        (try? String(contentsOfFile: statusFile, encoding: .utf8)).flatMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
    /// The command's pid.
    var pid: Int32? {
        (try? String(contentsOfFile: statusFile + ".pid", encoding: .utf8)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Waits until `condition` holds on the screen text, up to `timeout` seconds.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        var last = ""
        try Support.waitUntil(timeout: .seconds(timeout), interval: .milliseconds(50)) {
            last = try screen()
            return condition(last)
        }
        return last
    }

    /// Waits until the command has exited.
    func waitForExit(timeout: Double = 10) -> Bool {
        Support.waitUntil(timeout: .seconds(timeout), interval: .milliseconds(50)) { isDead }
    }
}


extension TmuxSession: @unchecked Sendable {
    /// `waitFor` without holding a shared thread.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: @escaping @Sendable (String) -> Bool) async throws -> String {
        try await offPool { try self.waitFor(timeout: timeout, condition) }
    }

    /// `waitForExit` without holding a shared thread.
    func waitForExit(timeout: Double = 10) async -> Bool {
        (try? await offPool { self.waitForExit(timeout: timeout) }) ?? false
    }
}
