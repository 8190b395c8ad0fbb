import Testing
@testable import LoopDashboard

/// Known colours converted down: the xterm 256-colour cube and grey ramp, the 16 ANSI
/// colours (by hue, or the explicit fallback), and 8 colours with brightness as bold.
@Suite struct ColorConversionTests {
    /// #RRGGBB → (256-colour index, 16-colour index).
    static let table: [(String, Int, Int)] = [
        ("#000000", 16, 0), ("#ffffff", 231, 15), ("#ff0000", 196, 9), ("#cd0000", 160, 1),
        ("#00ff00", 46, 10), ("#0000ff", 21, 4), ("#808080", 244, 8), ("#1e1e1e", 234, 0),
        ("#080808", 232, 0), ("#eeeeee", 255, 7), ("#5f87af", 67, 12), ("#61afef", 75, 6),
        ("#e06c75", 168, 1), ("#98c379", 108, 2), ("#c678dd", 176, 5), ("#abb2bf", 249, 7),
        ("#282c34", 236, 0), ("#8a8f98", 246, 8), ("#f0e442", 221, 11), ("#5fafff", 75, 12),
        ("#d55e00", 166, 1), ("#56b4e9", 74, 6),
    ]

    @Test(arguments: table)
    func rgbTo256And16(_ hex: String, _ i256: Int, _ i16: Int) throws {
        let c = try #require(Color(name: hex))
        #expect(ColorConversion.resolve(c, tier: .c256) == i256, "\(hex) in 256 colours")
        #expect(ColorConversion.resolve(c, tier: .c16) == i16, "\(hex) in 16 colours")
    }

    @Test func everyCubeAndGreyColourMapsToItself() {
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        for (ri, r) in levels.enumerated() {
            for (gi, g) in levels.enumerated() {
                for (bi, b) in levels.enumerated() {
                    #expect(ColorConversion.index256(r, g, b) == 16 + 36 * ri + 6 * gi + bi)
                }
            }
        }
        for i in 1..<24 {  // 232 (#080808) is also tested above; 8 + 10i are the greys
            let v = UInt8(8 + 10 * i)
            #expect(ColorConversion.index256(v, v, v) == 232 + i)
        }
    }

    @Test func explicitFallbackWinsInSixteenAndEightColours() {
        let sky = Color.rgb(0x61, 0xaf, 0xef)
        #expect(ColorConversion.resolve(sky, tier: .c16, fallback16: .ansi(12)) == 12)
        #expect(ColorConversion.resolve(sky, tier: .c8, fallback16: .ansi(12)) == 4)
        #expect(ColorConversion.resolve(sky, tier: .c256, fallback16: .ansi(12)) == 75)
    }

    @Test func eightColoursKeepBrightnessAsAttributes() {
        #expect(ColorConversion.foreground(.ansi(9), tier: .c8) == (1, .bold))
        #expect(ColorConversion.foreground(.ansi(15), tier: .c8) == (7, .bold))
        // Grey must not become black on a dark terminal, nor white on a light one.
        #expect(ColorConversion.foreground(.ansi(8), tier: .c8, kind: .dark) == (7, .dim))
        #expect(ColorConversion.foreground(.ansi(8), tier: .c8, kind: .light) == (0, .dim))
        #expect(ColorConversion.foreground(.ansi(3), tier: .c8) == (3, []))
        #expect(ColorConversion.background(.ansi(8), tier: .c8, kind: .dark) == 0)
        #expect(ColorConversion.background(.ansi(12), tier: .c8) == 4)
        #expect(ColorConversion.foreground(.ansi(9), tier: .c16) == (9, []))
    }

    @Test func directColourNeverSendsAnANSIIndexForRGB() {
        #expect(ColorConversion.resolve(.rgb(0x61, 0xaf, 0xef), tier: .direct) == 0x61afef)
        // 8–15 would be near-black RGB on a direct terminal: they go as their xterm RGB.
        #expect(ColorConversion.resolve(.ansi(9), tier: .direct) == 0xff0000)
        #expect(ColorConversion.resolve(.ansi(3), tier: .direct) == 3)
        #expect(ColorConversion.resolve(.rgb(0, 0, 5), tier: .direct) == 0)
    }

    @Test func defaultAndMonoAreTheTerminalsOwn() {
        for tier in ColorTier.allCases {
            #expect(ColorConversion.resolve(.default, tier: tier) == -1)
        }
        #expect(ColorConversion.resolve(.rgb(255, 0, 0), tier: .mono) == -1)
    }

    @Test func gradientInterpolatesRGBAndPicksTheNearerStopOtherwise() {
        let g = Gradient(start: .rgb(0, 0, 0), mid: .rgb(100, 100, 100), end: .rgb(200, 0, 0))
        #expect(g.color(at: 0) == .rgb(0, 0, 0))
        #expect(g.color(at: 0.25) == .rgb(50, 50, 50))
        #expect(g.color(at: 0.75) == .rgb(150, 50, 50))
        #expect(g.color(at: 2) == .rgb(200, 0, 0))
        #expect(g.color(at: .nan) == .rgb(0, 0, 0))
        let ansi = Gradient(start: .ansi(1), end: .ansi(2))
        #expect(ansi.color(at: 0.4) == .ansi(1) && ansi.color(at: 0.6) == .ansi(2))
        #expect(Shade(.slider, fraction: 1).step == UInt8(Shade.steps - 1))
    }
}
