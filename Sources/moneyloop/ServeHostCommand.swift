import ArgumentParser
import Dispatch
import LoopConfig
import LoopShare
import LoopTerminal
#if canImport(Glibc)
import Glibc
#endif

/// `moneyloop serve-host` (hidden): started by `moneyloop serve --follow` on a pty of its
/// own, it runs the dashboards of many followers in one process (see ``ViewerHost``). Its
/// standard input and output carry ``HostMessage`` lines: which viewer to attach on which
/// terminal, and which viewer's dashboard has ended. Every viewer it runs is served (touches
/// no files) whatever the lines say.
struct ServeHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-host", abstract: "Run many served followers' dashboards (started by moneyloop serve).",
        shouldDisplay: false)

    @Option(name: .customLong("served-scenario"), help: .hidden)
    var servedScenarios: [String] = []
    @Option(name: .customLong("served-theme"), help: .hidden)
    var servedThemes: [String] = []
    @Option(help: .hidden)
    var fps: Double = 15

    func run() throws {
        let env = FileSystem.environment()
        guard env["MONEYLOOP_SERVED"] != nil, isatty(0) == 1 else {
            StandardStream.error.write("moneyloop serve-host: only moneyloop serve starts this\n")
            throw ExitCode(2)
        }
        // One locale for the process (curses writes UTF-8); each viewer's own picks glyphs.
        if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "") }
        for sig in [SIGINT, SIGQUIT, SIGWINCH, SIGTSTP, SIGPIPE, SIGTTOU, SIGTTIN] { signal(sig, SIG_IGN) }
        var t = termios()
        if tcgetattr(0, &t) == 0 {
            cfmakeraw(&t)
            tcsetattr(0, TCSANOW, &t)
        }
        CrashBreadcrumb.start(fd: 1)
        MainActor.assumeIsolated {
            let host = ViewerHost(
                shareSocket: env["MONEYLOOP_SHARE_SOCKET"], baseEnvironment: env,
                allowedScenarios: servedScenarios, allowedThemes: servedThemes, fps: fps)
            HostControl.start(host)
        }
        dispatchMain()
    }
}

/// The host's side of the control line: reads ``HostMessage`` lines on stdin, writes them
/// on stdout; a hang-up (the server is gone) or SIGTERM/SIGHUP ends every viewer and exits.
@MainActor
enum HostControl {
    private static var sources: [any DispatchSourceProtocol] = []

    static func start(_ host: ViewerHost) {
        host.send = { write($0) }
        var pending = [UInt8]()
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: .main)
        input.setEventHandler {
            MainActor.assumeIsolated {
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                let n = read(0, &buffer, buffer.count)
                if n <= 0 && !(n < 0 && (errno == EINTR || errno == EAGAIN)) { host.endAll(status: 128 + SIGHUP); CrashBreadcrumb.clear(); exit(0) }
                guard n > 0 else { return }
                pending += buffer[0..<n]
                while let newline = pending.firstIndex(of: 10) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    if let message = HostMessage(line: Substring(line)) { host.handle(message) }
                }
            }
        }
        input.resume()
        sources.append(input)
        for sig in [SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .main)
            s.setEventHandler { MainActor.assumeIsolated { host.endAll(status: 128 + sig); CrashBreadcrumb.clear(); exit(0) } }
            s.resume()
            sources.append(s)
        }
        write(.ready)
    }

    private static func write(_ message: HostMessage) {
        let bytes = Array(message.line.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n > 0 { sent += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
