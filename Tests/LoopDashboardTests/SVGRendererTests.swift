import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LoopDashboard

/// The SVG export: valid XML, the screen's text cell for cell, the theme's colours.
@Suite struct SVGRendererTests {
    /// What an SVG holds, read back with an XML parser.
    final class Reading: NSObject, XMLParserDelegate {
        struct Run { var cls: [String]; var xs: [Double]; var y: Double; var text = "" }
        var runs: [Run] = []
        var rects: [(x: Double, y: Double, w: Double, fill: String)] = []
        var paths: [[String: String]] = []
        var css = ""
        private var inStyle = false, inText = false

        func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String] = [:])
        {
            switch name {
            case "text":
                inText = true
                runs.append(Run(cls: (a["class"] ?? "").split(separator: " ").map(String.init),
                                xs: (a["x"] ?? "").split(separator: " ").compactMap { Double($0) }, y: Double(a["y"] ?? "") ?? -1))
            case "rect" where a["x"] != nil:
                rects.append((Double(a["x"]!)!, Double(a["y"]!)!, Double(a["width"]!)!, a["fill"] ?? ""))
            case "path": paths.append(a)
            case "style": inStyle = true
            default: break
            }
        }

        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "style" { inStyle = false }
            if name == "text" { inText = false }
        }

        func parser(_ p: XMLParser, foundCharacters s: String) {
            if inStyle { css += s } else if inText { runs[runs.count - 1].text += s }
        }

        /// The fill a class sets, e.g. `c3` → `#e06c75`.
        func fill(of cls: String) -> String? {
            guard let r = css.range(of: ".\(cls){fill:") else { return nil }
            return String(css[r.upperBound...].prefix(7))
        }
    }

    static func read(_ svg: String) throws -> Reading {
        let parser = XMLParser(data: Data(svg.utf8))
        let reading = Reading()
        parser.delegate = reading
        let ok = parser.parse()
        #expect(ok, "not well-formed XML: \(String(describing: parser.parserError))")
        return reading
    }

    /// The characters of the picture at their cells, as rows of text.
    static func grid(_ r: Reading, width: Int, height: Int) -> [[Character]] {
        var g = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for run in r.runs {
            let row = Int(((run.y - SVGRenderer.baseline) / SVGRenderer.cellHeight).rounded())
            for (x, ch) in zip(run.xs, run.text) {
                let col = Int((x / SVGRenderer.cellWidth).rounded())
                #expect(g[row][col] == " ", "two characters at row \(row) column \(col)")
                g[row][col] = ch
            }
        }
        return g
    }

    static func frame(width: Int = 120, height: Int = 40, month: Int = 14, presenting: Bool = false) -> Frame {
        var m = Model(paused: true)
        m.month = month
        m.setLever("cw.utilization", to: 0.82)
        m.presentation.presenting = presenting
        return view(m, width: width, height: height, caps: Capabilities(color: .direct, glyphs: .braille))
    }

    @Test(arguments: [(120, 40, false), (80, 24, false), (160, 48, true)])
    func textEqualsTheSnapshotCellForCell(_ size: (Int, Int, Bool)) throws {
        let f = Self.frame(width: size.0, height: size.1, presenting: size.2)
        let svg = SVGRenderer(theme: .builtInDefault, tier: .direct).render(f)
        let r = try Self.read(svg)
        let rows = Self.grid(r, width: f.width, height: f.height).map { String($0).trimmingTrailingSpaces() }
        #expect(rows.joined(separator: "\n") == f.text)
        // The frame really has glyphs drawn as shapes: box drawing, and braille beside the graph.
        #expect(f.text.contains("╭") && !r.paths.isEmpty)
        if size.0 >= 120 { #expect(f.text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }) }
    }

    @Test func asciiTierHoldsTheAsciiText() throws {
        let f = Self.frame()
        let svg = SVGRenderer(theme: .builtInDefault, tier: .mono, glyphs: .ascii).render(f)
        let r = try Self.read(svg)
        let rows = Self.grid(r, width: f.width, height: f.height).map { String($0).trimmingTrailingSpaces() }
        #expect(rows.joined(separator: "\n") == f.text(for: .ascii))
        #expect(r.paths.isEmpty, "ASCII draws text only")
    }

    @Test(arguments: ["default", "light", "high-contrast"])
    func colorsFollowTheTheme(_ name: String) throws {
        let theme = name == "default" ? Theme.builtInDefault : try BundledThemeTests.load(name).theme
        let f = Self.frame()
        let r = try Self.read(SVGRenderer(theme: theme, tier: .direct).render(f))
        let palette = ScreenPalette(theme: theme, tier: .direct)
        var checked = Set<Role>()
        for run in r.runs where !run.cls.contains("g") {
            let row = Int(((run.y - SVGRenderer.baseline) / SVGRenderer.cellHeight).rounded())
            let col = Int((run.xs[0] / SVGRenderer.cellWidth).rounded())
            let style = f[col, row].style
            let rs = theme.style(style.role)
            // The theme's own colour for the role, read straight from the theme.
            guard style.shade == nil, !style.attributes.contains(.reverse), !rs.attributes.contains(.reverse),
                  case let .rgb(red, green, blue) = rs.fg else { continue }
            let expected = RGB(red, green, blue).hex
            #expect(r.fill(of: run.cls[0]) == expected, "\(style.role) at \(col),\(row): \(run.text)")
            checked.insert(style.role)
        }
        #expect(checked.count >= 8, "roles checked: \(checked)")
        // The status bar's background is the theme's, across the whole first row.
        if case let .rgb(red, green, blue) = theme.style(.statusBar).bg {
            let top = r.rects.filter { $0.y == 0 }
            #expect(top.contains { $0.fill == RGB(red, green, blue).hex && $0.w >= Double(f.width) * SVGRenderer.cellWidth / 2 })
        }
        #expect(r.css.contains(palette.foreground.hex) || theme.foreground == .default)
    }

    @Test func glyphsAreDrawnAsShapesInTheirCells() throws {
        var f = Frame(width: 6, height: 2)
        f.text(0, 0, "╭─┬╮▄⣿", Style(.border))
        f.text(0, 1, "│ab▏█░", Style(.good))
        let svg = SVGRenderer(theme: .builtInDefault, tier: .direct).render(f)
        let r = try Self.read(svg)
        let strokes = r.paths.filter { $0["stroke"] != nil }, fills = r.paths.filter { $0["stroke"] == nil }
        #expect(strokes.count == 2 && fills.count == 3, "\(r.paths)")
        #expect(strokes.allSatisfy { $0["stroke"] == "#4b5263" || $0["stroke"] == "#98c379" })
        // The braille ⣿ has eight dots: sixteen arcs.
        let dots = fills.first { $0["fill"] == "#4b5263" }?["d"] ?? ""
        #expect(dots.components(separatedBy: "a").count - 1 == 16)
        // The shade ░ is a quarter-opaque fill; "ab" stays text.
        #expect(fills.contains { $0["fill-opacity"] == "0.25" })
        #expect(r.runs.contains { $0.text == "ab" && !$0.cls.contains("g") })
    }

    @Test func specialCharactersAreEscaped() throws {
        var f = Frame(width: 12, height: 1)
        f.text(0, 0, "<a&b> \"q\"", .text)
        let r = try Self.read(SVGRenderer(theme: .builtInDefault, tier: .direct).render(f, title: "x < y & z"))
        #expect(r.runs.map(\.text).joined(separator: " ") == "<a&b> \"q\"")
    }

    @Test func sameFrameSameBytes() {
        let f = Self.frame()
        let a = SVGRenderer(theme: .builtInDefault, tier: .c256).render(f)
        let b = SVGRenderer(theme: .builtInDefault, tier: .c256).render(f)
        #expect(a == b)
    }

    @Test func panelViewIsOnePanelInItsBox() {
        var m = Model(paused: true)
        m.month = 6
        let f = panelView(.runway, model: m, width: 90, height: 24, caps: .plain)
        #expect(f.row(0).hasPrefix("╭") && f.row(0).contains("Revenue runway"))
        #expect(f.row(23).hasPrefix("╰") && f.row(23).hasSuffix("╯"))
        #expect(!f.text.contains("Funding graph"))
        #expect(Panel(name: "Facts") == .factcheck && Panel(name: "runway") == .runway && Panel(name: "x") == nil)
    }

    @Test func exportCommandAsksForTheScreenAsSVG() throws {
        var m = Model(paused: true)
        #expect(try CommandParser.parse("export slide.SVG") == .export("slide.SVG", .svg))
        _ = update(&m, .key(.char(":")))
        for c in "export /tmp/slide.svg" { _ = update(&m, .key(.char(c))) }
        let effects = update(&m, .key(.enter))
        #expect(effects == [.exportScreen(path: "/tmp/slide.svg")])
        let svg = ScreenExport.svg(m, width: 100, height: 30)
        let r = try Self.read(svg)
        let f = view(m, width: 100, height: 30, caps: Capabilities(color: .direct, glyphs: .braille))
        #expect(Self.grid(r, width: 100, height: 30).map { String($0).trimmingTrailingSpaces() }.joined(separator: "\n")
            == f.text)
    }
}
