import LoopConfig
import LoopReport
import LoopSim

/// Turns the frames a dashboard draws into an asciicast v2 recording (the asciinema
/// format): a header line, then one `[time, "o", bytes]` event per drawn frame (only the
/// cells that changed), `"m"` markers with the caption at each demo step and scene, and
/// `"r"` events when the size changes. Pure: the same frames at the same times give the
/// same bytes.
public struct CastRecorder: Sendable {
    public let encoder: ANSIEncoder
    private var previous: Frame?
    private var themeName: String?
    private var mark: CastMark?

    public init(tier: ColorTier, glyphs: GlyphTier) {
        encoder = ANSIEncoder(tier: tier, glyphs: glyphs)
    }

    /// The header line for a recording of `width`×`height` cells.
    public static func header(width: Int, height: Int, title: String?) -> String {
        var fields: [(String, JSONValue)] = [("version", .number(2)), ("width", .number(Double(width))),
                                             ("height", .number(Double(height)))]
        if let title { fields.append(("title", .string(title))) }
        fields.append(("env", .object([("TERM", .string("xterm-256color")), ("SHELL", .string("/bin/sh"))])))
        return JSONValue.object(fields).text() + "\n"
    }

    /// The event lines for `frame` drawn at `seconds` (none when nothing changed): a marker
    /// first when the step or scene changed, a resize when the size did.
    public mutating func record(_ frame: Frame, model: Model, at seconds: Double) -> String {
        var out = ""
        let newMark = CastMark(model)
        if newMark != mark, let label = newMark?.label { out += Self.event(seconds, "m", label) }
        mark = newMark
        if let p = previous, p.width != frame.width || p.height != frame.height {
            out += Self.event(seconds, "r", "\(frame.width)x\(frame.height)")
        }
        let theme = model.themes.current
        if theme.name != themeName { previous = nil }  // every cell in the new colours
        themeName = theme.name
        let bytes = encoder.encode(from: previous, to: frame, theme: theme)
        previous = frame
        if !bytes.isEmpty { out += Self.event(seconds, "o", bytes) }
        return out
    }

    /// An empty output event: keeps the last frame on screen until `seconds` on playback.
    public static func hold(until seconds: Double) -> String { event(seconds, "o", "") }

    /// One event line: `[time, "code", "data"]`, the time with six decimals.
    public static func event(_ seconds: Double, _ code: String, _ data: String) -> String {
        "[\(time(seconds)), " + JSONValue.string(code).text() + ", " + JSONValue.string(data).text() + "]\n"
    }

    /// Seconds as a decimal with exactly six places (`12.500000`), never an exponent.
    static func time(_ seconds: Double) -> String {
        let micros = Int((max(0, seconds.isFinite ? seconds : 0) * 1_000_000).rounded())
        let frac = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
    }
}

/// What a marker names: the demo step on screen, or the scene last jumped to.
struct CastMark: Equatable, Sendable {
    var step: Int?
    var label: String?

    init?(_ model: Model) {
        if let p = model.presentation.player {
            step = p.index
            label = "Step \(p.index + 1)/\(p.script.steps.count): " + Narrator.oneLine(p.step.caption)
        } else if let caption = model.caption {
            label = Narrator.oneLine(caption)
        } else {
            return nil
        }
    }

}
