import Testing
@testable import LoopDashboard

/// The standard layout (120×40) at the two ends of the capability range: what an ASCII,
/// no-colour terminal shows, and what a UTF-8, 256-colour one shows, colours included.
@Suite struct LayoutGoldenTests {
    @Test func standardLayoutBraille256() {
        let caps = Capabilities(color: .c256, glyphs: .braille)
        let frame = view(Model(paused: true), width: 120, height: 40, caps: caps)
        expectGolden(frame.text(for: caps.glyphs) + "\n\n" + StyleMap.render(frame, theme: .builtInDefault, tier: caps.color),
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
        expectGolden(text + "\n\n" + StyleMap.render(frame, theme: .builtInDefault, tier: caps.color),
                     "standard-120x40-ascii-mono")
    }
}
