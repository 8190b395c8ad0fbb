import Testing
@testable import LoopDashboard

/// Big digits rendered as text in every size and glyph tier.
@Suite struct BigDigitsTests {
    /// Every character the brief asks for, plus the letters of the headline's words.
    static let required: [Character] = Array("0123456789%$.MBk-> ") + Array("CWVASTNOE")

    @Test func everyRequiredCharacterHasAGlyph() {
        for c in Self.required { #expect(BigDigits.supports(c), "no glyph for '\(c)'") }
        #expect(!BigDigits.supports("@"))
    }

    @Test func fontRowsAreRectangular() {
        for (c, g) in BigDigitsFont.glyphs {
            #expect(g.bitmap.count == 5, "'\(c)' bitmap rows")
            #expect(Set(g.bitmap.map(\.count)).count == 1, "'\(c)' bitmap widths")
            #expect(g.ascii3.count == 3, "'\(c)' ascii rows")
            #expect(Set(g.ascii3.map(\.count)).count == 1, "'\(c)' ascii widths")
            #expect(g.bitmap.allSatisfy { $0.allSatisfy { "#.".contains($0) } }, "'\(c)' bitmap characters")
        }
    }

    @Test(arguments: BigDigits.Size.allCases)
    func everyCharacterRendersInEveryTier(size: BigDigits.Size) {
        for tier in GlyphTier.allCases {
            for c in Self.required where c != " " {
                let lines = BigDigits(String(c), size: size, tier: tier).lines
                #expect(lines.count == size.rows)
                #expect(Set(lines.map { $0.unicodeScalars.count }).count == 1, "'\(c)' \(size) \(tier) ragged")
                #expect(lines.contains { $0.contains { $0 != " " } }, "'\(c)' \(size) \(tier) blank")
                if tier == .ascii {
                    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "'\(c)' \(size) not ASCII")
                }
            }
        }
    }

    @Test func brailleTierDrawsTheBlockForm() {
        for size in BigDigits.Size.allCases {
            #expect(BigDigits("58%", size: size, tier: .braille).lines == BigDigits("58%", size: size, tier: .block).lines)
        }
    }

    @Test func fiveRowsBlock() {
        #expect(BigDigits("31", size: .five, tier: .block).lines == [
            "███  █ ",
            "  █ ██ ",
            "███  █ ",
            "  █  █ ",
            "███ ███",
        ])
    }

    @Test func fiveRowsWideDoublesEachPixel() {
        #expect(BigDigits("1", size: .fiveWide, tier: .ascii).lines == [
            "  ##  ",
            "####  ",
            "  ##  ",
            "  ##  ",
            "######",
        ])
        #expect(BigDigits("11", size: .fiveWide, tier: .ascii).width == 6 + 2 + 6)
    }

    @Test func threeRowsBlockUsesHalfBlocks() {
        #expect(BigDigits("20", size: .three, tier: .block).lines == [
            "▀▀█ █▀█",
            "█▀▀ █ █",
            "▀▀▀ ▀▀▀",
        ])
    }

    @Test func threeRowsASCIIIsSevenSegment() {
        let lines = BigDigits("2.5M", size: .three, tier: .ascii).lines
        #expect(lines == [
            " _     _      ",
            " _|   |_  |\\/|",
            "|_  .  _| |  |",
        ])
    }

    @Test func fiveRowsASCIIWords() {
        #expect(BigDigits(">60", size: .five, tier: .ascii).lines == [
            "#   ### ###",
            " #  #   # #",
            "  # ### # #",
            " #  # # # #",
            "#   ### ###",
        ])
    }

    @Test func unknownCharactersDrawAQuestionMark() {
        #expect(BigDigits("@", size: .five, tier: .ascii).lines == BigDigits("?", size: .five, tier: .ascii).lines)
        #expect(BigDigits("k", size: .three, tier: .block).lines == BigDigits("K", size: .three, tier: .block).lines)
        #expect(BigDigits("vast", size: .five, tier: .block).lines == BigDigits("VAST", size: .five, tier: .block).lines)
    }

    @Test func drawingLeavesBlankCellsAlone() {
        var f = Frame(width: 12, height: 5)
        f.fill(f.bounds, "x", .text)
        BigDigits("7", size: .five, tier: .ascii).draw(into: &f, x: 1, y: 0, style: Style(.bad, .bold))
        #expect(f.row(0) == "x###xxxxxxxx")
        #expect(f.row(4) == "xxx#xxxxxxxx")
        #expect(f[1, 0].style == Style(.bad, .bold))
    }

    @Test func largestSizeFitsWidthAndHeight() {
        let values = [">60", "31", "NONE", "58%", "75%"]
        #expect(BigDigits.largestSize(fitting: values, separation: 3, width: 200, height: 5, tier: .block) == .fiveWide)
        #expect(BigDigits.largestSize(fitting: values, separation: 3, width: 118, height: 5, tier: .block) == .five)
        #expect(BigDigits.largestSize(fitting: values, separation: 3, width: 118, height: 3, tier: .block) == .three)
        #expect(BigDigits.largestSize(fitting: values, separation: 3, width: 30, height: 5, tier: .block) == nil)
    }
}
