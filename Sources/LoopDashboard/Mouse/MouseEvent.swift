/// A mouse action the terminal reported, decoded by the terminal layer: the left button
/// pressed, dragged or released, or the wheel turned, at a cell (0-based, from the top left).
public struct MouseEvent: Hashable, Sendable {
    /// What the pointer did: the left button went down, moved while down, came up; or the
    /// wheel turned.
    public enum Kind: Hashable, Sendable { case press, drag, release, wheelUp, wheelDown }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }
}
