import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The terminal's mouse reporting, set by the program itself rather than by curses: button
/// presses and releases (1000), motion while a button is held (1002, for dragging a slider),
/// SGR reports (1006: any column, and a release that names its button). Never 1003 (all
/// motion), and Shift is left to the terminal, so Shift-drag still selects text. The reports
/// are decoded by `MouseReportParser`, not curses, so that one split across reads is still
/// whole.
enum MouseMode {
    static let on = "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h"
    static let off = "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l"

    /// Whether the terminal curses was started for reports the mouse: its terminfo entry
    /// names the mouse's key (`kmous`), as xterm's, tmux's, screen's and their kin do.
    static func supported() -> Bool {
        guard let s = tigetstr("kmous"), Int(bitPattern: s) != -1 else { return false }
        return s.pointee != 0
    }

    /// Turns reporting on; curses must not take the reports for its mouse key.
    static func enable() {
        keyok(KEY_MOUSE, false)
        write(on)
    }

    /// Turns reporting off (on stop, before Ctrl-Z stops the process).
    static func disable() { write(off) }

    private static func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }
}
