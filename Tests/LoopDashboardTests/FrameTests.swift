import Testing
@testable import LoopDashboard

@Suite struct FrameTests {
    @Test func textRendersRowsAndTrimsTrailingSpaces() {
        var f = Frame(width: 6, height: 2)
        f.text(1, 0, "ab", .text)
        f.text(0, 1, "xyz", .text)
        #expect(f.text == " ab\nxyz")
        #expect(f.row(0) == " ab   ")
    }

    /// Combining marks and the zero-width joiner take no cell; every other scalar takes one.
    @Test func zeroWidthScalarsTakeNoCell() {
        var f = Frame(width: 8, height: 1)
        let end = f.text(0, 0, "e\u{301}a\u{200D}b\u{20AC}\u{2502}", .text)
        #expect(end == 5 && f.row(0) == "eab\u{20AC}\u{2502}   ")
    }

    @Test func writesOutsideAreClipped() {
        var f = Frame(width: 4, height: 1)
        let end = f.text(2, 0, "hello", .text)
        f.text(-3, 0, "abcd", .text)
        f.put(10, 10, "x", .text)
        #expect(f.text == "d he")
        #expect(end == 7)
    }

    @Test func clipRectangleLimitsWrites() {
        var f = Frame(width: 5, height: 1)
        f.text(0, 0, "abcde", .text, clip: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(f.text == " bc")
    }

    @Test func truncationAddsEllipsis() {
        #expect("Hyperscalers".truncated(to: 6) == "Hyper…")
        #expect("abc".truncated(to: 6) == "abc")
        #expect("abc".padded(to: 5, right: true) == "  abc")
    }

    @Test func boxDrawsBorderAndTitle() {
        var f = Frame(width: 12, height: 3)
        let inner = Box(title: "Hi").draw(into: &f, f.bounds, glyphs: .of(.braille))
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(f.text == "╭ Hi ──────╮\n│          │\n╰──────────╯")
    }

    @Test func focusedBoxIsBracketedSoMonoShowsIt() {
        var f = Frame(width: 12, height: 3)
        Box(title: "Hi", focused: true).draw(into: &f, f.bounds, glyphs: .of(.ascii))
        #expect(f.row(0) == "+[Hi]------+")
    }

    @Test func sliderHasEighthCellResolution() {
        var f = Frame(width: 8, height: 1)
        Slider(value: 0.5 + 1.0 / 16, min: 0, max: 1).draw(into: &f, x: 0, y: 0, width: 8, glyphs: .of(.braille))
        #expect(f.row(0) == "████▌···")
    }

    @Test func sliderMarksTarget() {
        var f = Frame(width: 10, height: 1)
        Slider(value: 0, min: 0, max: 1, target: 0.9).draw(into: &f, x: 0, y: 0, width: 10, glyphs: .of(.ascii))
        #expect(f.row(0) == ".........v")
    }

    @Test func lineChartDrawsBrailleDots() {
        var f = Frame(width: 2, height: 1)
        LineChart(series: [.init(values: [0, 1], style: .text)], yMin: 0, yMax: 1, count: 2)
            .draw(into: &f, f.bounds, tier: .braille)
        // Bottom-left dot to top-right dot across 4 columns of dots.
        #expect(f.row(0).unicodeScalars.allSatisfy { (0x2800...0x28FF).contains($0.value) })
    }

    @Test func asciiFallbackCoversEveryGlyph() {
        for tier in GlyphTier.allCases {
            let g = Glyphs.of(tier)
            for s in [g.horizontal, g.vertical, g.topLeft, g.arrowRight, g.pulse, g.marker, g.target, g.healthBad] {
                #expect(Glyphs.asciiFallback(s).isASCII)
            }
        }
        #expect(Glyphs.asciiFallback("⣿") == "*")
    }
}
