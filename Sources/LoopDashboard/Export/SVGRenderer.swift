/// A frame as an SVG picture, for slides and web pages (`snapshot --format svg`, `:export
/// FILE.svg`). Pure: the same frame, theme and tier give the same bytes.
///
/// Every cell's character is in a `<text>` element at its own x position, so the picture
/// holds the screen's text cell for cell (copyable, searchable). Box-drawing, block and
/// braille characters are also drawn as shapes (`GlyphGeometry`), and their text is
/// transparent, so lines join and bars fill whatever monospace font the viewer has.
public struct SVGRenderer: Sendable {
    /// One cell's size in pixels, and the font size drawn in it.
    public static let cellWidth = 9.0, cellHeight = 18.0, fontSize = 15.0
    /// The margin around the screen, in pixels.
    public static let padding = 12.0
    /// Where the text baseline sits in a cell, from its top.
    static let baseline = 13.5
    /// Monospace fonts in order of preference, ending with the generic family.
    public static let fontStack = "'DejaVu Sans Mono', 'Cascadia Mono', 'SF Mono', Menlo, Consolas, "
        + "'Liberation Mono', 'Noto Sans Mono', monospace"

    public let palette: ScreenPalette
    /// The glyph tier the frame is shown in: ASCII draws every scalar's ASCII stand-in.
    public let glyphs: GlyphTier

    public init(theme: Theme, tier: ColorTier, glyphs: GlyphTier = .braille) {
        palette = ScreenPalette(theme: theme, tier: tier)
        self.glyphs = glyphs
    }

    /// The SVG document for `frame`, with `title` as its accessible name.
    public func render(_ frame: Frame, title: String = "moneyloop") -> String {
        let cw = Self.cellWidth, ch = Self.cellHeight, pad = Self.padding
        let width = Double(frame.width) * cw + 2 * pad, height = Double(frame.height) * ch + 2 * pad
        var classes = StyleClasses()
        var body = ""
        for y in 0..<frame.height {
            body += backgroundRuns(frame, row: y)
            body += foregroundRuns(frame, row: y, classes: &classes)
        }
        let n = GlyphGeometry.n
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\">\n"
        out += "<title>\(Self.escape(title))</title>\n"
        out += "<style>\ntext{font-family:\(Self.fontStack);font-size:\(n(Self.fontSize))px;white-space:pre}\n"
        out += classes.css + ".g{fill-opacity:0}\n</style>\n"
        out += "<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"\(palette.background.hex)\"/>\n"
        out += "<g transform=\"translate(\(n(pad)) \(n(pad)))\">\n" + body + "</g>\n</svg>\n"
        return out
    }

    /// The scalar a cell shows in this glyph tier.
    func scalar(_ c: Cell) -> Unicode.Scalar {
        let s = glyphs == .ascii ? Glyphs.asciiFallback(c.scalar) : c.scalar
        return s.value < 0x20 || s.value == 0x7F ? " " : s
    }

    /// Rectangles for runs of cells whose background is not the screen's.
    private func backgroundRuns(_ frame: Frame, row y: Int) -> String {
        var out = ""
        var x = 0
        while x < frame.width {
            let bg = palette.colors(frame[x, y].style).bg
            var end = x + 1
            while end < frame.width, palette.colors(frame[end, y].style).bg == bg { end += 1 }
            if bg != palette.background {
                let n = GlyphGeometry.n
                out += "<rect x=\"\(n(Double(x) * Self.cellWidth))\" y=\"\(n(Double(y) * Self.cellHeight))\" "
                    + "width=\"\(n(Double(end - x) * Self.cellWidth))\" height=\"\(n(Self.cellHeight))\" "
                    + "fill=\"\(bg.hex)\"/>\n"
            }
            x = end
        }
        return out
    }

    /// Text and shapes for runs of cells of one style; spaces end a run (unless underlined).
    private func foregroundRuns(_ frame: Frame, row y: Int, classes: inout StyleClasses) -> String {
        var out = ""
        var x = 0
        while x < frame.width {
            let cell = frame[x, y]
            let (fg, _, attrs) = palette.colors(cell.style)
            guard scalar(cell) != " " || attrs.contains(.underline) else { x += 1; continue }
            var end = x + 1
            while end < frame.width, frame[end, y].style == cell.style,
                  scalar(frame[end, y]) != " " || attrs.contains(.underline) { end += 1 }
            out += run(frame, y: y, from: x, to: end, fg: fg, attrs: attrs, classes: &classes)
            x = end
        }
        return out
    }

    private func run(_ frame: Frame, y: Int, from x0: Int, to x1: Int, fg: RGB, attrs: Attributes,
                     classes: inout StyleClasses) -> String
    {
        let n = GlyphGeometry.n
        let cls = classes.name(fg: fg, attributes: attrs)
        var shapes: [GlyphGeometry.Layer: String] = [:]
        var plain = "", drawn = ""
        var plainX: [String] = [], drawnX: [String] = []
        for x in x0..<x1 {
            let s = scalar(frame[x, y])
            let box = GlyphGeometry.Box(x: Double(x) * Self.cellWidth, y: Double(y) * Self.cellHeight,
                                        w: Self.cellWidth, h: Self.cellHeight)
            if glyphs != .ascii, GlyphGeometry.append(s, in: box, to: &shapes) {
                drawn += Self.escape(String(s)); drawnX.append(n(box.x))
            } else {
                plain += Self.escape(String(s)); plainX.append(n(box.x))
            }
        }
        let baseY = n(Double(y) * Self.cellHeight + Self.baseline)
        var out = ""
        if !plain.isEmpty {
            out += "<text class=\"\(cls)\" x=\"\(plainX.joined(separator: " "))\" y=\"\(baseY)\">\(plain)</text>\n"
        }
        if !drawn.isEmpty {
            out += "<text class=\"\(cls) g\" x=\"\(drawnX.joined(separator: " "))\" y=\"\(baseY)\">\(drawn)</text>\n"
        }
        let dim = attrs.contains(.dim) ? " opacity=\"0.6\"" : ""
        for layer in GlyphGeometry.Layer.allCases {
            guard let d = shapes[layer] else { continue }
            if layer.isStroke {
                let w = GlyphGeometry.strokeWidth(layer, cellWidth: Self.cellWidth)
                out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(fg.hex)\" stroke-width=\"\(n(w))\" "
                    + "stroke-linecap=\"square\"\(dim)/>\n"
            } else {
                let opacity = layer.opacity < 1 ? " fill-opacity=\"\(n(layer.opacity))\"" : ""
                out += "<path d=\"\(d)\" fill=\"\(fg.hex)\"\(opacity)\(dim)/>\n"
            }
        }
        return out
    }

    /// Text escaped for XML character data and attribute values; control characters,
    /// which XML 1.0 forbids, become spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            if let entity = entities[ch] { out += entity } else { out.unicodeScalars.append(ch.value < 0x20 ? " " : ch) }
        }
        return out
    }

    private static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"]
}

/// The CSS classes of an SVG's text: one per foreground colour and attribute set, named in
/// order of first use so the same frame always gives the same names.
struct StyleClasses {
    private var order: [String] = []
    private var names: [String: String] = [:]

    mutating func name(fg: RGB, attributes a: Attributes) -> String {
        var rule = "fill:\(fg.hex)"
        if a.contains(.bold) { rule += ";font-weight:bold" }
        if a.contains(.dim) { rule += ";fill-opacity:0.6" }
        if a.contains(.underline) { rule += ";text-decoration:underline" }
        if let n = names[rule] { return n }
        let n = "c\(order.count)"
        names[rule] = n
        order.append(rule)
        return n
    }

    var css: String { order.enumerated().map { ".c\($0.offset){\($0.element)}\n" }.joined() }
}
