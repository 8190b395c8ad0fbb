import ArgumentParser
import LoopDashboard
import LoopSim

/// `moneyloop snapshot`: one frame of the dashboard as plain text, no terminal needed.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Print one frame of the dashboard as plain text.")

    @Option(help: "Frame size as COLUMNSxROWS.")
    var size: FrameSize = FrameSize(width: 120, height: 40)

    @Option(help: "Show the dashboard after this many simulated months.")
    var months: Int = 0

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    func validate() throws {
        guard months >= 0 else { throw ValidationError("--months must be 0 or more") }
    }

    func run() throws {
        var model = Model(paused: true)
        model.month = min(months, model.horizon)
        let caps = Capabilities(color: .mono, glyphs: ascii ? .ascii : .braille)
        let frame = view(model, width: size.width, height: size.height, caps: caps)
        print(frame.text(for: caps.glyphs))
    }
}

/// A `COLUMNSxROWS` size argument.
struct FrameSize: ExpressibleByArgument {
    var width: Int
    var height: Int
    init(width: Int, height: Int) { self.width = width; self.height = height }
    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        width = w; height = h
    }
}
