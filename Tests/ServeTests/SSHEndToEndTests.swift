import Foundation
import LoopServe
import NIOCore
import Testing
import TestSupport

/// The server against the real OpenSSH client on loopback, each client on its own
/// pseudo-terminal. Sessions run small shell scripts instead of the dashboard.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH, "the OpenSSH client (ssh, ssh-keygen) is not installed"))
struct SSHEndToEndTests {
    /// Prints its terminal size and TERM, then echoes input; prints the size again on SIGWINCH.
    static let probe = ["/bin/sh", "-c",
        "trap 'echo SIZE $(stty size); W=1' WINCH; "
            + "echo READY TERM=$TERM CLIENT_TERM=${MONEYLOOP_CLIENT_TERM:-none} SIZE $(stty size); "
            // dash's `read` fails when the trapped SIGWINCH interrupts it: keep reading then; stop at EOF.
            + "while :; do W=0; read line; rc=$?; if [ $rc -eq 0 ]; then echo GOT $line; elif [ $W = 0 ]; then exit; fi; done"]

    @Test func authorizedViewerSeesTheSession() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer), columns: 100, rows: 30)
        #expect(client.waitFor("READY TERM=xterm-256color CLIENT_TERM=none SIZE 30 100"), "\(client.text)")
        let setup = ContinuousClock.now - client.started
        client.send("hello\r")
        #expect(client.waitFor("GOT hello"))
        #expect(await log.waitFor("authenticated by public key SHA256:"))
        print("session set-up took \(setup)")  // budget: Scripts/bench-serve.sh
        client.kill()
        #expect(await log.waitFor("closed by the client"))
        #expect(await log.waitFor("ended: killed by signal 1"))  // SIGHUP reached the session
    }

    @Test func keyNotInTheFileIsRefused() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.stranger))
        let exit = client.waitForExit()
        #expect(exit == .exited(255))
        #expect(client.text.contains("Permission denied (publickey)"), "\(client.text)")
        #expect(!client.text.contains("READY"))
        #expect(await log.waitFor("not in \(keys.authorized)"))
        #expect(server.state.counts.sessionsStarted == 0)
    }

    @Test func sessionWithoutPTYIsRefusedWithAMessage() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer, tty: false))
        #expect(client.waitForExit() == .exited(1))
        #expect(client.text.contains("this server needs a terminal"), "\(client.text)")
        #expect(await log.waitFor("refused a session without a PTY"))
        #expect(server.state.counts.sessionsStarted == 0)
    }

    @Test func execAndSubsystemAreRefusedWithAMessage() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let exec = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer, command: ["cat", "/etc/passwd"]))
        #expect(exec.waitForExit() == .exited(1))
        #expect(exec.text.contains("commands are not available here"), "\(exec.text)")
        #expect(!exec.text.contains("root:"))
        let sftp = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer, tty: false, extra: ["-s"], command: ["sftp"]))
        #expect(sftp.waitForExit() == .exited(1))
        #expect(sftp.text.contains("subsystem sftp is not available"), "\(sftp.text)")
        #expect(await log.waitFor("refused exec request \"cat /etc/passwd\""))
        #expect(await log.waitFor("refused subsystem request \"sftp\""))
        #expect(server.state.counts.sessionsStarted == 0)
    }

    @Test func portForwardingIsRefused() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        // -W asks for a direct-tcpip channel (what -L uses for each connection).
        let client = try TerminalClient(Fixture.sshCommand(
            port: server.port, key: keys.viewer, tty: false, extra: ["-W", "127.0.0.1:\(server.port)"]))
        #expect(client.waitForExit() == .exited(255))
        #expect(await log.waitFor("refused a direct-tcpip"))
        // -R: a tcpip-forward global request.
        let remote = try TerminalClient(Fixture.sshCommand(
            port: server.port, key: keys.viewer, extra: ["-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"]))
        #expect(remote.waitForExit() == .exited(255))
        #expect(remote.text.contains("forwarding failed"), "\(remote.text)")
        #expect(await log.waitFor("refused remote port forwarding"))
    }

    @Test func x11ForwardingStallsAndIsEndedWithAdvice() async throws {
        // swift-nio-ssh misparses x11-req; the session set-up timer ends it with advice.
        var limits = ServerLimits()
        limits.sessionSetupTimeout = .milliseconds(800)
        let (server, log) = try await Fixture.startServer(command: Self.probe, limits: limits)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(
            Fixture.sshCommand(port: server.port, key: keys.viewer).map { $0 == "-x" ? "-X" : $0 },
            environment: ["DISPLAY": ":0"])
        #expect(client.waitForExit(timeout: .seconds(5)) == .exited(1))
        #expect(client.text.contains("connect with ssh -x"), "\(client.text)")
        #expect(await log.waitFor("set-up timed out"))
    }

    @Test func windowChangeReachesTheSession() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer), columns: 80, rows: 24)
        #expect(client.waitFor("SIZE 24 80"))
        client.resize(columns: 132, rows: 43)
        #expect(client.waitFor("SIZE 43 132"), "\(client.text)")
        client.resize(columns: 40, rows: 10)
        #expect(client.waitFor("SIZE 10 40"), "\(client.text)")
        _ = log
    }

    @Test func unknownTermFallsBackToXterm256color() async throws {
        let empty = Fixture.temporaryDirectory("terminfo")
        try FileManager.default.createDirectory(atPath: empty + "/x", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: empty + "/x/xterm-256color", contents: Data())
        let (server, log) = try await Fixture.startServer(command: Self.probe, terminfo: [empty])
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(
            Fixture.sshCommand(port: server.port, key: keys.viewer), environment: ["TERM": "xterm-kitty"])
        #expect(client.waitFor("READY TERM=xterm-256color CLIENT_TERM=xterm-kitty"), "\(client.text)")
        #expect(await log.waitFor("TERM \"xterm-kitty\" has no terminfo here, using xterm-256color"))
    }

    @Test func killingOneViewerLeavesTheOthersAndTheServerRunning() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.probe)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let viewers = try (0..<3).map { _ in try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer)) }
        for viewer in viewers { #expect(viewer.waitFor("READY")) }
        #expect(server.state.counts.sessions == 3)
        viewers[1].kill()
        #expect(await log.waitFor("ended: killed by signal 1"))
        for (i, viewer) in viewers.enumerated() where i != 1 {
            viewer.send("still-\(i)\r")
            #expect(viewer.waitFor("GOT still-\(i)"), "viewer \(i): \(viewer.text)")
        }
        let late = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(late.waitFor("READY"))
        #expect(server.state.counts.sessions == 3)
        #expect(server.state.counts.childrenRunning == 3)
    }

    @Test func aCrashingSessionEndsOnlyItself() async throws {
        // The viewer who sends LC_CRASH gets a session that dies of SIGSEGV.
        let (server, log) = try await Fixture.startServer(command: ["/bin/sh", "-c",
            "echo READY; if [ -n \"$LC_CRASH\" ]; then kill -SEGV $$; fi; exec cat"])
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let calm = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(calm.waitFor("READY"))
        let crashing = try TerminalClient(
            Fixture.sshCommand(port: server.port, key: keys.viewer, extra: ["-o", "SendEnv=LC_CRASH"]),
            environment: ["LC_CRASH": "1"])
        #expect(crashing.waitForExit() == .exited(128 + SIGSEGV))
        #expect(await log.waitFor("killed by signal \(SIGSEGV)"))
        calm.send("alive\r")
        #expect(calm.waitFor("alive\r\nalive"), "\(calm.text)")  // the pty echoes, cat repeats
        #expect(server.state.counts.sessions == 1)
    }

    @Test func sessionEndsWithTheDashboardsExitStatus() async throws {
        let (server, _) = try await Fixture.startServer(command: ["/bin/sh", "-c", "echo BYE; exit 7"])
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(client.waitForExit() == .exited(7))
        #expect(client.text.contains("BYE"))
        // A lot of output just before exit is not lost (EOF, then exit-status, then close).
        let (big, _) = try await Fixture.startServer(command: ["/bin/sh", "-c", "seq 1 20000; echo END; exit 3"])
        defer { Task { await big.shutdown() } }
        let bulk = try TerminalClient(Fixture.sshCommand(port: big.port, key: keys.viewer))
        #expect(bulk.waitForExit(timeout: .seconds(10)) == .exited(3))
        #expect(bulk.text.contains("19999\r\n20000\r\nEND"))
    }

    @Test func clientEOFThenExitKeepsTheExitStatus() async throws {
        // `ssh -tt` with stdin not a terminal: a 0x0 size (the server uses 80x24), and EOF at
        // once. After the client's EOF the server must not send EOF (NIOSSH throws and the
        // client would see status -1): a zero-length write is the barrier before exit-status.
        let (server, log) = try await Fixture.startServer(command: ["/bin/sh", "-c", "sleep 0.3; echo BYE $(stty size); exit 5"])
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let result = try Fixture.run(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(result.status == 5, "\(result.output)")
        #expect(result.output.contains("BYE 24 80"), "\(result.output)")
        #expect(await log.waitFor("ended: exit status 5"))
        #expect(await log.waitFor("ending after the client's EOF"))
    }

    @Test func serverFullAndSessionLimits() async throws {
        var limits = ServerLimits()
        limits.maxSessions = 2
        let (server, log) = try await Fixture.startServer(command: Self.probe, limits: limits)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let a = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        let b = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(a.waitFor("READY") && b.waitFor("READY"))
        let c = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(c.waitForExit() == .exited(1))
        #expect(c.text.contains("the server is full (2 viewers)"), "\(c.text)")
        #expect(await log.waitFor("2 sessions already open"))
        a.kill()
        #expect(await log.waitFor("ended: killed by signal 1"))
        let d = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(d.waitFor("READY"), "a slot is free again: \(d.text)")
    }

    @Test func unauthenticatedConnectionsAreBoundedAndTimedOut() async throws {
        var limits = ServerLimits()
        limits.maxUnauthenticated = 2
        limits.loginGrace = .milliseconds(800)
        let (server, log) = try await Fixture.startServer(command: Self.probe, limits: limits)
        defer { Task { await server.shutdown() } }
        // Two silent TCP connections fill the unauthenticated slots; a third is closed at once.
        let silent = try (0..<3).map { _ in try RawConnection(port: server.port) }
        #expect(await log.waitFor("refused connection from 127.0.0.1"))
        #expect(silent[2].waitForClose(timeout: .seconds(10)))
        // The grace time closes the other two.
        #expect(silent[0].waitForClose(timeout: .seconds(10)))
        #expect(silent[1].waitForClose(timeout: .seconds(10)))
        #expect(await log.waitFor("not authenticated within the login grace time"))
        let deadline = ContinuousClock.now + .seconds(2)
        while server.state.counts.connections > 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.state.counts.connections == 0)
        #expect(server.state.counts.unauthenticated == 0)
    }

    @Test func idleConnectionsAreClosed() async throws {
        var limits = ServerLimits()
        limits.idleTimeout = .milliseconds(700)
        let (server, log) = try await Fixture.startServer(command: ["/bin/sh", "-c", "echo READY; exec cat"], limits: limits)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(client.waitFor("READY"))
        #expect(client.waitForExit(timeout: .seconds(10)) != nil)
        #expect(await log.waitFor("idle for longer than the idle timeout"))
    }

    @Test func tooManyAuthenticationAttemptsDisconnect() async throws {
        var limits = ServerLimits()
        limits.maxAuthAttempts = 3
        let (server, log) = try await Fixture.startServer(command: Self.probe, limits: limits)
        defer { Task { await server.shutdown() } }
        let keys = try #require(Fixture.keys)
        // The stranger key first (query + signed attempt), then `none`: the viewer's key never gets a turn.
        let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.stranger, extra: ["-i", keys.viewer]))
        #expect(client.waitForExit() == .exited(255))
        #expect(!client.text.contains("READY"), "\(client.text)")
        #expect(await log.waitFor("disconnected"))
        #expect(!log.text.contains("authenticated by public key"))
        #expect(server.state.counts.sessionsStarted == 0)
    }
}

/// A plain TCP connection that never speaks SSH.
final class RawConnection {
    let fd: Int32

    /// Connects to 127.0.0.1:`port` from `source` (any loopback address on Linux).
    init(port: Int, from source: String = "127.0.0.1") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if rc != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit { close(fd) }

    /// Reads (and drops) until the server closes the connection.
    func waitForClose(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 50) > 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { return true }
            }
        }
        return false
    }
}
