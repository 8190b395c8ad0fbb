import CNcursesw
import CTerminalGuard
import LoopDashboard
#if canImport(Glibc)
import Glibc
#endif

/// The terminal, owned by curses between `start` and `stop`: capability detection,
/// blitting frames, reading keys. Every method must run on the main queue.
public final class Terminal {
    public let capabilities: Capabilities
    /// The TERM curses was started with (a fallback when the user's has no terminfo).
    public let termName: String
    /// A one-line notice for the status bar (e.g. the TERM fallback).
    public let notice: String?
    private var screen: OpaquePointer
    /// Set for one viewer of many in a hosting process; nil for the process's own terminal.
    public let hosted: HostedTTY?
    private var pairs: ColorPairs
    private var previous: Frame?
    /// The cells to write this blit (storage kept between frames).
    private var diff = FrameDiff()
    private var stopped = false
    /// A character whose first bytes arrived, waiting for the rest.
    private var utf8 = UTF8Assembler()
    /// Mouse reports picked out of the input, whole however they arrive.
    private var reports = MouseReportParser()
    /// Whether mouse reporting is on (asked for, and the terminal has it).
    public let mouse: Bool
    /// Milliseconds curses waits after ESC for the rest of a sequence: a sequence split by an
    /// SSH link must still arrive whole, and a lone Esc should still feel immediate.
    public static let escapeDelay: Int32 = 100

    /// Takes the terminal: checks stdin/stdout, the locale, TERM, then starts curses.
    public init(options: TerminalOptions, theme: Theme, environment env: [String: String]) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        let utf8 = CapabilityDetection.setUpLocale(environment: env)
        let (name, options, notice) = try Terminal.chooseTerm(options: options, environment: env)
        // Own these signals before curses so it does not install handlers of its own.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP] { signal(sig, SIG_IGN) }
        ml_guard_save(1)
        guard let scr = newterm(name, ml_stdout(), ml_stdin()) else { throw .cannotOpen(term: env["TERM"] ?? name) }
        hosted = nil
        (screen, termName, self.notice) = (scr, name, notice)
        (capabilities, pairs) = Terminal.startCurses(name, env: env, options: options, utf8: utf8, theme: theme)
        mouse = options.mouse && MouseMode.supported()
        Terminal.armGuard(mouse: mouse)
        Terminal.disableFlowControl()
        if mouse { MouseMode.enable() }
    }

    /// Starts curses for one viewer of a process that hosts many, on `tty`. The process
    /// locale is left alone (it is UTF-8); the viewer's own locale only picks the glyphs.
    /// Each call on this terminal first makes its curses screen the current one.
    public init(hosted tty: HostedTTY, options: TerminalOptions, theme: Theme, environment env: [String: String]) throws(TerminalError) {
        let (name, options, notice) = try Terminal.chooseTerm(options: options, environment: env)
        guard let scr = Terminal.newScreen(name, on: tty) else { throw .cannotOpen(term: env["TERM"] ?? name) }
        hosted = tty
        // Mouse reporting is switched on by writing to standard output: not for a hosted viewer.
        mouse = false
        (screen, termName, self.notice) = (scr, name, notice)
        hostedSetup = (env, options, CapabilityDetection.isUTF8(environment: env), theme)
        (capabilities, pairs) = Terminal.startCurses(name, env: env, options: options, utf8: hostedSetup!.utf8, theme: theme)
        tty.drain()
        tty.onDrained = { [weak self] in self?.drawSkipped() }
    }

    /// A curses screen for a hosted viewer at their terminal's size. Curses cannot ask the
    /// pipe it writes to for a size: it takes LINES and COLUMNS from the environment.
    private static func newScreen(_ name: String, on tty: HostedTTY) -> OpaquePointer? {
        let size = tty.size() ?? (80, 24)
        setenv("LINES", "\(size.height)", 1)
        setenv("COLUMNS", "\(size.width)", 1)
        defer {
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        return newterm(name, tty.outputFile, tty.inputFile)
    }

    /// What a hosted viewer's screen is made with, to make it again at a new size.
    private var hostedSetup: (env: [String: String], options: TerminalOptions, utf8: Bool, theme: Theme)?

    /// TERM from `env`, or xterm-256color when this machine has no terminfo for it, and the
    /// colour tier a forced `--color` can have with it.
    private static func chooseTerm(options: TerminalOptions, environment env: [String: String])
        throws(TerminalError) -> (String, TerminalOptions, String?)
    {
        guard let term = env["TERM"], !term.isEmpty else { throw .noTerm }
        guard term != "dumb" else { throw .dumbTerm }
        var name = term
        var notice: String?
        if !CapabilityDetection.hasTerminfo(term, environment: env) {
            name = "xterm-256color"
            notice = "no terminfo for TERM=\(term): using xterm-256color"
        }
        var options = options
        if let forced = options.color {
            let n = CapabilityDetection.negotiate(forced: forced, term: name)
            name = n.term
            options.color = n.tier
            notice = n.notice ?? notice
        }
        return (name, options, notice)
    }

    /// The modes every dashboard screen runs in, once `newterm` made it current.
    private static func startCurses(_ name: String, env: [String: String], options: TerminalOptions, utf8: Bool,
                                    theme: Theme) -> (Capabilities, ColorPairs)
    {
        let tier = CapabilityDetection.colorTier(term: name, environment: env, options: options)
        let capabilities = Capabilities(color: tier, glyphs: CapabilityDetection.glyphTier(utf8: utf8, options: options))
        if tier != .mono {
            start_color()
            use_default_colors()
        }
        let pairs = ColorPairs(tier: tier, theme: theme)
        cbreak()
        noecho()
        nonl()
        intrflush(ml_stdscr(), false)
        keypad(ml_stdscr(), true)
        nodelay(ml_stdscr(), true)
        set_escdelay(Terminal.escapeDelay)
        curs_set(0)
        return (capabilities, pairs)
    }

    /// Makes this terminal's curses screen the current one (hosted viewers share a process).
    private func select() {
        if hosted != nil { ml_select_screen(screen) }
    }

    /// Ctrl-S and Ctrl-Q reach the dashboard as keys instead of freezing its output (XON/XOFF
    /// flow control, which a stray Ctrl-S in a paste would otherwise switch on). Curses keeps
    /// the change as its program mode, so a resume after Ctrl-Z restores it too.
    private static func disableFlowControl() {
        var t = termios()
        guard tcgetattr(0, &t) == 0 else { return }
        t.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(0, TCSANOW, &t)
        def_prog_mode()
    }

    /// Computes the bytes that undo curses' modes (and mouse reporting) and hands them to the
    /// crash guard.
    private static func armGuard(mouse: Bool) {
        var bytes: [CChar] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let s = tigetstr(cap), Int(bitPattern: s) != -1 else { continue }
            var p = s
            while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
        }
        if mouse { bytes += MouseMode.off.utf8.map { CChar(bitPattern: $0) } }
        ml_guard_install(bytes, bytes.count)
    }

    /// The terminal's size in cells, read from the tty.
    public func size() -> (width: Int, height: Int) {
        if let hosted {
            select()
            return hosted.size() ?? (Int(ml_COLS()), Int(ml_LINES()))
        }
        var rows: Int32 = 0, cols: Int32 = 0
        if ml_window_size(1, &rows, &cols) != 0 || rows <= 0 || cols <= 0 {
            return (Int(ml_COLS()), Int(ml_LINES()))
        }
        return (Int(cols), Int(rows))
    }

    /// Tells curses the new size after SIGWINCH; the next blit repaints what changed.
    public func resized() {
        previous = nil
        guard let hosted, let setup = hostedSetup else {
            let (w, h) = size()
            resizeterm(Int32(h), Int32(w))
            return
        }
        // resizeterm with several screens in one process resizes the others' windows too (a
        // crash in their next update): a hosted viewer gets a new screen at the new size. The
        // old one is left (see `stop`): about 0.4 MB at 120×40 until the host retires.
        select()
        endwin()
        guard let made = Terminal.newScreen(termName, on: hosted) else {
            stopped = true
            hosted.close()
            return
        }
        screen = made
        (_, pairs) = Terminal.startCurses(termName, env: setup.env, options: setup.options, utf8: setup.utf8,
                                          theme: pairs.theme)
        hosted.drain()
    }

    public func setTheme(_ theme: Theme) {
        select()
        pairs.setTheme(theme)
        previous = nil
    }

    /// Writes the cells that changed since the last frame; curses sends only real changes.
    public func blit(_ frame: Frame) {
        guard !stopped else { return }
        if let hosted, hosted.backlogged {
            // The viewer's link has not taken the last frames yet: skip this one; the newest
            // is drawn when the backlog has gone out.
            skipped = frame
            return
        }
        skipped = nil
        select()
        let win = ml_stdscr()
        let ascii = capabilities.glyphs == .ascii
        diff.compute(from: previous, to: frame)
        if diff.full { werase(win) }
        for i in diff.changed {
            let cell = frame.cells[i]
            let (attrs, pair) = pairs.lookup(cell.style)
            let s = ascii ? Glyphs.asciiFallback(cell.scalar) : cell.scalar
            _ = ml_put_cell(win, Int32(i / frame.width), Int32(i % frame.width), wchar_t(s.value), attrs, pair)
        }
        if let c = frame.cursor {
            curs_set(1)
            wmove(win, Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(win)
        doupdate()
        previous = frame
        hosted?.drain()
    }

    /// A frame not drawn while the viewer's link was backed up.
    private var skipped: Frame?

    /// Draws the frame skipped while the link was backed up, once it has drained.
    private func drawSkipped() {
        if let frame = skipped { blit(frame) }
    }

    /// Reads the keys and mouse reports waiting on stdin, at most `limit` reads. `reads`
    /// counts every key read, ignored ones too, and a mouse report as one. `ended` is true
    /// only when input has really ended (see `RawInput.state`). Curses decodes escape
    /// sequences (a lone ESC is given after ESCDELAY); mouse reports are picked out and
    /// characters joined from bytes here, so that one split between two reads waits for its
    /// rest instead of being dropped or taken for keys.
    public func readInput(limit: Int = 4096) -> (inputs: [TerminalInput], reads: Int, ended: Bool) {
        select()
        defer { hosted?.drain() }
        let fd = hosted?.input ?? 0
        var inputs: [TerminalInput] = []
        var reads = 0
        func take(_ items: [MouseReportParser.Item]) {
            for item in items {
                switch item {
                case let .mouse(e):
                    // With the mouse off, a report (pasted, or from a confused terminal) is
                    // still no keys, and does nothing. Of drags read together, the last says
                    // where the pointer is.
                    utf8.reset()
                    guard mouse else { break }
                    if e.kind == .drag, case let .mouse(last)? = inputs.last, last.kind == .drag {
                        inputs[inputs.count - 1] = .mouse(e)
                    } else {
                        inputs.append(.mouse(e))
                    }
                case let .code(c) where c > 0xFF:
                    utf8.reset()
                    if let k = KeyDecoder.decodeKeyCode(c) { inputs.append(.key(k)) }
                case let .code(c):
                    if let s = utf8.feed(UInt8(truncatingIfNeeded: c)), let k = KeyDecoder.decode(s) { inputs.append(.key(k)) }
                }
            }
        }
        while reads < limit {
            let c = wgetch(ml_stdscr())
            if c == ERR {
                switch RawInput.state(fd: fd) {
                case .open:
                    take(reports.endOfInput())
                    return (inputs, reads, false)
                case .ended: return (inputs, reads, true)
                case let .late(byte): ungetch(Int32(byte))
                }
                continue
            }
            let items = reports.feed(c)
            if !reports.isPartial { reads += 1 }
            take(items)
        }
        return (inputs, reads, false)
    }

    /// Forgets a partial mouse report (its rest was dropped with a flood).
    public func forgetPartialInput() { reports.reset() }

    /// Reads what stdin has queued without decoding it, into `buffer`; nil when input ended.
    public func readRaw(into buffer: inout [UInt8]) -> Int? { RawInput.drain(fd: hosted?.input ?? 0, into: &buffer) }

    /// The descriptor keys arrive on.
    public var inputDescriptor: Int32 { hosted?.input ?? 0 }

    /// The bytes this terminal sends for `key` (from terminfo for special keys); empty when
    /// unknown.
    public func sequence(for key: Key) -> [UInt8] {
        if let cap = KeyDecoder.terminfoName(key) {
            select()
            guard let s = tigetstr(cap), Int(bitPattern: s) != -1 else { return [] }
            return Array(String(cString: s).utf8)
        }
        return KeyDecoder.plainBytes(key)
    }

    /// Gives the terminal back: main screen, cursor, echo and line mode. Idempotent.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        select()
        endwin()
        guard let hosted else {
            if mouse { MouseMode.disable() }
            ml_guard_disarm()
            delscreen(screen)
            return
        }
        hosted.drain()
        // No delscreen: with several screens in one process it breaks the others' input
        // (ncurses 6.4). The screen is freed with its host process (``ViewerHosts`` retires
        // a host once the viewers it was given have left).
        hosted.close()
    }

    /// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and repaint.
    public func suspend() {
        endwin()
        if mouse { MouseMode.disable() }
        ml_guard_disarm()
        let old = signal(SIGTSTP, SIG_DFL)
        // The main queue may run on a Dispatch worker thread, which blocks SIGTSTP: there the
        // raise would stay pending and nothing would stop. Unblocked, it stops us right here.
        var tstp = sigset_t(), mask = sigset_t()
        sigemptyset(&tstp)
        sigaddset(&tstp, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &tstp, &mask)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        signal(SIGTSTP, old)
        ml_guard_arm()
        reset_prog_mode()
        if mouse { MouseMode.enable() }
        resized()
        clearok(ml_curscr(), true)
    }
}
