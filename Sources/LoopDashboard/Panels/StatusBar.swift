import LoopSim

/// The top line: simulated month, clock state, speed, scenario, theme, and any notice.
public struct StatusBar: Sendable {
    public var model: Model

    public init(model: Model) { self.model = model }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width > 0 else { return }
        f.fill(r, " ", Style(.statusBar))
        let m = model
        let date = m.scenario.start.adding(months: m.month)
        let clock = m.paused ? "❚❚ paused" : "▶ running"
        let speed = m.speed >= 1 ? "\(Format.fixed(m.speed, 0)) mo/s" : "\(Format.fixed(m.speed, 2)) mo/s"
        let changes = m.changedLevers.count
        var parts = [" moneyloop", "\(date.shortLabel) · month \(m.month)/\(m.horizon)", clock, speed,
                     m.scenario.name, "theme \(m.themeName)"]
        if changes > 0 { parts.append("what-if: \(changes) changed") }
        var x = r.x
        for (i, p) in parts.enumerated() {
            let style: Style = i == 2 ? Style(m.paused ? .statusPaused : .statusRunning, .bold)
                : Style(.statusBar, i == 0 ? .bold : [])
            let text = (i == 0 ? "" : " · ") + p
            guard x + text.count <= r.maxX else { break }
            x = f.text(x, r.y, text, style)
        }
        if let n = m.notice, x + 3 < r.maxX {
            let t = " " + n.truncated(to: r.maxX - x - 2)
            f.text(r.maxX - t.count, r.y, t, Style(.warn, .bold))
        }
    }
}

/// The bottom line: key hints for the focused panel, generated from the key table.
public struct HintBar: Sendable {
    public var focus: Panel

    public init(focus: Panel) { self.focus = focus }

    public func draw(into f: inout Frame, _ r: Rect) {
        var x = r.x
        for b in KeyTable.hints(focus: focus) {
            let key = b.keys.map(\.description).joined(separator: "/")
            guard x + key.count + b.short.count + 2 <= r.maxX else { break }
            x = f.text(x, r.y, key, Style(.keyHint, .bold))
            x = f.text(x + 1, r.y, b.short, Style(.keyLabel)) + 2
        }
    }
}
