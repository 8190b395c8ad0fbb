import LoopServe
import Testing

/// The control lines between the server and a viewer host: every message reads back as
/// itself, and a client's variable cannot start another word or line.
@Suite struct HostMessageTests {
    @Test func everyMessageReadsBackAsItself() {
        let messages: [HostMessage] = [
            .ready, .hangup(id: 7, signal: 15), .ended(id: 3, status: 129), .crashed(id: 12),
            .attach(id: 1, tty: "/dev/pts/4", access: .passcode, environment: [:]),
            .attach(id: 2, tty: "/dev/pts/5", access: .key, environment: [
                "MONEYLOOP_VIEWER": "eve\n@moneyloop-host hangup 1 9", "LANG": "de_DE.UTF-8",
                "NO_COLOR": "", "COLORTERM": "a=b %41 c\r\u{1B}[2J é",
            ]),
        ]
        for message in messages {
            let line = message.line
            #expect(line.hasSuffix("\n") && line.dropLast().allSatisfy { $0 != "\n" && $0 != "\r" }, "\(line)")
            #expect(HostMessage(line: line.dropLast()) == message, "\(line)")
        }
    }

    @Test func anythingElseIsNoMessage() {
        for line in ["", "ready", "Fatal error: index out of range", "@moneyloop-host", "@moneyloop-host attach 1",
                     "@moneyloop-host attach x /dev/pts/1 key", "@moneyloop-host attach 1 /dev/pts/1 root",
                     "@moneyloop-host attach 1 /dev/pts/1 key A=%4", "@moneyloop-host ended 1", "@moneyloop-host ready 1"] {
            #expect(HostMessage(line: Substring(line)) == nil, "\(line)")
        }
        #expect(HostMessage(line: "@moneyloop-host ended 4 0\r") == .ended(id: 4, status: 0))
    }
}
