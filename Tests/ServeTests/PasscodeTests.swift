import Foundation
import LoopServe
import NIOCore
import Testing
import TestSupport

/// The room's passcode: its form, the limit on wrong codes, and logins with the real
/// OpenSSH client, the code typed at its prompt through the client's terminal.
@Suite struct PasscodeTests {
    @Test func aRandomCodeIsShortAndUnambiguous() {
        let codes = (0..<50).map { _ in Passcode.random() }
        for code in codes {
            #expect(code.count == 7 && code.dropFirst(3).first == "-", "\(code)")
            #expect(!code.contains { "01ilo".contains($0) }, "\(code)")
        }
        #expect(Set(codes).count > 45)
    }

    @Test func codesCompareIgnoringCaseSpacesAndDashes() {
        let room = Passcode("abc-def")
        #expect(room.check("ABC DEF", from: "a") == .accepted)
        #expect(room.check("abcdef", from: "a") == .accepted)
        #expect(room.check("abcde", from: "a") != .accepted)
        #expect(room.check("abcdefg", from: "a") != .accepted)
        #expect(!Passcode.isUsable("a-b"))
    }

    @Test func wrongCodesAreSlowedThenLockedOutPerAddress() {
        let room = Passcode("abc-def", maxWrong: 3, window: .seconds(60), delayStep: .milliseconds(500))
        let now = ContinuousClock.now
        #expect(room.check("nope", from: "10.0.0.1", now: now) == .wrong(delay: .milliseconds(500)))
        #expect(room.check("nope", from: "10.0.0.1", now: now) == .wrong(delay: .milliseconds(1000)))
        #expect(room.check("nope", from: "10.0.0.1", now: now) == .wrong(delay: .milliseconds(1500)))
        // Locked out, even with the right code; another address is not.
        #expect(room.check("abc-def", from: "10.0.0.1", now: now) == .lockedOut)
        #expect(room.check("abc-def", from: "10.0.0.2", now: now) == .accepted)
        // The window passes.
        #expect(room.check("abc-def", from: "10.0.0.1", now: now + .seconds(61)) == .accepted)
    }
}

@Suite(.serialized, .enabled(if: Fixture.hasOpenSSH && Fixture.moneyloop != nil && Fixture.pyte != nil,
                             "needs ssh, ssh-keygen, python3 with pyte and the moneyloop executable"))
struct PasscodeLoginTests {
    /// With a dashboard process of its own, and in a viewer host (many followers to a process).
    @Test(arguments: [false, true])
    func theRightCodeJoinsAsAReadOnlyFollower(hosted: Bool) async throws {
        let socket = Fixture.temporaryDirectory("room") + "/share.sock"
        let relay = try ShareRelay.start(path: socket, log: .silent)
        var launch = try Fixture.dashboardLaunch(follow: false, shareSocket: socket)
        if hosted { launch.hosts = ViewerHosts(launch: launch, viewersPerHost: 4, log: .silent) }
        let (server, log) = try await Fixture.startServer(command: [], passcode: Passcode("tiger-42"), launch: launch)
        let client = try TerminalClient(Fixture.passcodeCommand(port: server.port), columns: 120, rows: 40)
        #expect(client.waitFor("password:", timeout: .seconds(10)), "\(client.text)")
        client.send("tiger-42\r")
        #expect(client.waitFor("GPU", timeout: .seconds(30)), "\(client.text)")
        #expect(await log.waitFor("authenticated by passcode as user \"guest\" (read-only follower)"))
        if hosted { #expect(await log.waitFor("in viewer host pid")) }
        // Levers, saving and exploring alone are not theirs.
        let viewer = ServedDashboardTests.Viewer(client: client)
        for key in ["\u{1b}[C", "s", "f", ":set cw.utilization 90%\r"] {
            let says = key == "s" ? "can't save here" : "view only: the presenter drives this screen"
            let status = try viewer.type(key, until: { $0.lines.first?.contains(says) == true }).lines.first ?? ""
            #expect(status.contains(says), "\(key.debugDescription): \(status)")
            _ = try viewer.type("\u{1b}", until: { !($0.lines.first ?? "").contains(says) })
        }
        client.send("q")
        #expect(client.waitForExit(timeout: .seconds(10)) == .exited(0))
        await server.shutdown()
        launch.hosts?.stop()
        await relay.close()
    }

    @Test func aWrongCodeIsRefusedAndSlowedDown() async throws {
        let (server, log) = try await Fixture.startServer(command: ["/bin/sh", "-c", "echo READY"], passcode: Passcode("tiger-42"))
        let client = try TerminalClient(Fixture.passcodeCommand(port: server.port))
        #expect(client.waitFor("password:", timeout: .seconds(10)), "\(client.text)")
        var answered: [Duration] = []
        for attempt in 1...2 {
            let sent = ContinuousClock.now
            client.send("lion-\(attempt)\r")
            let deadline = ContinuousClock.now + .seconds(10)
            while client.count("password:") < attempt + 1 && ContinuousClock.now < deadline {
                client.pump(timeout: .milliseconds(10))
            }
            answered.append(ContinuousClock.now - sent)
        }
        print("wrong codes answered after \(answered)")
        #expect(answered[0] >= .milliseconds(900) && answered[1] >= .milliseconds(1900), "\(answered)")
        #expect(client.text.contains("Permission denied"), "\(client.text)")
        #expect(!client.text.contains("READY"))
        #expect(await log.waitFor("wrong passcode for user \"guest\""))
        client.kill()
        await server.shutdown()
    }

    @Test func withoutAPasscodeAPasswordIsNotEvenOffered() async throws {
        let (server, _) = try await Fixture.startServer(command: ["/bin/sh", "-c", "echo READY"])
        let client = try TerminalClient(Fixture.passcodeCommand(port: server.port))
        let started = ContinuousClock.now
        #expect(client.waitForExit(timeout: .seconds(5)) == .exited(255))
        // Refused at once, not after the 10 s login grace.
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(client.text.contains("Permission denied (publickey)"), "\(client.text)")
        await server.shutdown()
    }
}
