import Foundation
import LoopServe
import Testing
import TestSupport

/// Twenty viewers over SSH whose sessions follow the presenter through the relay.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.python != nil, "needs ssh, ssh-keygen and python3"))
@MainActor
struct FollowEndToEndTests {
    /// A follower stand-in for the dashboard: subscribes to $MONEYLOOP_SHARE_SOCKET and
    /// prints every line it gets.
    static let follower = """
        import os, socket, sys
        s = socket.socket(socket.AF_UNIX)
        s.connect(os.environ["MONEYLOOP_SHARE_SOCKET"])
        s.sendall(b"moneyloop-share 1 subscribe\\n")
        f = s.makefile("rb")
        assert f.readline() == b"ok\\n"
        sys.stdout.write("FOLLOWING\\n"); sys.stdout.flush()
        for line in f:
            sys.stdout.write("LINE " + line.decode().rstrip("\\n") + "\\n"); sys.stdout.flush()
        """

    /// Pumps every client until each one's output contains `needle`.
    nonisolated static func waitAll(_ clients: [TerminalClient], _ needle: String, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var pending = Array(clients.indices)
        while !pending.isEmpty && ContinuousClock.now < deadline {
            pending.removeAll { clients[$0].waitFor(needle, timeout: .zero) }
            if !pending.isEmpty { clients[pending[0]].pump(timeout: .milliseconds(5)) }
        }
        return pending.isEmpty
    }

    @Test func twentyViewersSeeAPresentersChange() async throws {
        let socket = Fixture.temporaryDirectory("follow") + "/share.sock"
        let relay = try ShareRelay.start(path: socket, log: .silent)
        let python = try #require(Fixture.python)
        let (server, log) = try await Fixture.startServer(command: [python, "-u", "-c", Self.follower], shareSocket: socket)
        let keys = try #require(Fixture.keys)

        let started = ContinuousClock.now
        let viewers = try (0..<20).map { _ in try TerminalClient(Fixture.sshCommand(port: server.port, key: keys.viewer)) }
        #expect(Self.waitAll(viewers, "FOLLOWING", timeout: .seconds(20)), "\(viewers.map(\.text))")
        let setUp = ContinuousClock.now - started
        #expect(server.state.counts.sessions == 20)

        let presenter = ShareLink.publisher(path: socket)
        let deadline = ContinuousClock.now + .seconds(3)
        while presenter.status != .connected && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(presenter.status == .connected)

        let change = #"{"levers":{"cw.utilization":0.9}}"#
        let sent = ContinuousClock.now
        presenter.publish(change)
        // Delivery, not its speed: the 1 s budget is measured by Scripts/bench-serve.sh.
        #expect(Self.waitAll(viewers, "LINE " + change, timeout: .seconds(15)))
        let delivered = ContinuousClock.now - sent
        print("20 viewers: set-up \(setUp), presenter change on every screen after \(delivered)")

        // One viewer leaves; the others keep following.
        viewers[0].kill()
        #expect(await log.waitFor("closed by the client"))
        presenter.publish(#"{"month":12}"#)
        #expect(Self.waitAll(Array(viewers.dropFirst()), #"LINE {"month":12}"#, timeout: .seconds(15)))

        presenter.cancel()
        viewers.forEach { $0.kill() }
        await server.shutdown()
        await relay.close()
    }
}
