import LoopSim

/// How an edge is drawn for its deal's status, in every glyph tier. The line's pattern
/// carries the status, so it reads in mono and ASCII as well as in colour: binding solid,
/// announced dashed, letter of intent dotted, reported sparse.
public struct EdgeStyle: Sendable {
    public let status: DealStatus
    public let glyphs: Glyphs

    public init(_ status: DealStatus, glyphs: Glyphs) {
        self.status = status; self.glyphs = glyphs
    }

    var ascii: Bool { glyphs.tier == .ascii }

    /// The character of cell `i` (counted from the edge's start) of a horizontal run; a
    /// space is a gap in the pattern.
    public func horizontal(_ i: Int) -> Unicode.Scalar {
        switch status {
        case .binding: glyphs.horizontal
        case .announced: ascii ? (i % 2 == 0 ? "-" : " ") : "╌"
        case .letterOfIntent: ascii ? "." : "┈"
        case .reported: i % (ascii ? 3 : 2) == 0 ? (ascii ? "." : "·") : " "
        }
    }

    /// The character of cell `i` of a vertical run.
    public func vertical(_ i: Int) -> Unicode.Scalar {
        switch status {
        case .binding: glyphs.vertical
        case .announced: ascii ? (i % 2 == 0 ? "|" : " ") : "╎"
        case .letterOfIntent: ascii ? ":" : "┊"
        case .reported: i % 2 == 0 ? (ascii ? "." : "·") : " "
        }
    }

    /// The corner joining a run coming from `from` and leaving towards `to` (unit steps).
    public func corner(from: (dx: Int, dy: Int), to: (dx: Int, dy: Int)) -> Unicode.Scalar {
        // The corner's two arms point back along `from` and forward along `to`.
        let arms = Set([Self.arm(-from.dx, -from.dy), Self.arm(to.dx, to.dy)])
        if arms == ["right", "down"] { return glyphs.topLeft }
        if arms == ["left", "down"] { return glyphs.topRight }
        if arms == ["right", "up"] { return glyphs.bottomLeft }
        return glyphs.bottomRight
    }

    static func arm(_ dx: Int, _ dy: Int) -> String {
        dx > 0 ? "right" : dx < 0 ? "left" : dy > 0 ? "down" : "up"
    }

    /// The role the line is drawn in: firm deals as edges, press reports fainter.
    public var role: Role { status == .reported ? .ghost : .edge }

    /// A horizontal sample `n` cells long, for the legend.
    public func sample(_ n: Int) -> String {
        String(String.UnicodeScalarView((0..<n).map { horizontal($0) }))
    }
}
