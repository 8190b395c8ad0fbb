import CServe
import Foundation
import Testing

@testable import LoopServe

/// The presenter relay with ShareLink clients on the main queue, as in the dashboard.
@Suite(.serialized) @MainActor
struct ShareRelayTests {
    /// Polls (yielding the main actor, so main-queue sources run) until `condition` holds.
    func eventually(_ timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    func socketPath() -> String {
        Fixture.temporaryDirectory("relay") + "/share.sock"
    }

    @Test func twentyFollowersGetAPublishedLine() async throws {
        let path = socketPath()
        let relay = try ShareRelay.start(path: path, log: .silent)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        var received = [[String]](repeating: [], count: 20)
        // When each line arrived, taken in the follower's own callback: the test's polling
        // below may run late on a machine busy with other suites, the delivery does not.
        var arrived = [ContinuousClock.Instant?](repeating: nil, count: 20)
        var followers: [ShareSubscriber] = []
        for i in 0..<20 {
            followers.append(ShareLink.subscriber(path: path) { line in
                received[i].append(line)
                arrived[i] = arrived[i] ?? ContinuousClock.now
            })
        }
        #expect(await eventually { followers.allSatisfy { $0.status == .connected } })
        let presenter = ShareLink.publisher(path: path)
        #expect(await eventually { presenter.status == .connected })

        let line = #"{"levers":{"cw.utilization":0.9},"month":7}"#
        let sent = ContinuousClock.now
        #expect(presenter.publish(line))
        #expect(await eventually { received.allSatisfy { $0 == [line] } })
        let elapsed = (arrived.compactMap { $0 }.max() ?? ContinuousClock.now) - sent
        print("20 followers got the line after \(elapsed)")  // budget: Scripts/bench-serve.sh

        // A late follower gets the latest line at once.
        var late: [String] = []
        let lateFollower = ShareLink.subscriber(path: path) { late.append($0) }
        #expect(await eventually { late == [line] })

        // Lines with a newline or over the limit are not sent.
        #expect(!presenter.publish("a\nb"))
        #expect(!presenter.publish(String(repeating: "x", count: ShareLink.maximumLineLength + 1)))

        presenter.cancel()
        lateFollower.cancel()
        followers.forEach { $0.cancel() }
        await relay.close()
        #expect(stat(path, &info) != 0)
    }

    @Test func oneFollowerSeesEveryLineInOrder() async throws {
        let path = socketPath()
        let relay = try ShareRelay.start(path: path, log: .silent)
        var received: [String] = []
        let follower = ShareLink.subscriber(path: path) { received.append($0) }
        let presenter = ShareLink.publisher(path: path)
        #expect(await eventually { presenter.status == .connected && follower.status == .connected })
        let big = String(repeating: "y", count: ShareLink.maximumLineLength)
        for i in 0..<200 { presenter.publish("{\"month\":\(i)}") }
        presenter.publish(big)
        #expect(await eventually { received.count == 201 })
        #expect(received.prefix(200) == ArraySlice((0..<200).map { "{\"month\":\($0)}" }))
        #expect(received.last == big)
        presenter.cancel()
        follower.cancel()
        await relay.close()
    }

    @Test func aSecondPresenterIsRefused() async throws {
        let path = socketPath()
        let relay = try ShareRelay.start(path: path, log: .silent)
        let first = ShareLink.publisher(path: path)
        #expect(await eventually { first.status == .connected })
        var statuses: [ShareLink.Status] = []
        let second = ShareLink.publisher(path: path) { statuses.append($0) }
        #expect(await eventually { statuses.contains(.refused("another presenter is already sharing")) })
        first.cancel()
        // Once the first one leaves, the second gets in on its next retry.
        #expect(await eventually(.seconds(10)) { second.status == .connected })
        second.cancel()
        await relay.close()
    }

    @Test func linksReconnectWhenTheRelayRestarts() async throws {
        let path = socketPath()
        var received: [String] = []
        let follower = ShareLink.subscriber(path: path) { received.append($0) }
        let presenter = ShareLink.publisher(path: path)
        presenter.publish("before")  // kept until a relay is there
        #expect(await eventually { if case .connecting = follower.status { return true } else { return false } })
        var relay = try ShareRelay.start(path: path, log: .silent)
        #expect(await eventually { received == ["before"] })
        await relay.close()
        #expect(await eventually { follower.status != .connected })
        relay = try ShareRelay.start(path: path, log: .silent)
        #expect(await eventually { presenter.status == .connected && follower.status == .connected })
        #expect(await eventually { received == ["before", "before"] })  // re-sent, then relayed as latest
        presenter.publish("after")
        #expect(await eventually { received.last == "after" })
        presenter.cancel()
        follower.cancel()
        await relay.close()
    }

    @Test func aLiveRelayIsNotReplacedAndAStaleSocketIs() async throws {
        let path = socketPath()
        let relay = try ShareRelay.start(path: path, log: .silent)
        #expect { try ShareRelay.start(path: path, log: .silent) } throws: { "\($0)".contains("already relaying") }
        await relay.close()
        // A socket file nobody listens on (a crashed server) is replaced.
        let stale = cserve_unix_listen(path, 1)
        close(stale)
        let again = try ShareRelay.start(path: path, log: .silent)
        await again.close()
    }

    @Test func garbageAndOverlongLinesCloseOnlyThatConnection() async throws {
        let path = socketPath()
        let relay = try ShareRelay.start(path: path, log: .silent)
        var received: [String] = []
        let follower = ShareLink.subscriber(path: path) { received.append($0) }
        #expect(await eventually { follower.status == .connected })
        let fd = cserve_unix_connect(path)
        #expect(fd >= 0)
        let junk = Array("GET / HTTP/1.0\n".utf8)
        _ = junk.withUnsafeBytes { cserve_send(fd, $0.baseAddress!, $0.count) }
        #expect(await eventually {
            var buffer = [UInt8](repeating: 0, count: 256)
            return read(fd, &buffer, buffer.count) == 0
        })
        close(fd)
        let presenter = ShareLink.publisher(path: path)
        #expect(await eventually { presenter.status == .connected })
        presenter.publish("fine")
        #expect(await eventually { received == ["fine"] })
        presenter.cancel()
        follower.cancel()
        await relay.close()
    }
}
