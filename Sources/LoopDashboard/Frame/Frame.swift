/// One cell of the screen: a character and its style.
public struct Cell: Equatable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: Style
    public init(_ scalar: Unicode.Scalar, _ style: Style = .text) {
        self.scalar = scalar; self.style = style
    }
    public static let blank = Cell(" ")
}

/// A position on the screen, in cells.
public struct Point: Equatable, Sendable {
    public var x: Int, y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// A rectangle of the screen, in cells.
public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    /// Splits off `rows` rows from the top: (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r))
    }
    /// Splits off `cols` columns from the left: (left, rest).
    public func splitLeft(_ cols: Int) -> (Rect, Rect) {
        let c = min(max(0, cols), width)
        return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
    }
}

/// A whole screen as a grid of cells: what `view` produces and the terminal blits.
/// Writes outside the grid are clipped, never a crash.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal should put a visible cursor (a text field); nil hides it.
    public var cursor: Point?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? cells[y * width + x] : .blank }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes one character; clipped to the frame and to `clip` when given.
    public mutating func put(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar, _ style: Style, clip: Rect? = nil) {
        if let c = clip, x < c.x || x >= c.maxX || y < c.y || y >= c.maxY { return }
        self[x, y] = Cell(scalar, style)
    }

    /// Writes `text` from (x, y) rightwards, clipped; returns the column after the last cell.
    @discardableResult
    public mutating func text(_ x: Int, _ y: Int, _ text: String, _ style: Style, clip: Rect? = nil) -> Int {
        var cx = x
        for s in text.unicodeScalars {
            // Combining marks and zero-width scalars would shift columns: skip them. None lies
            // below U+0300, so most text never asks for the (costly) general category.
            if s.value >= 0x300, s.properties.generalCategory == .nonspacingMark || s.value == 0x200D { continue }
            put(cx, y, s, style, clip: clip)
            cx += 1
        }
        return cx
    }

    /// Fills a rectangle with one character.
    public mutating func fill(_ r: Rect, _ scalar: Unicode.Scalar = " ", _ style: Style = .text) {
        guard !r.isEmpty else { return }
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) { cells[y * width + x] = Cell(scalar, style) }
        }
    }

    /// Changes the style of every cell in `r`, keeping the characters.
    public mutating func restyle(_ r: Rect, _ style: Style) {
        guard !r.isEmpty else { return }
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) { cells[y * width + x].style = style }
        }
    }

    /// Row `y` as plain text, trailing spaces kept.
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var s = String.UnicodeScalarView()
        for x in 0..<width { s.append(cells[y * width + x].scalar) }
        return String(s)
    }

    /// All rows as text, trailing spaces removed: what tests compare and `snapshot` prints.
    public var text: String {
        (0..<height).map { row($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The number of cells the terminal would write to go from `other` to this frame
    /// (all of them when the sizes differ): the blit's own diff, counted.
    public func changedCells(since other: Frame) -> Int {
        FrameDiff(from: other, to: self).changed.count
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor == b.cursor
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// The string cut to at most `n` characters, ending with `…` when cut.
    public func truncated(to n: Int, ellipsis: String = "…") -> String {
        guard n > 0 else { return "" }
        let scalars = unicodeScalars
        guard scalars.count > n else { return self }
        var v = String.UnicodeScalarView(scalars.prefix(max(0, n - ellipsis.unicodeScalars.count)))
        v.append(contentsOf: ellipsis.unicodeScalars)
        return String(v)
    }

    /// Padded with spaces (or cut) to exactly `n` characters.
    public func padded(to n: Int, right: Bool = false) -> String {
        let c = unicodeScalars.count
        if c >= n { return truncated(to: n) }
        let pad = String(repeating: " ", count: n - c)
        return right ? pad + self : self + pad
    }
}
