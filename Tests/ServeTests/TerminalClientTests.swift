import Foundation
import Testing

/// The test terminal types as a person's terminal does: a key typed while the program has
/// not yet read what came before (its pty full, as right after a paste) waits for room and
/// arrives, instead of being lost to a non-blocking write that failed with EAGAIN.
@Suite(.enabled(if: Fixture.python != nil, "needs python3"))
struct TerminalClientTests {
    /// Reads nothing until told, then reads until a `q` arrives and says so.
    static let reader = """
        import os, sys, tty, time
        tty.setraw(0)
        os.write(1, b"READY\\r\\n")
        time.sleep(1.5)
        seen = 0
        while True:
            data = os.read(0, 65536)
            if not data: break
            seen += len(data)
            if b"q" in data:
                os.write(1, b"GOT q after %d bytes\\r\\n" % seen)
                break
        """

    @Test func aKeyTypedIntoAFullTerminalArrives() throws {
        let client = try TerminalClient([try #require(Fixture.python), "-c", Self.reader])
        #expect(client.waitFor("READY", timeout: .seconds(20)), "\(client.text)")
        // Fill the pty while the program sleeps, until it takes not one byte more.
        var filled = 0
        for size in [4096, 1] {
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            while true {
                let n = chunk.withUnsafeBytes { write(client.pty.master, $0.baseAddress!, $0.count) }
                if n <= 0 { break }
                filled += n
            }
        }
        #expect(errno == EAGAIN, "the pty took \(filled) bytes, then errno \(errno)")
        client.send("q")
        #expect(client.waitFor("GOT q after \(filled + 1) bytes", timeout: .seconds(20)), "\(client.text)")
    }
}
