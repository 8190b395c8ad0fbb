import Foundation
import LoopServe
import Testing
import TestSupport

/// The mouse over SSH: the served dashboard asks the viewer's terminal for SGR reports through
/// the real OpenSSH client, the reports come back through the server to the dashboard, and
/// they take the keys' road: an attendee exploring alone moves a lever with a click, a
/// follower's click is refused with the following notice. Ending the session turns
/// reporting off on the viewer's terminal.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil && Fixture.pyte != nil,
                             "needs ssh, ssh-keygen, python3 with pyte and the moneyloop executable"))
struct ServedMouseTests {
    /// The utilization lever's label row, its value as shown, and its bar's target mark.
    func utilization(_ screen: ClientScreen) throws -> (row: Int, value: String, mark: Int) {
        let row = try #require(screen.lines.firstIndex { $0.contains("GPU utilization") })
        let value = try #require(screen.lines[row].split(separator: " ").first { $0.hasSuffix("%") }).description
        let mark = try #require(Array(screen.lines[row + 1].unicodeScalars).firstIndex(of: "▼"))
        return (row, value, mark)
    }

    @Test(arguments: [false, true])
    func clicksReachTheServedDashboard(following: Bool) async throws {
        let keys = try #require(Fixture.keys)
        let dir = Fixture.temporaryDirectory("served-mouse")
        let socket = dir + "/share.sock"
        let relay = following ? try ShareRelay.start(path: socket, log: .silent) : nil
        let launch = try Fixture.dashboardLaunch(follow: following, shareSocket: relay == nil ? nil : socket)
        let (server, log) = try await Fixture.startServer(command: [], launch: launch)
        let viewer = try ServedDashboardTests.Viewer(port: server.port, key: keys.viewer)
        #expect(viewer.client.waitFor("GPU", timeout: .seconds(30)), "the dashboard did not appear: \(viewer.client.text)")
        #expect(viewer.client.waitFor("\u{1b}[?1006h"), "no SGR mouse reporting asked of the viewer's terminal")
        if !following { _ = try viewer.type(" ", until: { $0.lines.first?.contains("paused") == true }) }
        // The first frame may still be arriving: read the lever once its bar is on screen.
        let barShown = { (s: ClientScreen) -> Bool in
            s.lines.firstIndex { $0.contains("GPU utilization") }.map { $0 + 1 < s.lines.count && s.lines[$0 + 1].contains("▼") } ?? false
        }
        let before = try utilization(try viewer.type("", until: barShown))
        let click = "\u{1b}[<0;\(before.mark + 1);\(before.row + 2)M\u{1b}[<0;\(before.mark + 1);\(before.row + 2)m"
        if following {
            let screen = try viewer.type(click, until: { $0.lines.first?.contains("following the presenter") == true })
            #expect(screen.lines.first?.contains("following the presenter") == true, "\(screen.lines.first ?? "")")
            #expect(try utilization(screen).value == before.value, "a follower's click moved the lever")
        } else {
            let screen = try viewer.type(click, until: { (try? self.utilization($0).value) != before.value })
            #expect(try utilization(screen).value != before.value, "the click did not move the lever:\n\(screen.text)")
            #expect(screen.lines[before.row].contains("*GPU utilization"))
        }
        viewer.client.send("q")
        #expect(viewer.client.waitForExit(timeout: .seconds(20)) == .exited(0), "q did not end the session")
        #expect(ClientScreen.lastMode("1006", in: viewer.client.text) == false, "mouse reporting left on")
        #expect(ClientScreen.lastMode("1002", in: viewer.client.text) == false, "mouse drag reporting left on")
        #expect(await log.waitFor("dashboard ended: exit status 0", timeout: .seconds(10)))
        await server.shutdown()
        try? FileManager.default.removeItem(atPath: dir)
        await relay?.close()
    }
}
