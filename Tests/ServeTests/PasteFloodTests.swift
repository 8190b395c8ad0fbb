import Foundation
import LoopServe
import Testing
import TestSupport

/// A viewer pastes 1 MB into a served dashboard: `q` or Ctrl-C still ends the session
/// within a few seconds (the dashboard drops input beyond a sane backlog), with a dashboard
/// of its own and with a follower's in a viewer host.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil,
                             "needs ssh, ssh-keygen and the moneyloop executable"))
struct PasteFloodTests {
    enum Ending: String, CaseIterable {
        case q, ctrlC
        var key: String { self == .q ? "q" : "\u{03}" }
        /// What the session ends with: 0 for q, 128 + SIGINT for Ctrl-C.
        var status: Int32 { self == .q ? 0 : 128 + SIGINT }
    }

    @Test(arguments: [false, true], Ending.allCases)
    func aPasteFloodStillLetsTheViewerLeave(hosted: Bool, ending: Ending) async throws {
        let keys = try #require(Fixture.keys)
        let socket = Fixture.temporaryDirectory("flood") + "/share.sock"
        let relay = hosted ? try ShareRelay.start(path: socket, log: .silent) : nil
        var launch = try Fixture.dashboardLaunch(follow: hosted, shareSocket: hosted ? socket : nil)
        if hosted { launch.hosts = ViewerHosts(launch: launch, viewersPerHost: 4, log: .silent) }
        let (server, _) = try await Fixture.startServer(command: [], launch: launch)
        let viewer = try ServedDashboardTests.Viewer(port: server.port, key: keys.viewer)
        #expect(viewer.client.waitFor("GPU", timeout: .seconds(30)), "\(viewer.client.text)")
        // 1 MB of pasted prose: words, spaces and line ends (c, t, m among them), no q.
        let line = Array("the money loop moves from chips to clouds to lenders and back again, month by month\n".utf8)
        let paste = Array((0..<(1 << 20) / line.count + 1).flatMap { _ in line }.prefix(1 << 20))
        let started = ContinuousClock.now
        #expect(viewer.client.sendAll(paste, timeout: .seconds(60)), "the paste was not taken within 60 s")
        let pasted = ContinuousClock.now
        viewer.client.send(ending.key)
        let exit = viewer.client.waitForExit(timeout: .seconds(10))
        let ended = ContinuousClock.now
        print("hosted \(hosted): 1 MB paste taken in \(pasted - started); \(ending) ended the session \(ended - pasted) later")
        let screen = try ClientScreen(viewer.client.output, columns: 120, rows: 40)
        #expect(exit == .exited(ending.status),
                "hosted \(hosted): \(ending) did not end the session within 10 s of the paste: \(screen.lines.prefix(2)) … \(screen.lines.last ?? "")")
        await server.shutdown()
        launch.hosts?.stop()
        await relay?.close()
    }
}
