import CServe
import Foundation
import LoopServe
import Testing

/// A program (usually `ssh`) running on its own pseudo-terminal, as a person's terminal
/// would run it: it is the session leader, the pty is its controlling terminal, and
/// resizing the pty sends it SIGWINCH. Output is collected raw.
final class TerminalClient {
    let pty: PseudoTerminal
    let process: ChildProcess
    private(set) var output: [UInt8] = []
    private(set) var exit: ChildProcess.Exit?
    let started = ContinuousClock.now

    init(_ arguments: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        pty = try PseudoTerminal.open(columns: columns, rows: rows)
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "xterm-256color"]
        env.merge(environment) { $1 }
        do {
            process = try ChildProcess.spawn(
                executable: arguments[0], arguments: arguments, environment: env, terminalPath: pty.slavePath)
        } catch {
            close(pty.master)
            throw error
        }
        _ = cserve_set_nonblocking(pty.master, 1)
    }

    deinit {
        if exit == nil {
            process.signalGroup(SIGKILL)
            _ = waitForExit(timeout: .seconds(2))
        }
        close(pty.master)
    }

    /// The output so far as text (invalid UTF-8 replaced).
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads whatever is available, waiting up to `timeout` for the first byte.
    @discardableResult
    func pump(timeout: Duration = .milliseconds(50)) -> Int {
        var fds = pollfd(fd: pty.master, events: Int16(POLLIN), revents: 0)
        let ms = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&fds, 1, ms) > 0 else { return 0 }
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(pty.master, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            output += chunk[0..<n]
            total += n
        }
        return total
    }

    /// Waits until the output contains `needle`; false on timeout.
    func waitFor(_ needle: String, timeout: Duration = .seconds(5)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        let bytes = Array(needle.utf8)
        while true {
            if contains(bytes) { return true }
            if ContinuousClock.now >= deadline { return false }
            if pump(timeout: .milliseconds(20)) == 0, exit == nil, let ended = process.reap() {
                exit = ended
                pump(timeout: .zero)
                return contains(bytes)
            }
        }
    }

    /// Counts occurrences of `needle` in the output.
    func count(_ needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    private func contains(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, output.count >= bytes.count else { return bytes.isEmpty }
        return output.withUnsafeBufferPointer { out in
            var i = 0
            while i + bytes.count <= out.count {
                if out[i] == bytes[0] && Array(out[i..<(i + bytes.count)]) == bytes { return true }
                i += 1
            }
            return false
        }
    }

    /// Types text, as a person's terminal does: when the program has not yet read what came
    /// before (the pty is full, e.g. right after a paste), waits for room instead of losing
    /// the keys (a non-blocking write would fail with EAGAIN). A key the terminal could not
    /// take within `timeout` is a test failure of its own.
    func send(_ text: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation) {
        guard sendAll(Array(text.utf8), timeout: timeout) else {
            Issue.record("the terminal did not take \(text.debugDescription) within \(timeout)", sourceLocation: sourceLocation)
            return
        }
    }

    /// Types all of `bytes`, however many (a paste): waits for the terminal to take them,
    /// reading the program's output meanwhile. False when `timeout` passed first.
    func sendAll(_ bytes: [UInt8], timeout: Duration) -> Bool {
        var offset = 0
        let deadline = ContinuousClock.now + timeout
        while offset < bytes.count && ContinuousClock.now < deadline {
            let n = bytes[offset...].withUnsafeBytes { write(pty.master, $0.baseAddress!, min($0.count, 4096)) }
            if n > 0 { offset += n } else { pump(timeout: .milliseconds(5)) }
        }
        return offset == bytes.count
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    func resize(columns: Int, rows: Int) {
        pty.setWindowSize(columns: columns, rows: rows)
    }

    /// Waits for the program to exit, draining its output.
    func waitForExit(timeout: Duration = .seconds(5)) -> ChildProcess.Exit? {
        let deadline = ContinuousClock.now + timeout
        while exit == nil && ContinuousClock.now < deadline {
            pump(timeout: .milliseconds(20))
            if let ended = process.reap() { exit = ended }
        }
        pump(timeout: .zero)
        return exit
    }

    /// Kills the program (SIGKILL to its process group) and reaps it.
    func kill() {
        guard exit == nil else { return }
        process.signalGroup(SIGKILL)
        _ = waitForExit(timeout: .seconds(2))
    }
}
