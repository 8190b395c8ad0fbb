import Foundation
import LoopServe
import Testing
import TestSupport

/// Followers in a viewer host (`moneyloop serve-host`): real dashboards over the OpenSSH
/// client, many to one process, each at its own size, TERM and locale, following a real
/// presenter (`moneyloop --share`); one leaving or crashing leaves the others following.
@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil && Fixture.pyte != nil,
                             "needs ssh, ssh-keygen, python3 with pyte and the moneyloop executable"))
struct ViewerHostTests {
    /// A room: the relay, a hosted following server, and a presenter in a terminal.
    struct Room {
        let relay: ShareRelay
        let server: SSHServer
        let log: Fixture.LogCapture
        /// What the viewer hosts log.
        let hostLog = Fixture.LogCapture()
        let presenter: TerminalClient
        let hosts: ViewerHosts

        init(environment: [String: String] = [:]) async throws {
            let socket = Fixture.temporaryDirectory("host") + "/share.sock"
            relay = try ShareRelay.start(path: socket, log: .silent)
            var launch = try Fixture.dashboardLaunch(follow: true, shareSocket: socket)
            launch.baseEnvironment.merge(environment) { $1 }
            hosts = ViewerHosts(launch: launch, viewersPerHost: 8, log: hostLog.log)
            launch.hosts = hosts
            (server, log) = try await Fixture.startServer(command: [], launch: launch)
            presenter = try TerminalClient(
                [try #require(Fixture.moneyloop), "--share", "--paused"], columns: 120, rows: 40,
                environment: ["MONEYLOOP_SHARE_SOCKET": socket, "LANG": "C.UTF-8"])
            #expect(presenter.waitFor("GPU utilization", timeout: .seconds(30)), "the presenter did not start")
        }

        /// A follower over SSH at `columns`×`rows` with `term` and `env`, logged in as `user`.
        func viewer(columns: Int = 120, rows: Int = 40, term: String = "xterm-256color", env: [String: String] = [:],
                    user: String = "viewer") throws -> TerminalClient
        {
            let keys = try #require(Fixture.keys)
            var command = Fixture.sshCommand(port: server.port, key: keys.viewer, extra: ["-o", "SendEnv=LANG NO_COLOR"])
            command[command.count - 1] = "\(user)@127.0.0.1"
            return try TerminalClient(command, columns: columns, rows: rows, environment: env.merging(["TERM": term]) { $1 })
        }

        func close() async {
            presenter.kill()
            await server.shutdown()
            hosts.stop()
            await relay.close()
        }
    }

    nonisolated(unsafe) static var lastShown: [Int?] = []

    /// The utilization lever each client's screen shows, once every one shows `value`
    /// (or what they show after `timeout`). The presenter's output is read meanwhile.
    static func waitForLever(_ clients: [(TerminalClient, Int, Int)], _ value: Int, timeout: Duration,
                             room: Room) throws -> [Int?]
    {
        let deadline = ContinuousClock.now + timeout
        var shown: [Int?] = []
        repeat {
            for c in clients.map(\.0) + [room.presenter] { c.pump(timeout: .milliseconds(10)) }
            shown = try clients.map { c, w, h in
                let text = try ClientScreen(c.output, columns: w, rows: h).text
                guard let r = text.range(of: #"GPU utilization +[0-9]+%"#, options: .regularExpression) else { return nil }
                return Int(text[r].split(separator: " ").last!.dropLast())
            }
            lastShown = shown
            if shown.allSatisfy({ $0 == value }) { return shown }
            Thread.sleep(forTimeInterval: 0.3)
        } while ContinuousClock.now < deadline
        return shown
    }

    @Test func followersShareOneHostEachAtTheirOwnSizeAndLeaveAlone() async throws {
        let room = try await Room()
        let wide = try room.viewer()
        let small = try room.viewer(columns: 80, rows: 24, term: "xterm", env: ["LANG": "C"])
        let mono = try room.viewer(columns: 100, rows: 30, env: ["NO_COLOR": "1", "LANG": "C.UTF-8"])
        let all = [(wide, 120, 40), (small, 80, 24), (mono, 100, 30)]
        #expect(try Self.waitForLever(all, 75, timeout: .seconds(30), room: room) == [75, 75, 75], "the screens show: \(Self.lastShown)")
        #expect(await room.log.waitFor("as viewer 3"))
        #expect(room.hostLog.text.components(separatedBy: "started (up to").count - 1 == 1, "one host: \(room.hostLog.text)")
        // Their own terminals: ASCII without a UTF-8 locale, no colour with NO_COLOR.
        let smallScreen = try ClientScreen(small.output, columns: 80, rows: 24).text
        #expect(smallScreen.contains("+ Funding graph") && !smallScreen.contains("╭"), "\(smallScreen)")
        #expect(!mono.text.contains("38;5;") && wide.text.contains("38;5;"))

        room.presenter.send("\u{1b}OC")  // → on the utilization lever
        #expect(try Self.waitForLever(all, 76, timeout: .seconds(15), room: room) == [76, 76, 76], "the screens show: \(Self.lastShown)")

        // One leaves with q (exit status 0); the others keep following.
        small.send("q")
        #expect(small.waitForExit(timeout: .seconds(15)) == .exited(0))
        room.presenter.send("\u{1b}OC")
        #expect(try Self.waitForLever([(wide, 120, 40), (mono, 100, 30)], 77, timeout: .seconds(15), room: room) == [77, 77], "the screens show: \(Self.lastShown)")
        // One's window changes size: only theirs is laid out again.
        wide.resize(columns: 80, rows: 24)
        #expect(try Self.waitForLever([(wide, 80, 24)], 77, timeout: .seconds(15), room: room) == [77], "the screens show: \(Self.lastShown)")
        [wide, mono].forEach { $0.kill() }
        await room.close()
    }

    /// Two followers at one size in one host are drawn one frame while alike; once one
    /// looks around (maximises a panel), each screen shows only what its own viewer opened,
    /// and both keep following.
    @Test func followersAtOneSizeEachSeeOnlyWhatTheyOpened() async throws {
        let room = try await Room()
        let plain = try room.viewer(), looking = try room.viewer()
        let both = [(plain, 120, 40), (looking, 120, 40)]
        #expect(try Self.waitForLever(both, 75, timeout: .seconds(30), room: room) == [75, 75], "the screens show: \(Self.lastShown)")
        looking.send("e")  // the focused panel (the levers, as the presenter's) fills the screen
        room.presenter.send("\u{1b}OC")
        #expect(try Self.waitForLever(both, 76, timeout: .seconds(15), room: room) == [76, 76], "the screens show: \(Self.lastShown)")
        let plainScreen = try ClientScreen(plain.output, columns: 120, rows: 40).text
        let lookingScreen = try ClientScreen(looking.output, columns: 120, rows: 40).text
        #expect(plainScreen.contains("Funding graph") && !lookingScreen.contains("Funding graph"),
                "plain:\n\(plainScreen)\nlooking:\n\(lookingScreen)")
        #expect(lookingScreen.contains("e restore") && !plainScreen.contains("e restore"))
        [plain, looking].forEach { $0.kill() }
        await room.close()
    }

    @Test func aCrashInOneViewersDashboardLeavesTheOthersFollowing() async throws {
        let room = try await Room(environment: ["MONEYLOOP_TEST_CRASH": "fatal"])
        let first = try room.viewer()
        let second = try room.viewer(columns: 80, rows: 24)
        let both = [(first, 120, 40), (second, 80, 24)]
        #expect(try Self.waitForLever(both, 75, timeout: .seconds(30), room: room) == [75, 75], "the screens show: \(Self.lastShown)")
        // This viewer's dashboard crashes once on screen: the host goes with it, the others
        // start again in a new host; the one it crashed for gets a process of its own, where
        // it crashes again and only its own session ends. (Two crashes, each writing a backtrace:
        // a fair wait on a loaded machine, not a speed check.)
        let crasher = try room.viewer(user: "crash-test")
        #expect(crasher.waitForExit(timeout: .seconds(90)).map { $0.code > 128 } == true, "\(crasher.text.suffix(300))")
        #expect(await room.hostLog.waitFor("moved to its own dashboard", timeout: .seconds(10)), "\(room.hostLog.text)")
        room.presenter.send("\u{1b}OC")
        #expect(try Self.waitForLever(both, 76, timeout: .seconds(20), room: room) == [76, 76], "the screens show: \(Self.lastShown)")
        #expect(first.exit == nil && second.exit == nil)
        [first, second].forEach { $0.kill() }
        await room.close()
    }
}
