/// Plain-text tables and wrapped paragraphs for terminals (widths in characters,
/// counted as Unicode scalars: the output uses no wide characters).
enum TextTable {
    /// Pads or cuts `text` to `width`, right-aligned when `right`.
    static func cell(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.unicodeScalars.count
        if n > width { return String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, width - 1)))) + "…" }
        let pad = String(repeating: " ", count: width - n)
        return right ? pad + text : text + pad
    }

    /// `text` cut to at most `width` characters, not padded.
    static func clip(_ text: String, _ width: Int) -> String {
        text.unicodeScalars.count > width ? cell(text, width) : text
    }

    /// Words of `text` wrapped to `width`, each line prefixed with `indent`.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            let candidate = line == indent ? line + word : line + " " + word
            if candidate.unicodeScalars.count > width, line != indent {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        if line != indent { lines.append(line) }
        return lines
    }

    /// A count shown compactly: 250k, 1.2M.
    static func count(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        if abs(v) >= 1e6 { return Format.fixed(v / 1e6, 2) + "M" }
        if abs(v) >= 1e4 { return Format.fixed(v / 1e3, 1) + "k" }
        return Format.grouped(v)
    }
}

import LoopSim
