/// A demo script's caption across the screen under the status line: `Step 2/8` and the
/// step's one or two lines, word-wrapped to the width (at most four rows).
public struct CaptionBanner: Sendable {
    public var player: ScriptPlayer

    /// The most rows a caption takes once wrapped.
    public static let maxRows = 4

    public init(player: ScriptPlayer) { self.player = player }

    /// The banner's rows at `width` columns.
    public func lines(width: Int) -> [String] {
        let prefix = " Step \(player.index + 1)/\(player.script.steps.count)  "
        let indent = String(repeating: " ", count: prefix.count)
        let room = max(10, width - prefix.count - 1)
        var rows: [String] = []
        for line in player.step.caption.split(separator: "\n") {
            rows += Self.wrap(String(line), width: room)
        }
        if rows.count > Self.maxRows {
            rows = Array(rows.prefix(Self.maxRows))
            rows[Self.maxRows - 1] = (rows[Self.maxRows - 1] + " …").truncated(to: room)
        }
        return rows.enumerated().map { (i, r) in (i == 0 ? prefix : indent) + r }
    }

    public func draw(into f: inout Frame, _ r: Rect, glyphs: Glyphs) {
        f.fill(r, " ", Style(.banner))
        for (i, line) in lines(width: r.width).prefix(r.height).enumerated() {
            f.text(r.x, r.y + i, line.truncated(to: r.width, ellipsis: glyphs.ellipsis), Style(.banner, .bold))
        }
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let w = String(word).truncated(to: width)
            if current.isEmpty {
                current = w
            } else if current.count + 1 + w.count <= width {
                current += " " + w
            } else {
                lines.append(current)
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
