import Foundation
import TestSupport
import Testing

/// A dashboard run in tmux with every byte it writes captured (tmux `pipe-pane`), for the
/// escape sequences that the screen's text cannot show. The dashboard waits behind a gate
/// until the pipe is in place, so the capture starts at its first byte.
struct CapturedRun {
    /// The screen once `ready` held, and after each key.
    var screens: [String]
    var bytes: [UInt8]
    var exitStatus: Int?

    /// The codes of every SGR sequence (`ESC [ … m`); the colour numbers after 38/48 are
    /// skipped, and the colon form `38:2::R:G:B` counts as 38.
    var sgrParameters: Set<Int> {
        var out = Set<Int>()
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
                let params = String(decoding: bytes[i + 2..<j], as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
                var k = 0
                while k < params.count {
                    let code = Int(params[k].split(separator: ":").first ?? "0") ?? 0
                    out.insert(code)
                    if (code == 38 || code == 48), !params[k].contains(":"), k + 1 < params.count {
                        k += params[k + 1] == "5" ? 2 : (params[k + 1] == "2" ? 4 : 0)
                    }
                    k += 1
                }
            }
            i = j
        }
        return out
    }

    /// SGR codes that set a colour: 30–49 (including 38/48 extended and 39/49 default), 90–107.
    var colourCodes: Set<Int> { sgrParameters.filter { (30...49).contains($0) || (90...107).contains($0) } }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Runs `moneyloop ARGS` at 120×40 with `environment`; waits for `ready`, sends each key
    /// (waiting for its screen condition), then `q`.
    static func run(_ args: [String], environment: [String: String], ready: (String) -> Bool,
                    keys: [(String, (String) -> Bool)] = []) throws -> CapturedRun
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gate = dir.appendingPathComponent("go").path, out = dir.appendingPathComponent("out").path
        let script = dir.appendingPathComponent("run.sh").path
        let quoted = ([moneyloopBinary] + args).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
        try "#!/bin/sh\nwhile [ ! -e '\(gate)' ]; do sleep 0.01; done\nexec \(quoted.joined(separator: " "))\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        // Through sh, not exec: another test's spawn may hold the new file open for writing (ETXTBSY).
        let t = try TmuxSession(width: 120, height: 40, command: ["/bin/sh", script], environment: environment)
        try t.tmux(["pipe-pane", "-o", "-t", t.name, "cat > '\(out)'"])
        _ = FileManager.default.createFile(atPath: gate, contents: nil)
        var screens = [try t.waitFor(ready)]
        for (key, condition) in keys {
            try t.send(key)
            screens.append(try t.waitFor(condition))
        }
        try t.send("q")
        _ = t.waitForExit()
        // The pipe may lag the program by a moment: wait for the main screen to come back
        // (rmcup), or, for terminals without one, for the capture to stop growing.
        var bytes: [UInt8] = []
        let end = Date().addingTimeInterval(3)
        repeat {
            let before = bytes.count
            Thread.sleep(forTimeInterval: 0.05)
            bytes = [UInt8](FileManager.default.contents(atPath: out) ?? Data())
            if String(decoding: bytes.suffix(64), as: UTF8.self).contains("\u{1B}[?1049l") { break }
            if bytes.count == before, before > 0 { break }
        } while Date() < end
        return CapturedRun(screens: screens, bytes: bytes, exitStatus: t.exitStatus)
    }
}
