import Foundation
import LoopServe
import Testing
import TestSupport

/// The real dashboard served over SSH to the real OpenSSH client: an attendee's file
/// commands are refused (without --follow, with it, and after `f`), no file is created,
/// and nothing of a file they name ever reaches their screen.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil && Fixture.pyte != nil,
                             "needs ssh, ssh-keygen, python3 with pyte and the moneyloop executable"))
struct ServedDashboardTests {
    enum Mode: String, CaseIterable {
        case alone, following, followingThenExploring
        /// The same, with the followers' dashboards in a viewer host (many to a process).
        case hostedFollowing, hostedFollowingThenExploring
        var follows: Bool { self != .alone }
        var explores: Bool { self == .followingThenExploring || self == .hostedFollowingThenExploring }
        var hosted: Bool { self == .hostedFollowing || self == .hostedFollowingThenExploring }
    }

    static let secret = "SECRET-VALUE-7f3a"

    /// A viewer on the served dashboard, and a way to read what their screen says.
    final class Viewer {
        let client: TerminalClient
        let columns: Int
        let rows: Int
        init(port: Int, key: String, columns: Int = 120, rows: Int = 40, term: String = "xterm-256color") throws {
            client = try TerminalClient(Fixture.sshCommand(port: port, key: key), columns: columns, rows: rows,
                                        environment: ["TERM": term])
            self.columns = columns
            self.rows = rows
        }

        /// A viewer on a 120×40 client already started.
        init(client: TerminalClient) {
            self.client = client
            columns = 120
            rows = 40
        }

        /// Sends `keys`, waits for the screen to settle, and returns it.
        func type(_ keys: String, settle: Duration = .milliseconds(400), whole: Bool = false) throws -> ClientScreen {
            // Key by key, as a person types, unless `whole` (a paste).
            if keys.hasPrefix("\u{1b}") || whole { client.send(keys) } else {
                for c in keys {
                    client.send(String(c))
                    client.pump(timeout: .milliseconds(15))
                }
            }
            let until = ContinuousClock.now + settle
            while ContinuousClock.now < until { client.pump(timeout: .milliseconds(20)) }
            return try ClientScreen(client.output, columns: columns, rows: rows)
        }

        /// Sends `keys` and returns the screen once `shows` holds for it (or after `timeout`:
        /// a loaded machine may take a while to draw).
        func type(_ keys: String, whole: Bool = false, until shows: (ClientScreen) -> Bool,
                  timeout: Duration = .seconds(10)) throws -> ClientScreen
        {
            var screen = try type(keys, settle: .milliseconds(200), whole: whole)
            let deadline = ContinuousClock.now + timeout
            while !shows(screen) && ContinuousClock.now < deadline {
                client.pump(timeout: .milliseconds(100))
                screen = try ClientScreen(client.output, columns: columns, rows: rows)
            }
            return screen
        }
    }

    @Test(arguments: Mode.allCases)
    func fileCommandsAreRefusedAndRevealNothing(mode: Mode) async throws {
        let keys = try #require(Fixture.keys)
        let dir = Fixture.temporaryDirectory("served")
        try "title: x\npassword: \(Self.secret)\n".write(toFile: dir + "/secret.yaml", atomically: true, encoding: .utf8)
        try "root:\(Self.secret):0:0\n".write(toFile: dir + "/passwd", atomically: true, encoding: .utf8)
        let socket = dir + "/share.sock"
        let relay = mode.follows ? try ShareRelay.start(path: socket, log: .silent) : nil
        var launch = try Fixture.dashboardLaunch(follow: mode.follows, shareSocket: relay == nil ? nil : socket)
        if mode.hosted { launch.hosts = ViewerHosts(launch: launch, viewersPerHost: 4, log: .silent) }
        let (server, log) = try await Fixture.startServer(command: [], launch: launch)
        let viewer = try Viewer(port: server.port, key: keys.viewer)
        #expect(viewer.client.waitFor("GPU", timeout: .seconds(30)), "the dashboard did not appear: \(viewer.client.text)")
        if mode.explores {
            #expect(try viewer.type("f", until: { $0.text.contains("exploring alone") }).text.contains("exploring alone"))
        }
        if mode == .alone || mode.explores {
            // Paused, so "reached the horizon" cannot replace a refusal on a slow machine.
            _ = try viewer.type(" ", until: { $0.lines.first?.contains("paused") == true })
            _ = try viewer.type("\u{1b}[C")  // a lever change: unsaved what-if
        }

        let refusals: [(typed: String, says: String)] = [
            (":save \(dir)/saved.yaml\r", "can't save here"),
            (":save\r", "can't save here"),
            ("s", "can't save here"),
            (":export \(dir)/out.csv\r", "The numbers of this what-if, to select and copy"),
            (":export relative-out.json\r", "The numbers of this what-if, to select and copy"),
            (":record \(dir)/demo.yaml\r", "can't record here"),
            (":scenario \(dir)/secret.yaml\r", "scenario '/tmp/ml-serve-tests-"),
            (":scenario \(dir)/passwd\r", "scenario '/tmp/ml-serve-tests-"),
            (":scenario \(dir)/no-such.yaml\r", "scenario '/tmp/ml-serve-tests-"),
            (":theme \(dir)/secret.yaml\r", "theme '/tmp/ml-serve-tests-"),
            (":theme \(dir)/passwd\r", "theme '/tmp/ml-serve-tests-"),
        ]
        for refusal in refusals {
            // Long names are cut short; the same words whether the file exists or not.
            let expected = { (screen: ClientScreen) -> Bool in
                let status = screen.lines.first ?? ""
                return status.contains(refusal.says) && (!refusal.says.hasSuffix("tests-") || status.contains("is not available here"))
                    && (!refusal.typed.hasPrefix(":export") || screen.text.contains("CW cash"))
            }
            let screen = try viewer.type(refusal.typed, until: expected)
            #expect(expected(screen), "\(mode) \(refusal.typed): \(screen.lines.first ?? "")")
            // Esc clears the notice; wait until it has, so the next key is not read with it
            // as one Alt sequence on a loaded machine.
            _ = try viewer.type("\u{1b}", until: { !($0.lines.first ?? "").contains(refusal.says) && !$0.text.contains("CW cash") })
        }
        // Quitting asks nothing, even with an unsaved what-if.
        viewer.client.send("q")
        #expect(viewer.client.waitForExit(timeout: .seconds(20)) == .exited(0), "\(mode): q did not end the session")

        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["passwd", "secret.yaml"] + (relay == nil ? [] : ["share.sock"]), "\(mode): \(files)")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/relative-out.json"))
        #expect(!viewer.client.text.contains(Self.secret) && !viewer.client.text.contains("7f3a"),
                "\(mode): the secret reached the viewer's screen")
        #expect(await log.waitFor("dashboard ended: exit status 0", timeout: .seconds(10)))
        await server.shutdown()
        launch.hosts?.stop()
        await relay?.close()
    }

    /// A command line that reaches the dashboard in one piece (pasted, or keys bunched up by
    /// a slow link) is a command, not a flood: it is carried out or refused with its reason.
    @Test(arguments: [Mode.following, .hostedFollowing])
    func aCommandLineArrivingWholeIsTakenNotDropped(mode: Mode) async throws {
        let keys = try #require(Fixture.keys)
        let socket = Fixture.temporaryDirectory("whole") + "/share.sock"
        let relay = try ShareRelay.start(path: socket, log: .silent)
        var launch = try Fixture.dashboardLaunch(follow: true, shareSocket: socket)
        if mode.hosted { launch.hosts = ViewerHosts(launch: launch, viewersPerHost: 4, log: .silent) }
        let (server, _) = try await Fixture.startServer(command: [], launch: launch)
        // A presenter whose clock runs, with a what-if: the followers draw every state.
        let presenter = try TerminalClient([try #require(Fixture.moneyloop), "--share"], columns: 120, rows: 40,
                                           environment: ["MONEYLOOP_SHARE_SOCKET": socket, "LANG": "C.UTF-8"])
        #expect(presenter.waitFor("GPU utilization", timeout: .seconds(30)), "the presenter did not start")
        presenter.send("\u{1b}OC")
        // A large screen: its frames cost the most, so keys must not be charged for them.
        let viewer = try Viewer(port: server.port, key: keys.viewer, columns: 200, rows: 50, term: "tmux-256color")
        #expect(viewer.client.waitFor("GPU", timeout: .seconds(30)), "the dashboard did not appear: \(viewer.client.text)")
        for (line, says) in [(":theme light\r", "theme light"), (":save /tmp/whole.yaml\r", "can't save here"),
                             (":export /tmp/whole.csv\r", "The numbers of this what-if"), (":theme mono\r", "theme mono")]
        {
            // A pause first, as between two pastes: the frame budget is full again.
            _ = try viewer.type("\u{1b}", settle: .milliseconds(1500))
            _ = presenter.pump(timeout: .milliseconds(10))
            let screen = try viewer.type(line, whole: true, until: { ($0.lines.first ?? "").contains(says) })
            let status = screen.lines.first ?? ""
            #expect(status.contains(says) && !status.contains("input flood"), "\(mode) \(line.debugDescription): \(status)")
        }
        viewer.client.send("q")
        #expect(viewer.client.waitForExit(timeout: .seconds(20)) == .exited(0))
        presenter.kill()
        await server.shutdown()
        launch.hosts?.stop()
        await relay.close()
    }
}
