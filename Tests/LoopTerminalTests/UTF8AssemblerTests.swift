import Testing
@testable import LoopTerminal

/// Characters whose bytes arrive one read at a time are joined; broken ones give nothing
/// and do not swallow what follows.
@Suite struct UTF8AssemblerTests {
    func feed(_ bytes: [UInt8], into a: inout UTF8Assembler) -> String {
        var s = ""
        for b in bytes { if let c = a.feed(b) { s.unicodeScalars.append(c) } }
        return s
    }

    @Test(arguments: ["é", "€", "😀", "日本", "aé€😀z"])
    func charactersFedByteByByteAreWhole(text: String) {
        var a = UTF8Assembler()
        var out = ""
        for b in text.utf8 {
            out += feed([b], into: &a)
            if a.isPartial { #expect(out.unicodeScalars.count < text.unicodeScalars.count) }
        }
        #expect(out == text && !a.isPartial)
    }

    @Test func aByteThatCannotContinueStartsAfresh() {
        var a = UTF8Assembler()
        #expect(feed([0xC3, UInt8(ascii: "q")], into: &a) == "q")
        #expect(feed([0xE2, 0x82, 0xC3, 0xA9], into: &a) == "é")
    }

    @Test func invalidBytesGiveNothing() {
        var a = UTF8Assembler()
        // Stray continuation, 0xFF, overlong "/", a surrogate, beyond U+10FFFF.
        #expect(feed([0x80, 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80], into: &a) == "")
        #expect(feed(Array("ok".utf8), into: &a) == "ok")
    }

    @Test func resetDropsAPartialCharacter() {
        var a = UTF8Assembler()
        _ = a.feed(0xC3)
        a.reset()
        #expect(!a.isPartial && a.feed(0xA9) == nil)
    }
}
