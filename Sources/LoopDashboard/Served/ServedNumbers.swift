import LoopReport

/// `:export` in a served dashboard: the what-if's numbers shown as text to copy, over the
/// whole screen, instead of a file written on the presenter's computer.
extension ServedSession {
    /// Shows the numbers of `model`'s what-if.
    static func showNumbers(_ model: inout Model) {
        let table = model.loop.map { LoopReport.table($0.loop, $0.projection) }
            ?? SimulationReport.table(model.scenarioWithWhatIf, model.projection)
        model.served?.numbers = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Draws the numbers over the whole screen as plain lines (no box, so a selection
    /// copies only the numbers).
    static func drawNumbers(_ lines: [String], into f: inout Frame) {
        f.fill(f.bounds, " ", Style(.overlay))
        f.text(0, 0, numbersTitle.truncated(to: f.width), Style(.titleFocused, .bold))
        for (i, line) in lines.prefix(max(0, f.height - 2)).enumerated() {
            f.text(0, 2 + i, line.truncated(to: f.width), Style(.text))
        }
    }
}
