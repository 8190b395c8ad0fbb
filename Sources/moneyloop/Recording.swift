import Dispatch
import LoopDashboard
import LoopTerminal
#if canImport(Glibc)
import Glibc
#endif

/// A file a live session streams to: a cast (`--cast`) or narration (`--narrate`, `-` for
/// stderr). Opened before the terminal is taken, so a bad path fails cleanly (status 2).
/// Each piece is written whole as it comes, so a session cut short still leaves a
/// playable file up to its last event.
final class SessionStream: @unchecked Sendable {
    private let stream: StandardStream

    init(path: String) {
        if path == "-" {
            stream = .error
            return
        }
        guard let file = StandardStream.create(path) else {
            CommandOutput.fail("\(path): cannot write here (check the folder exists and is writable)")
        }
        stream = file
    }

    /// Set when a write failed (a full disk): the stream stops rather than stop the session.
    private var failed = false

    func write(_ text: String) {
        guard !text.isEmpty, !failed else { return }
        if !stream.write(text) { failed = true }
    }
}

/// Records a live dashboard's drawn frames as an asciicast v2 file, with real timing.
final class LiveCast: @unchecked Sendable {
    private let stream: SessionStream
    private var recorder: CastRecorder?
    private let started = DispatchTime.now()

    init(path: String) { stream = SessionStream(path: path) }

    /// Hooks the recorder into `loop`'s drawing: every frame it draws, as it draws it.
    func attach(to loop: EventLoop, capabilities caps: Capabilities) {
        loop.onDraw = { [unowned self] frame, model in
            if self.recorder == nil {
                self.recorder = CastRecorder(tier: caps.color, glyphs: caps.glyphs)
                self.stream.write(CastRecorder.header(width: frame.width, height: frame.height,
                                                      title: "moneyloop · \(model.scenarioName)"))
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - self.started.uptimeNanoseconds) / 1e9
            self.stream.write(self.recorder!.record(frame, model: model, at: seconds))
        }
    }
}

/// Writes each narration sentence as a line, after the session's opening state.
final class NarrationFile: @unchecked Sendable {
    private let stream: SessionStream

    init(path: String) { stream = SessionStream(path: path) }

    /// Says where the session starts, then follows `loop`'s messages (after any observer
    /// already there, such as `--share`'s publisher).
    func attach(to loop: EventLoop, model: Model) {
        stream.write("\(model.scenarioName): " + Narrator.opening(model) + "\n")
        let earlier = loop.onModelChange
        loop.onModelChange = { [unowned self] model in
            earlier?(model)
            for s in model.presentation.narration.latest { self.stream.write(s + "\n") }
        }
    }

    /// Writes sentences as they come from a headless run.
    func write(_ sentences: [String]) {
        for s in sentences { stream.write(s + "\n") }
    }
}

/// `--cast` and `--narrate` of a live session: their files opened before the terminal is
/// taken, then hooked into the event loop.
struct Recording {
    let cast: LiveCast?
    let narration: NarrationFile?

    init(cast: String?, narrate: String?, model: inout Model) {
        if narrate == "-" && Recording.stderrIsTheScreen() {
            CommandOutput.fail("--narrate -: stderr is this terminal, where the sentences would garble the screen; "
                + "redirect it (2>FILE, 2>/dev/pts/N) or give --narrate FILE")
        }
        self.cast = cast.map(LiveCast.init(path:))
        narration = narrate.map(NarrationFile.init(path:))
        if narration != nil { model.presentation.narration.enabled = true }
    }

    /// True when stderr and stdout are the same terminal device.
    static func stderrIsTheScreen() -> Bool {
        var out = stat(), err = stat()
        guard isatty(1) == 1, isatty(2) == 1, fstat(1, &out) == 0, fstat(2, &err) == 0 else { return false }
        return out.st_rdev == err.st_rdev
    }

    func attach(to loop: EventLoop, model: Model, capabilities: Capabilities) {
        cast?.attach(to: loop, capabilities: capabilities)
        narration?.attach(to: loop, model: model)
    }
}
