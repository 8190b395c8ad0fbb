import ArgumentParser
import LoopDashboard
import LoopTerminal
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `moneyloop` (the default): the live dashboard in this terminal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Start the live dashboard (the default).")

    @Flag(help: "Start with the simulation clock paused.")
    var paused = false

    @Option(help: "Colours: auto, direct, 256, 16, 8 or mono.")
    var color: ColorChoice = .auto

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Option(help: "Simulated months per second.")
    var speed: Double = 2

    @Option(help: "At most this many frames per second.")
    var fps: Double = 15

    func validate() throws {
        guard speed > 0, speed <= 64, speed.isFinite else { throw ValidationError("--speed must be between 0 and 64") }
        guard fps >= 1, fps <= 60 else { throw ValidationError("--fps must be between 1 and 60") }
    }

    func run() throws {
        var model = Model(paused: paused)
        model.speed = speed
        let terminal: Terminal
        do {
            terminal = try Terminal(options: TerminalOptions(color: color.tier, ascii: ascii),
                                    theme: .builtInDefault, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        EventLoop(model: model, terminal: terminal, fps: fps).run()
    }
}

/// The `--color` choices.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, direct, c256 = "256", c16 = "16", c8 = "8", mono
    var tier: ColorTier? { self == .auto ? nil : ColorTier(rawValue: rawValue) }
}
