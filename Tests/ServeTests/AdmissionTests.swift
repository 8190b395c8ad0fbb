import Foundation
import LoopServe
import NIOCore
import Testing
import TestSupport

/// Before authentication: silent connections cannot keep a real viewer out, are limited
/// per address, and channels are capped as they open. With the real OpenSSH client.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH, "the OpenSSH client (ssh, ssh-keygen) is not installed"))
struct AdmissionTests {
    static let echo = ["/bin/sh", "-c", "echo READY; exec cat"]

    @Test func theDefaultLoginGraceIsAtMostTenSeconds() {
        #expect(ServerLimits().loginGrace <= .seconds(10))
        #expect(ServerLimits().maxUnauthenticatedPerAddress < ServerLimits().maxUnauthenticated)
    }

    @Test func aViewerLogsInWithinFiveSecondsWhileSixtySilentConnectionsAreOpen() async throws {
        // A long login grace: this test is about admission, and under a loaded test run the
        // default 10 s grace can close the silent connections before they are counted.
        var limits = ServerLimits()
        limits.loginGrace = .seconds(120)
        let (server, log) = try await Fixture.startServer(command: Self.echo, limits: limits)
        let keys = try #require(Fixture.keys)
        // Sixty connections that never speak SSH, from six addresses (ten each).
        let silent = try (0..<60).map { i in try RawConnection(port: server.port, from: "127.0.0.\(2 + i / 10)") }
        let deadline = ContinuousClock.now + .seconds(60)
        while server.state.counts.unauthenticated < 60 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.state.counts.unauthenticated == 60)
        let started = ContinuousClock.now
        let viewer = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(viewer.waitFor("READY", timeout: .seconds(5)), "\(viewer.text)")
        let took = ContinuousClock.now - started
        print("a viewer logged in after \(took) with 60 silent connections open")
        #expect(took < .seconds(5))
        #expect(await log.waitFor("authenticated by public key"))
        viewer.kill()
        _ = silent
        await server.shutdown()
    }

    /// paramiko sends keyboard-interactive and password requests whatever the server lists
    /// (the script is shared with Scripts/bench-serve.sh).
    static let unaskedLogin = Support.root.appendingPathComponent("tools/unasked_login.py").path

    @Test(.enabled(if: Fixture.paramiko != nil, "needs python3 with paramiko"))
    func keyboardInteractiveAndPasswordAttemptsAreAnsweredAtOnce() async throws {
        let (server, log) = try await Fixture.startServer(command: Self.echo)
        for method in ["kbd", "password"] {
            let r = try Fixture.run([try #require(Fixture.paramiko), Self.unaskedLogin, "\(server.port)", method])
            #expect(r.output.contains("REFUSED"), "\(method): \(r.output)")
            let seconds = Double(r.output.components(separatedBy: "AFTER ").last?.prefix(while: { $0 != "\n" }) ?? "") ?? 99
            // Answered, not left to the 10 s login grace (the 1 s figure: Scripts/bench-serve.sh).
            #expect(seconds < 5, "\(method) was answered after \(seconds) s")
        }
        #expect(await log.waitFor("closing: protocol error before authenticating"))
        #expect(await log.waitFor("refused password authentication"))
        await server.shutdown()
    }

    @Test func unauthenticatedConnectionsAreLimitedPerAddress() async throws {
        var limits = ServerLimits()
        limits.maxUnauthenticatedPerAddress = 3
        let (server, log) = try await Fixture.startServer(command: Self.echo, limits: limits)
        let keys = try #require(Fixture.keys)
        let crowd = try (0..<4).map { _ in try RawConnection(port: server.port, from: "127.0.0.20") }
        // The fourth from that address is closed at once; another address still gets in.
        #expect(crowd[3].waitForClose(timeout: .seconds(3)))
        #expect(await log.waitFor("3 connections from this address still authenticating"))
        let other = try RawConnection(port: server.port, from: "127.0.0.21")
        #expect(!other.waitForClose(timeout: .milliseconds(300)))
        let viewer = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer))
        #expect(viewer.waitFor("READY", timeout: .seconds(5)), "\(viewer.text)")
        viewer.kill()
        await server.shutdown()
    }

    @Test func channelsPerConnectionAreCappedWhenTheyOpen() async throws {
        var limits = ServerLimits()
        limits.maxSessionsPerConnection = 2
        let (server, log) = try await Fixture.startServer(command: Self.echo, limits: limits)
        let keys = try #require(Fixture.keys)
        let control = Fixture.temporaryDirectory("mux") + "/cm"
        let mux = ["-o", "ControlMaster=auto", "-o", "ControlPath=\(control)", "-o", "ControlPersist=no"]
        // One connection (the first client is the master), three sessions on it.
        let clients = try (0..<3).map { i -> TerminalClient in
            let client = try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer, extra: mux))
            if i == 0 { #expect(client.waitFor("READY", timeout: .seconds(5))) }
            return client
        }
        #expect(clients[1].waitFor("READY", timeout: .seconds(5)), "\(clients[1].text)")
        #expect(await log.waitFor("refused a session channel: 2 already open on this connection"))
        // OpenSSH then falls back to a connection of its own for the third session.
        #expect(clients[2].waitFor("READY", timeout: .seconds(5)), "\(clients[2].text)")
        #expect(server.state.counts.connections == 2)
        #expect(server.state.counts.sessions == 3)
        clients.forEach { $0.kill() }
        await server.shutdown()
    }
}
