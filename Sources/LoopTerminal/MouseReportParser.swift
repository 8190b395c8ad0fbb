import LoopDashboard

/// Picks the terminal's mouse reports out of what curses reads, so that none is ever taken
/// for keys: SGR reports (`ESC [ < b ; x ; y M` or `m`, mode 1006) and, from a terminal that
/// does not know 1006, X10 reports (`ESC [ M b x y`). Everything else passes through
/// unchanged. Over SSH a report can arrive in pieces: a report begun waits for its rest,
/// however late, and a report whose `ESC` came alone (after ESCDELAY, so curses gave it as
/// the Esc key) is still recognised when `[<` follows at the start of the next read.
struct MouseReportParser {
    /// What a byte (or key code) from curses turns out to be.
    enum Item: Equatable {
        /// A key code or byte to decode as before.
        case code(Int32)
        /// A whole report of a mouse action the dashboard uses.
        case mouse(MouseEvent)
    }

    /// Longest report kept before it counts as garbage and is dropped.
    static let maxLength = 32

    /// The report begun so far: ESC `[` (`<` or `M`) and what followed.
    private var pending: [Int32] = []
    /// Whether the ESC of `pending` was already given as the Esc key (it came alone).
    private var escapeGiven = false
    /// Whether the last thing read was an Esc that came alone at the end of a read.
    private var afterLoneEscape = false
    /// Whether the rest of an overlong report is being swallowed, up to its final `M`/`m`.
    private var discarding = false

    /// Whether part of a report (or of what may be one) is waiting for the rest.
    var isPartial: Bool { !pending.isEmpty || discarding }

    /// Takes one value `wgetch` returned.
    mutating func feed(_ c: Int32) -> [Item] {
        if discarding {
            if (48...57).contains(c) || c == 59 { return [] }
            discarding = false
            if c == 77 || c == 109 { return [] }
        }
        let lone = afterLoneEscape
        afterLoneEscape = false
        switch pending.count {
        case 0:
            if c == 27 { pending = [27]; escapeGiven = false; return [] }
            if c == 91, lone { pending = [27, 91]; escapeGiven = true; return [] }
            return [.code(c)]
        case 1:
            if c == 91 { pending.append(c); return [] }
            return release() + feed(c)
        case 2:
            if c == 60 || c == 77 { pending.append(c); return [] }  // `<` SGR, `M` X10
            return release() + feed(c)
        default:
            return pending[2] == 60 ? sgr(c) : x10(c)
        }
    }

    /// Nothing more is queued for now. A lone ESC is the Esc key (curses has waited ESCDELAY
    /// for the rest); a report begun keeps waiting, and so does `ESC [`, which only a report
    /// split between two reads (or Alt-[, which nothing uses) sends alone. A `[` read just
    /// after a lone Esc is the key `[`.
    mutating func endOfInput() -> [Item] {
        if pending == [27] {
            pending = []
            afterLoneEscape = true
            return [.code(27)]
        }
        if escapeGiven, pending.count == 2 { return release() }
        return []
    }

    /// Forgets a partial report (the input was dropped as a flood).
    mutating func reset() {
        pending = []
        escapeGiven = false
        afterLoneEscape = false
        discarding = false
    }

    /// The bytes held, given back as keys (they began no report after all).
    private mutating func release() -> [Item] {
        let out = (escapeGiven ? pending.dropFirst() : pending[...]).map(Item.code)
        reset()
        return out
    }

    private mutating func sgr(_ c: Int32) -> [Item] {
        switch c {
        case 48...57, 59:  // digits and `;`
            pending.append(c)
            if pending.count > Self.maxLength {
                reset()
                discarding = true
            }
            return []
        case 77, 109:  // `M` press or motion, `m` release
            let text = String(decoding: pending.dropFirst(3).map { UInt8($0) }, as: UTF8.self)
            let fields = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
            reset()
            guard fields.count == 3, let b = fields[0], let x = fields[1], let y = fields[2] else { return [] }
            return Self.event(button: b, x: x - 1, y: y - 1, released: c == 109).map { [.mouse($0)] } ?? []
        default:
            // Not a report after all: drop what was read of it, read this afresh.
            reset()
            return feed(c)
        }
    }

    private mutating func x10(_ c: Int32) -> [Item] {
        guard (32...255).contains(c) else { reset(); return feed(c) }
        pending.append(c)
        guard pending.count == 6 else { return [] }
        let b = Int(pending[3]) - 32, x = Int(pending[4]) - 33, y = Int(pending[5]) - 33
        reset()
        // X10 says "released" with button 3 and does not say which button.
        return Self.event(button: b, x: x, y: y, released: b & 3 == 3 && b & 64 == 0).map { [.mouse($0)] } ?? []
    }

    /// The dashboard's event for a report's button field: the left button (press, drag,
    /// release) and the wheel. Other buttons and bare motion give nothing. Modifier bits
    /// (Shift 4, Alt 8, Ctrl 16) are ignored.
    static func event(button b: Int, x: Int, y: Int, released: Bool) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let kind: MouseEvent.Kind
        if b & 64 != 0 {
            guard !released, b & 3 < 2 else { return nil }
            kind = b & 1 == 0 ? .wheelUp : .wheelDown
        } else if released {
            kind = .release
        } else if b & 3 != 0 {
            return nil
        } else {
            kind = b & 32 != 0 ? .drag : .press
        }
        return MouseEvent(kind, x: x, y: y)
    }
}
