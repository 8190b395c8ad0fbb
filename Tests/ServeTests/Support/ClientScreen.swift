import Foundation

/// What a viewer's terminal shows after the bytes it received: the screen text (through
/// pyte, a terminal emulator) and the modes a dashboard must give back when it ends.
struct ClientScreen {
    /// The visible lines.
    let lines: [String]
    /// The last DEC private mode switches seen: alternate screen (1049), cursor (25),
    /// application cursor keys (1, part of the keypad mode); nil when never switched.
    let alternateScreen: Bool?
    let cursorVisible: Bool?
    let applicationKeypad: Bool?

    var text: String { lines.joined(separator: "\n") }

    /// True when the terminal is back as it was: main screen, cursor shown, keypad off.
    var isRestored: Bool { alternateScreen == false && cursorVisible == true && applicationKeypad != true }

    init(_ output: [UInt8], columns: Int = 80, rows: Int = 24) throws {
        let script = """
            import sys, pyte
            screen = pyte.Screen(\(columns), \(rows))
            pyte.ByteStream(screen).feed(sys.stdin.buffer.read())
            sys.stdout.write("\\n".join(screen.display))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.pyte ?? "/usr/bin/python3")
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // pyte reads all its input before it writes: no deadlock.
        stdin.fileHandleForWriting.write(Data(output))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        let raw = String(decoding: output, as: UTF8.self)
        alternateScreen = Self.lastMode("1049", in: raw)
        cursorVisible = Self.lastMode("25", in: raw)
        applicationKeypad = Self.lastMode("1", in: raw)
    }

    /// Whether the last `ESC [ ? N h` / `ESC [ ? N l` in `raw` set mode N (true) or reset it.
    static func lastMode(_ mode: String, in raw: String) -> Bool? {
        let set = raw.range(of: "\u{1b}[?\(mode)h", options: .backwards)?.lowerBound
        let reset = raw.range(of: "\u{1b}[?\(mode)l", options: .backwards)?.lowerBound
        switch (set, reset) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case let (s?, r?): return s > r
        }
    }
}
