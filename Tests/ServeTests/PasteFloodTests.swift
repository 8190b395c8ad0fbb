import Foundation
import LoopServe
import Testing
import TestSupport

/// A viewer pastes 1 MB into a served dashboard: `q` still ends the session within a few
/// seconds (the dashboard drops input beyond a sane backlog).
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil,
                             "needs ssh, ssh-keygen and the moneyloop executable"))
struct PasteFloodTests {
    @Test func aPasteFloodStillLetsQEndTheSession() async throws {
        let keys = try #require(Fixture.keys)
        let (server, _) = try await Fixture.startServer(command: [], launch: try Fixture.dashboardLaunch(follow: false, shareSocket: nil))
        let viewer = try ServedDashboardTests.Viewer(port: server.port, key: keys.viewer)
        #expect(viewer.client.waitFor("GPU", timeout: .seconds(30)), "\(viewer.client.text)")
        // 1 MB of pasted prose: words, spaces and line ends, no q.
        let line = Array("the money loop moves from chips to clouds to lenders and back again, month by month\n".utf8)
        let paste = Array((0..<(1 << 20) / line.count + 1).flatMap { _ in line }.prefix(1 << 20))
        let started = ContinuousClock.now
        #expect(viewer.client.sendAll(paste, timeout: .seconds(60)), "the paste was not taken within 60 s")
        let pasted = ContinuousClock.now
        viewer.client.send("q")
        let exit = viewer.client.waitForExit(timeout: .seconds(10))
        let ended = ContinuousClock.now
        print("1 MB paste taken in \(pasted - started); q ended the session \(ended - pasted) later")
        #expect(exit == .exited(0), "q did not end the session within 10 s of the paste")
        await server.shutdown()
    }
}
