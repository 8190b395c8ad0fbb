import Testing
@testable import LoopDashboard

/// The standard layout (120×40) as text, at the two ends of the capability range: what a
/// UTF-8, 256-colour terminal shows, and what an ASCII, no-colour one shows.
@Suite struct LayoutGoldenTests {
    @Test func standardLayoutBraille256() {
        let caps = Capabilities(color: .c256, glyphs: .braille)
        expectGolden(view(Model(paused: true), width: 120, height: 40, caps: caps).text(for: caps.glyphs),
                     "standard-120x40-braille-256")
    }

    @Test func standardLayoutASCIIMono() {
        let caps = Capabilities(color: .mono, glyphs: .ascii)
        let frame = view(Model(paused: true), width: 120, height: 40, caps: caps)
        let text = frame.text(for: caps.glyphs)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        // A scalar with no ASCII stand-in would show as `?`.
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y].scalar != "?" {
                #expect(Glyphs.asciiFallback(frame[x, y].scalar) != "?", "no ASCII for \(frame[x, y].scalar) at \(x),\(y)")
            }
        }
        expectGolden(text, "standard-120x40-ascii-mono")
    }
}
