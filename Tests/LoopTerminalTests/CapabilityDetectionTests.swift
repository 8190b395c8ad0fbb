import LoopDashboard
import Testing
@testable import LoopTerminal

/// Forcing `--color` beyond what TERM's terminfo entry offers: the same terminal's richer
/// entry when this machine has one, else the best tier there is, with a notice.
@Suite struct CapabilityDetectionTests {
    /// terminfo entries and their colours, as if installed.
    static let entries = ["xterm": 8, "xterm-256color": 256, "xterm-direct": 1 << 24, "linux": 8, "vt100": -1,
                          "tmux-256color": 256]
    static func colors(_ term: String) -> Int { entries[term] ?? -2 }

    @Test func enoughColoursLeavesEverythingAlone() {
        let n = CapabilityDetection.negotiate(forced: .c16, term: "xterm-256color", colors: Self.colors)
        #expect(n.term == "xterm-256color" && n.tier == .c16 && n.notice == nil)
    }

    @Test func richerSiblingEntryIsUsed() {
        let up = CapabilityDetection.negotiate(forced: .c256, term: "xterm", colors: Self.colors)
        #expect(up.term == "xterm-256color" && up.tier == .c256 && up.notice == nil)
        let direct = CapabilityDetection.negotiate(forced: .direct, term: "xterm-256color", colors: Self.colors)
        #expect(direct.term == "xterm-direct" && direct.tier == .direct)
    }

    @Test func noSiblingClampsWithANotice() {
        let n = CapabilityDetection.negotiate(forced: .c256, term: "linux", colors: Self.colors)
        #expect(n.term == "linux" && n.tier == .c8)
        #expect(n.notice == "--color 256: terminfo linux has 8 colours; using 8 colours")
        let t = CapabilityDetection.negotiate(forced: .direct, term: "tmux-256color", colors: Self.colors)
        #expect(t.tier == .c256 && t.notice == "--color direct: terminfo tmux-256color has 256 colours; using 256 colours")
        let none = CapabilityDetection.negotiate(forced: .c8, term: "vt100", colors: Self.colors)
        #expect(none.tier == .mono)
    }

    @Test func monoNeedsNothing() {
        #expect(CapabilityDetection.negotiate(forced: .mono, term: "vt100", colors: Self.colors).tier == .mono)
    }

    @Test func tierFromColours() {
        #expect(CapabilityDetection.tier(colors: 8, term: "xterm") == .c8)
        #expect(CapabilityDetection.tier(colors: 256, term: "xterm-256color") == .c256)
        #expect(CapabilityDetection.tier(colors: 256, term: "xterm-direct") == .direct)
        #expect(CapabilityDetection.tier(colors: -1, term: "vt100") == .mono)
    }
}
