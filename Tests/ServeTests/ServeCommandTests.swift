import Foundation
import LoopServe
import Synchronization
import TestSupport
import Testing

/// `moneyloop serve` as a program: options, start-up output, host key on first use,
/// shutdown on SIGTERM.
@Suite(.serialized, .enabled(if: Fixture.moneyloop != nil, "the moneyloop executable is not built"))
struct ServeCommandTests {
    /// A running `moneyloop serve` whose stderr is collected.
    final class ServeProcess {
        let process = Process()
        final class Buffer: Sendable {
            let text = Mutex<String>("")
            /// Set when the pipe reached its end: everything the server wrote is in `text`.
            let closed = Mutex<Bool>(false)
        }
        private let lines = Buffer()

        init(_ arguments: [String], environment: [String: String]) throws {
            process.executableURL = URL(fileURLWithPath: Fixture.moneyloop!)
            process.arguments = ["serve"] + arguments
            process.environment = environment
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // A thread of its own reads to the end (not `readabilityHandler`: its Dispatch
            // source can outlive the handle, and a descriptor closed under it crashed the
            // whole test process in libdispatch).
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [lines] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty {
                        lines.closed.withLock { $0 = true }
                        return
                    }
                    lines.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
                }
            }
        }

        var output: String { lines.text.withLock { $0 } }

        /// The output, and for a server still running each of its threads' name, state, kernel
        /// wait channel and system call (/proc): what a server that does not exit is stuck in.
        var report: String {
            let pid = process.processIdentifier
            guard process.isRunning, let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
            else { return output }
            func read(_ path: String) -> String {
                ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "?").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let threads = tasks.sorted().map { tid in
                let stat = read("/proc/\(pid)/task/\(tid)/stat")
                let state = stat.lastIndex(of: ")").map { String(stat[stat.index($0, offsetBy: 2)...].prefix(1)) } ?? "?"
                return "  \(tid) \(read("/proc/\(pid)/task/\(tid)/comm")) state \(state) wchan \(read("/proc/\(pid)/task/\(tid)/wchan"))"
                    + " syscall \(read("/proc/\(pid)/task/\(tid)/syscall").prefix(40))"
            }
            return output + "\nstill running, threads:\n" + threads.joined(separator: "\n")
        }

        func waitFor(_ needle: String, timeout: Duration = .seconds(10)) -> Bool {
            Support.waitUntil(timeout: timeout, interval: .milliseconds(10)) { output.contains(needle) }
        }

        /// The port from "listening on 127.0.0.1:PORT".
        var port: Int? {
            guard let range = output.range(of: "listening on 127.0.0.1:") else { return nil }
            return Int(output[range.upperBound...].prefix(while: \.isNumber))
        }

        /// The server's exit status (a signal's number if one ended it, as `Process` gives
        /// it), or nil if it still runs after `timeout`.
        func waitForExit(timeout: Duration) -> Int32? {
            let deadline = ContinuousClock.now + timeout
            var status: Int32?
            while status == nil && ContinuousClock.now < deadline {
                // `Process` learns of the exit from its own reaper, which a busy test process
                // can hold up; an exited, unreaped server is a zombie whose status /proc has.
                status = process.isRunning ? Self.zombieStatus(process.processIdentifier) : process.terminationStatus
                if status == nil { usleep(10_000) }
            }
            guard let status else { return nil }
            // The output may still be on its way through the pipe: wait for its end.
            let drained = ContinuousClock.now + .seconds(5)
            while !lines.closed.withLock({ $0 }) && ContinuousClock.now < drained { usleep(5_000) }
            return status
        }

        /// The exit status of process `pid` if it has exited and is not reaped yet (state Z
        /// in /proc/PID/stat; its 52nd field is the status as `waitpid` reports it).
        static func zombieStatus(_ pid: Int32) -> Int32? {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.first == "Z", fields.count > 49, let raw = Int32(fields[49].trimmingCharacters(in: .whitespacesAndNewlines))
            else { return nil }
            return raw & 0x7f == 0 ? (raw >> 8) & 0xff : raw & 0x7f
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    func environment(_ root: String) -> [String: String] {
        ["HOME": root, "XDG_STATE_HOME": root + "/state", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
    }

    @Test func refusesANonLoopbackAddressWithoutAuthorizedKeys() throws {
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(["--listen", "0.0.0.0:0"], environment: environment(root))
        #expect(serve.waitForExit(timeout: .seconds(10)) == 2)
        #expect(serve.output.contains("refusing to listen on 0.0.0.0:0 without --authorized-keys"), "\(serve.output)")
    }

    @Test func explainsAMissingAuthorizedKeysFile() throws {
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(["--listen", "127.0.0.1:0"], environment: environment(root))
        #expect(serve.waitForExit(timeout: .seconds(10)) == 2)
        #expect(serve.output.contains("/.ssh/authorized_keys does not exist"), "\(serve.output)")
        let bad = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", root + "/none"], environment: environment(root))
        #expect(bad.waitForExit(timeout: .seconds(10)) == 2)
        #expect(bad.output.contains("cannot read the authorized keys"), "\(bad.output)")
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "ssh-keygen is not installed"))
    func rejectsAMissingSessionCommandBeforeListening() throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(
            ["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized, "--session-command", "no-such-program-here"],
            environment: environment(root))
        #expect(serve.waitForExit(timeout: .seconds(10)) == 2)
        #expect(serve.output.contains("no-such-program-here not found"), "\(serve.output)")
        #expect(!serve.output.contains("listening on"))
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "the OpenSSH client is not installed"))
    func startsPrintsTheFingerprintServesAndStopsCleanly() throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(
            ["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized, "--max-sessions", "4",
             "--session-command", "/bin/sh", "-c", "echo PID $$; exec cat"],
            environment: environment(root))
        #expect(serve.waitFor("listening on 127.0.0.1:"), "\(serve.output)")
        let port = try #require(serve.port)

        // The host key was created on first use, private, and its fingerprint printed.
        let keyPath = root + "/state/moneyloop/ssh_host_ed25519_key"
        var info = stat()
        #expect(stat(keyPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let hostKey = try HostKey.load(path: keyPath)
        #expect(serve.output.contains("host key \(hostKey.fingerprint) (ED25519) created in \(keyPath)"), "\(serve.output)")

        // The client checks the host key against a known_hosts line made from that file.
        let knownHosts = root + "/known_hosts"
        try "[127.0.0.1]:\(port) \(hostKey.publicKeyLine)\n".write(toFile: knownHosts, atomically: true, encoding: .utf8)
        let command = Fixture.sshCommand(port: port, key: keys.viewer).map {
            $0 == "UserKnownHostsFile=/dev/null" ? "UserKnownHostsFile=\(knownHosts)"
                : $0 == "StrictHostKeyChecking=no" ? "StrictHostKeyChecking=yes" : $0
        }
        let viewers = try (0..<2).map { _ in try TerminalClient(command) }
        for viewer in viewers { #expect(viewer.waitFor("PID "), "\(viewer.text)") }
        let pids = viewers.compactMap { viewer -> Int32? in
            guard let range = viewer.text.range(of: "PID ") else { return nil }
            return Int32(viewer.text[range.upperBound...].prefix(while: \.isNumber))
        }
        #expect(pids.count == 2)

        // SIGTERM: viewers are disconnected, their sessions end, the server exits 0.
        serve.process.terminate()
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
        for viewer in viewers { #expect(viewer.waitForExit(timeout: .seconds(10)) != nil) }
        for pid in pids { #expect(kill(pid, 0) != 0, "session process \(pid) outlived the server") }
        #expect(serve.output.contains("stopped"))

        // The second start reuses the key.
        let again = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized], environment: environment(root))
        #expect(again.waitFor("host key \(hostKey.fingerprint) (ED25519) from \(keyPath)"), "\(again.output)")
        again.process.interrupt()
        #expect(again.waitForExit(timeout: .seconds(8)) == 0)
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "ssh-keygen is not installed"))
    func followCreatesThePrivateRelaySocket() throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        var env = environment(root)
        env["XDG_RUNTIME_DIR"] = root
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized, "--follow"], environment: env)
        #expect(serve.waitFor("listening on 127.0.0.1:"), "\(serve.output)")
        let socket = root + "/moneyloop/share.sock"
        #expect(serve.output.contains("presenter relay listening on \(socket)"))
        var info = stat()
        #expect(stat(socket, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(root + "/moneyloop", &info) == 0 && info.st_mode & 0o777 == 0o700)
        serve.process.terminate()
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
        #expect(stat(socket, &info) != 0, "the socket is removed on exit")
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "ssh-keygen is not installed"))
    func aMissingHostKeyFileIsCreatedPrivate() throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        let path = root + "/keys/given_host_key"
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized, "--host-key", path],
                                     environment: environment(root))
        #expect(serve.waitFor("listening on 127.0.0.1:"), "\(serve.output)")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let hostKey = try HostKey.load(path: path)
        #expect(serve.output.contains("host key \(hostKey.fingerprint) (ED25519) created in \(path)"), "\(serve.output)")
        serve.process.terminate()
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
    }

    /// Dashboards of their own; followers in a viewer host; followers each in a process.
    @Test(.enabled(if: Fixture.hasOpenSSH && Fixture.pyte != nil, "needs the OpenSSH client and python3 with pyte"),
          arguments: [[], ["--follow"], ["--follow", "--viewers-per-host", "0"]])
    func stoppingTheServerEndsTheMeetingAndGivesEachScreenBack(options: [String]) throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized] + options,
                                     environment: environment(root))
        #expect(serve.waitFor("listening on 127.0.0.1:"), "\(serve.output)")
        let port = try #require(serve.port)
        let viewers = try (0..<2).map { _ in try TerminalClient(Fixture.sshCommand(port: port, key: keys.viewer)) }
        for viewer in viewers {
            #expect(viewer.waitFor("GPU", timeout: .seconds(30)), "\(viewer.text)")
            #expect(try ClientScreen(viewer.output).alternateScreen == true)
        }
        serve.process.terminate()  // SIGTERM
        for viewer in viewers {
            #expect(viewer.waitForExit(timeout: .seconds(20)) == .exited(0), "\(viewer.text.suffix(300))")
            let screen = try ClientScreen(viewer.output)
            let modes = "alternate \(screen.alternateScreen as Any), cursor \(screen.cursorVisible as Any), "
                + "keypad \(screen.applicationKeypad as Any)"
            #expect(screen.isRestored, "\(modes)")
            #expect(screen.text.contains("the meeting has ended"), "\(screen.text)")
        }
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
        #expect(serve.output.components(separatedBy: "closed by the server: the meeting has ended").count == 3, "\(serve.output)")
        #expect(!serve.output.contains("closed by the client"), "\(serve.output)")
        #expect(serve.output.contains("in viewer host pid") == (options == ["--follow"]), "\(options): \(serve.output)")
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "the OpenSSH client is not installed"))
    func theLoginGraceIsAnOption() throws {
        let keys = try #require(Fixture.keys)
        let root = Fixture.temporaryDirectory("cli")
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--authorized-keys", keys.authorized, "--login-grace", "2"],
                                     environment: environment(root))
        #expect(serve.waitFor("listening on 127.0.0.1:"), "\(serve.output)")
        let silent = try RawConnection(port: try #require(serve.port))
        // Closed after 2 s, well before the default 10 s (a loaded machine gets some slack).
        #expect(silent.waitForClose(timeout: .seconds(7)), "a silent connection outlived --login-grace 2")
        #expect(serve.waitFor("not authenticated within the login grace time"), "\(serve.output)")
        serve.process.terminate()
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
    }

    /// `serve --passcode` without `--follow`: whoever types the code still follows the
    /// presenter (read-only), so the slide's one line is all a room needs.
    @Test(.enabled(if: Fixture.hasOpenSSH && Fixture.pyte != nil, "needs the OpenSSH client and python3 with pyte"))
    func aPasscodeViewerFollowsThePresenterWithoutFollow() throws {
        let root = Fixture.temporaryDirectory("cli")
        var env = environment(root)
        env["XDG_RUNTIME_DIR"] = root
        let serve = try ServeProcess(["--listen", "127.0.0.1:0", "--passcode", "tiger-42"], environment: env)
        #expect(serve.waitFor("passcode viewers follow the presenter"), "\(serve.output)")
        let port = try #require(serve.port)
        let presenter = try TerminalClient(
            [try #require(Fixture.moneyloop), "--share", "--paused"], columns: 120, rows: 40,
            environment: ["XDG_RUNTIME_DIR": root, "XDG_STATE_HOME": root + "/state", "LANG": "C.UTF-8"])
        #expect(presenter.waitFor("GPU utilization", timeout: .seconds(30)), "the presenter did not start")
        let viewer = try TerminalClient(Fixture.passcodeCommand(port: port), columns: 120, rows: 40)
        #expect(viewer.waitFor("password:", timeout: .seconds(10)), "\(viewer.text)")
        viewer.send("tiger-42\r")
        #expect(viewer.waitFor("GPU", timeout: .seconds(30)), "\(viewer.text)")
        presenter.send("\u{1b}OC")  // the utilization lever, 75% → 76%
        let deadline = ContinuousClock.now + .seconds(20)
        var shown = ""
        repeat {
            _ = presenter.pump(timeout: .milliseconds(10))
            _ = viewer.pump(timeout: .milliseconds(200))
            shown = try ClientScreen(viewer.output, columns: 120, rows: 40).text
        } while !shown.contains("76%") && ContinuousClock.now < deadline
        #expect(shown.range(of: #"GPU utilization +76%"#, options: .regularExpression) != nil, "\(shown)")
        presenter.kill()
        serve.process.terminate()
        #expect(viewer.waitForExit(timeout: .seconds(20)) == .exited(0))
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
    }

    @Test(.enabled(if: Fixture.hasOpenSSH, "the OpenSSH client is not installed"))
    func aPasscodeAloneNeedsNoKeysAndPrintsTheLineForTheRoom() throws {
        let root = Fixture.temporaryDirectory("cli")  // no ~/.ssh/authorized_keys here
        let serve = try ServeProcess(["--listen", "0.0.0.0:0", "--passcode", "--session-command", "/bin/sh", "-c", "echo JOINED"],
                                     environment: environment(root))
        #expect(serve.waitFor("passcode: "), "\(serve.output)")
        #expect(serve.output.contains("keys off, passcode on"), "\(serve.output)")
        let line = try #require(serve.output.components(separatedBy: "\n").first { $0.contains("the room joins with: ssh -p ") })
        let port = try #require(Int(line.components(separatedBy: "ssh -p ")[1].prefix(while: \.isNumber)))
        let code = String(try #require(line.components(separatedBy: "passcode: ").last))
        #expect(code.count == 7, "\(line)")
        let client = try TerminalClient(Fixture.passcodeCommand(port: port))
        #expect(client.waitFor("password:", timeout: .seconds(10)), "\(client.text)")
        client.send(code + "\r")
        #expect(client.waitFor("JOINED", timeout: .seconds(10)), "\(client.text)")
        serve.process.terminate()
        #expect(serve.waitForExit(timeout: .seconds(20)) == 0, "\(serve.report)")
        #expect(!serve.output.contains("authorized key"), "keys must be off: \(serve.output)")
    }
}
