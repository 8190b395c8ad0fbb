/// A bordered panel with a title; returns the inner rectangle to draw into.
public struct Box: Sendable {
    public var title: String
    public var focused: Bool
    /// Text drawn right-aligned in the top border (a hint such as `e max`).
    public var badge: String

    public init(title: String, focused: Bool = false, badge: String = "") {
        self.title = title; self.focused = focused; self.badge = badge
    }

    /// Draws the border and title in `rect`; returns the area inside the border.
    @discardableResult
    public func draw(into f: inout Frame, _ rect: Rect, glyphs g: Glyphs) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = Style(focused ? .borderFocused : .border, focused ? .bold : [])
        for x in rect.x + 1..<rect.maxX - 1 {
            f.put(x, rect.y, g.horizontal, border)
            f.put(x, rect.maxY - 1, g.horizontal, border)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            f.put(rect.x, y, g.vertical, border)
            f.put(rect.maxX - 1, y, g.vertical, border)
        }
        f.put(rect.x, rect.y, g.topLeft, border)
        f.put(rect.maxX - 1, rect.y, g.topRight, border)
        f.put(rect.x, rect.maxY - 1, g.bottomLeft, border)
        f.put(rect.maxX - 1, rect.maxY - 1, g.bottomRight, border)
        let room = rect.width - 4
        if room > 0 {
            // Focus reads without colour too: the title is bracketed and bold when focused.
            let t = focused ? "[\(title)]" : " \(title) "
            f.text(rect.x + 1, rect.y, t.truncated(to: room, ellipsis: g.ellipsis),
                   Style(focused ? .titleFocused : .title, .bold))
            let used = t.unicodeScalars.count + 2
            if !badge.isEmpty, room - used > badge.unicodeScalars.count + 2 {
                let b = " \(badge) "
                f.text(rect.maxX - 1 - b.unicodeScalars.count, rect.y, b, Style(.dim))
            }
        }
        return rect.inset(1)
    }
}
