import LoopSim

/// The top line: simulated month, clock state, speed, scenario, theme, and any notice.
public struct StatusBar: Sendable {
    public var model: Model

    public init(model: Model) { self.model = model }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width > 0 else { return }
        f.fill(r, " ", Style(.statusBar))
        let m = model
        let date = m.start.adding(months: m.month)
        let clock = m.paused ? "❚❚ paused" : "▶ running"
        let speed = m.speed >= 1 ? "\(Format.fixed(m.speed, 0)) mo/s" : "\(Format.fixed(m.speed, 2)) mo/s"
        let changes = m.changedLevers.count
        var parts = [" moneyloop", "\(date.shortLabel) · month \(m.month)/\(m.horizon)", clock, speed,
                     m.scenarioName, "theme \(m.themes.current.name)"]
        parts.insert(contentsOf: m.presentation.statusParts, at: 3)
        if changes > 0 { parts.append("what-if: \(changes) changed") }
        // A notice takes the place of the parts at the end that it needs.
        let notice = m.notice.map { " " + $0.truncated(to: max(8, r.width - 40)) + " " }
        let limit = r.maxX - (notice?.count ?? 0)
        var x = r.x
        for (i, p) in parts.enumerated() {
            let style: Style = i == 2 ? Style(m.paused ? .statusPaused : .statusRunning, .bold)
                : Style(.statusBar, i == 0 ? .bold : [])
            let text = (i == 0 ? "" : " · ") + p
            guard x + text.count <= limit else { break }
            x = f.text(x, r.y, text, style)
        }
        if let n = notice {
            f.text(r.maxX - n.count, r.y, n, Style(.warn, [.bold, .reverse]))
        }
    }
}

/// The bottom line: key hints for the focused panel, generated from the key map.
public struct HintBar: Sendable {
    public var keys: KeyMap
    public var focus: Panel
    /// Presenter mode and a playing script reduce or extend the hints.
    public var presentation: Presentation

    public init(keys: KeyMap = .standard, focus: Panel, presentation: Presentation = Presentation()) {
        self.keys = keys; self.focus = focus
        self.presentation = presentation
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        var x = r.x
        for b in keys.hints(focus: focus, presentation: presentation) {
            let key = b.hintNames.joined(separator: "/")
            guard x + key.count + b.short.count + 2 <= r.maxX else { break }
            x = f.text(x, r.y, key, Style(.keyHint, .bold))
            x = f.text(x + 1, r.y, b.short, Style(.keyLabel)) + 2
        }
    }
}
