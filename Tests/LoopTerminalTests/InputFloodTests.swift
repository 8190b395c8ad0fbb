import LoopDashboard
import Testing
@testable import LoopTerminal

/// The backlog guard: a burst of keys is taken, then input is a flood, dropped until it
/// pauses; quit keys in the dropped bytes are still found, even split between two reads.
@Suite struct InputFloodTests {
    static let f10: [UInt8] = Array("\u{1B}[21~".utf8)
    static let second: UInt64 = 1_000_000_000

    func guardAt(_ t: UInt64 = 0) -> InputFlood {
        InputFlood(now: t, quitSequences: [(.char("q"), [UInt8(ascii: "q")]), (.function(10), Self.f10)])
    }

    @Test func aBurstIsTakenThenTheRateRefills() {
        var g = guardAt()
        let first = g.allowance(at: 0)
        g.spend(first)
        let spent = g.allowance(at: 0), half = g.allowance(at: Self.second / 2), later = g.allowance(at: 100 * Self.second)
        #expect(first == Int(InputFlood.burst) && spent == 0)
        #expect(half == Int(InputFlood.rate / 2))
        #expect(later == Int(InputFlood.burst), "refills only up to a burst")
    }

    @Test func aFloodLastsUntilInputPauses() {
        var g = guardAt()
        g.begin(at: 0)
        let early = g.continues(at: InputFlood.quiet / 2)
        _ = g.drop(ArraySlice(Array("abc".utf8)), at: InputFlood.quiet / 2)
        let afterInput = g.continues(at: InputFlood.quiet)
        let afterPause = g.continues(at: InputFlood.quiet / 2 + InputFlood.quiet)
        #expect(early && afterInput, "input came: the quiet time starts again")
        #expect(!afterPause)
        #expect(g.dropped == 3)
    }

    @Test func quitKeysAreFoundInDroppedBytesInOrder() {
        var g = guardAt()
        g.begin(at: 0)
        let bytes = Array("xx".utf8) + Self.f10 + Array("yqz".utf8)
        let found = g.drop(ArraySlice(bytes), at: 1), none = g.drop(ArraySlice(Array("plain text".utf8)), at: 2)
        #expect(found == [.function(10), .char("q")])
        #expect(none == [])
    }

    @Test func aQuitSequenceSplitBetweenReadsIsFoundOnce() {
        for cut in 1..<Self.f10.count {
            var g = guardAt()
            g.begin(at: 0)
            let a = g.drop(ArraySlice(Array("ab".utf8) + Self.f10[..<cut]), at: 1)
            let b = g.drop(ArraySlice(Array(Self.f10[cut...]) + Array("cd".utf8)), at: 2)
            let c = g.drop(ArraySlice(Array("ef".utf8)), at: 3)
            #expect(a == [] && b == [.function(10)] && c == [], "cut at \(cut)")
        }
    }

    @Test func droppedKeysAreCountedAndQuitKeysRecognised() {
        var g = guardAt()
        g.begin(at: 0)
        let quits = [Key.char("x"), .function(10), .char("q"), .up].map { g.drop(key: $0) }
        #expect(quits == [false, true, true, false] && g.dropped == 4)
    }
}
