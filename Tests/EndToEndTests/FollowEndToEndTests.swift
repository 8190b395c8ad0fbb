import Foundation
import TestSupport
import Testing

/// A presenter's dashboard (`--share`) drives a follower's (`--follow`) through the relay of
/// `moneyloop serve --follow`; `f` lets the follower explore alone.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct FollowEndToEndTests {
    @Test func followerAppliesThePresentersLeversAndFTogglesIt() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-follow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let keys = dir.appendingPathComponent("authorized_keys").path
        try "".write(toFile: keys, atomically: true, encoding: .utf8)
        let env = ["XDG_RUNTIME_DIR": dir.path, "XDG_STATE_HOME": dir.path + "/state"]
        let port = 20_000 + Int(getpid() % 20_000)
        let server = try TmuxSession(width: 100, height: 10, command: [moneyloopBinary, "serve", "--listen",
                                                                     "127.0.0.1:\(port)", "--authorized-keys", keys,
                                                                     "--follow"], environment: env)
        let up = try await server.waitFor { $0.contains("presenter relay listening") }
        #expect(up.contains("presenter relay listening"), "serve did not start:\n\(up)")

        let presenter = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused", "--share"],
                                        environment: env)
        let follower = try TmuxSession(width: 100, height: 30, command: [moneyloopBinary, "--follow"], environment: env)
        try await presenter.waitFor { $0.contains("GPU utilization") }
        try await follower.waitFor { $0.contains("GPU utilization") }
        try presenter.send("Right", "Right", "Right")
        let followed = try await follower.waitFor { $0.contains("what-if: GPU utilization 78%") }
        #expect(followed.contains("78%"), "follower did not follow:\n\(followed)")

        try follower.send("Right")
        let refused = try await follower.waitFor { $0.contains("following the presenter: f to explore alone") }
        #expect(refused.contains("f to explore alone"))
        try follower.send("f")
        try await follower.waitFor { $0.contains("exploring alone") }
        try presenter.send("Right")
        try await presenter.waitFor { $0.contains("what-if: GPU utilization 79%") }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try follower.screen().contains("78%"), "follower moved while exploring alone")
        try follower.send("f")
        let rejoined = try await follower.waitFor { $0.contains("what-if: GPU utilization 79%") }
        #expect(rejoined.contains("79%"), "follower did not rejoin:\n\(rejoined)")
    }
}
