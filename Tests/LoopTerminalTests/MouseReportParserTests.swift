import LoopDashboard
import Testing
@testable import LoopTerminal

/// Mouse reports are picked out of the input whole, however the reads cut them; what is not a
/// report passes through as before, and no report is ever taken for keys.
@Suite struct MouseReportParserTests {
    /// Feeds `reads`, each ended by "nothing more queued", and returns what came out.
    func parse(_ reads: [[UInt8]], into p: inout MouseReportParser) -> [MouseReportParser.Item] {
        var out: [MouseReportParser.Item] = []
        for r in reads {
            for b in r { out += p.feed(Int32(b)) }
            out += p.endOfInput()
        }
        return out
    }

    func parse(_ reads: [String]) -> [MouseReportParser.Item] {
        var p = MouseReportParser()
        return parse(reads.map { Array($0.utf8) }, into: &p)
    }

    static let reports: [(String, MouseEvent)] = [
        ("\u{1B}[<0;10;5M", MouseEvent(.press, x: 9, y: 4)),
        ("\u{1B}[<0;10;5m", MouseEvent(.release, x: 9, y: 4)),
        ("\u{1B}[<32;200;61M", MouseEvent(.drag, x: 199, y: 60)),
        ("\u{1B}[<64;1;1M", MouseEvent(.wheelUp, x: 0, y: 0)),
        ("\u{1B}[<65;3;2M", MouseEvent(.wheelDown, x: 2, y: 1)),
        ("\u{1B}[<4;7;7M", MouseEvent(.press, x: 6, y: 6)),  // Shift held: still a press
        ("\u{1B}[M !!", MouseEvent(.press, x: 0, y: 0)),  // X10, from a terminal without 1006
        ("\u{1B}[M#**", MouseEvent(.release, x: 9, y: 9)),
        ("\u{1B}[Ma%%", MouseEvent(.wheelDown, x: 4, y: 4)),
    ]

    @Test func wholeReportsAreMouseEvents() {
        for (bytes, event) in Self.reports {
            #expect(parse([bytes]) == [.mouse(event)], "\(Array(bytes.utf8))")
        }
    }

    /// Every report, cut at every byte boundary and at all of them, with keys around it: the
    /// same event, the same keys, nothing more. (A read that ends with ESC alone means curses
    /// waited ESCDELAY for more in vain: that ESC is the Esc key, and the report after it is
    /// still a report.)
    @Test func reportsSplitAnywhereAreWhole() {
        for (bytes, event) in Self.reports {
            let whole = Array(("a" + bytes + "q").utf8)
            for cut in 1..<whole.count {
                let got = { () -> [MouseReportParser.Item] in
                    var p = MouseReportParser()
                    return parse([Array(whole[..<cut]), Array(whole[cut...])], into: &p)
                }()
                let esc: [MouseReportParser.Item] = cut == 2 ? [.code(27)] : []
                #expect(got == [.code(97)] + esc + [.mouse(event), .code(113)], "\(whole) cut at \(cut): \(got)")
            }
            // Each byte a read of its own, but for ESC [, which curses joins within ESCDELAY.
            var p = MouseReportParser()
            let pieces = [[whole[0]], [whole[1], whole[2]]] + whole.dropFirst(3).map { [$0] }
            #expect(parse(pieces, into: &p) == [.code(97), .mouse(event), .code(113)], "\(whole) byte by byte")
        }
    }

    @Test func otherButtonsAndBareMotionGiveNothing() {
        #expect(parse(["\u{1B}[<2;5;5M", "\u{1B}[<1;5;5M", "\u{1B}[<35;5;5M"]) == [])
    }

    /// Esc alone, Esc then a key, escape sequences curses did not know, and `[` typed after
    /// Esc are keys, as before.
    @Test func keysStayKeys() {
        #expect(parse(["\u{1B}"]) == [.code(27)])
        #expect(parse(["\u{1B}q"]) == [.code(27), .code(113)])
        #expect(parse(["\u{1B}[1;5Z"]) == [.code(27), .code(91), .code(49), .code(59), .code(53), .code(90)])
        #expect(parse(["\u{1B}", "["]) == [.code(27), .code(91)])
        #expect(parse(["\u{1B}", "[x"]) == [.code(27), .code(91), .code(120)])
        #expect(parse(["\u{1B}\u{1B}"]) == [.code(27), .code(27)])
        var p = MouseReportParser()
        #expect(p.feed(Int32(0x1_0000)) == [.code(0x1_0000)])  // a curses key code
    }

    /// A report whose ESC came alone (curses gave it as Esc after ESCDELAY): the Esc key,
    /// then the report, never `[`, `<`, digits or `M` as keys.
    @Test func aReportAfterALoneEscIsStillAReport() {
        #expect(parse(["\u{1B}", "[<0;3;4M"]) == [.code(27), .mouse(MouseEvent(.press, x: 2, y: 3))])
        #expect(parse(["\u{1B}", "[<0;3", ";4M"]) == [.code(27), .mouse(MouseEvent(.press, x: 2, y: 3))])
    }

    /// A report broken off by something that cannot continue it is dropped, not typed; a
    /// report too long for any terminal is dropped.
    @Test func brokenReportsAreDropped() {
        #expect(parse(["\u{1B}[<0;3q"]) == [.code(113)])
        #expect(parse(["\u{1B}[<" + String(repeating: "1;", count: 40) + "Mx"]) == [.code(120)])
        var p = MouseReportParser()
        _ = parse([Array("\u{1B}[<0;3".utf8)], into: &p)
        #expect(p.isPartial)
        p.reset()
        #expect(!p.isPartial && parse([Array("x".utf8)], into: &p) == [.code(120)])
    }
}
