import LoopSim

/// The stall calculator for one cluster: bandwidth needed vs delivered, hours of stall per
/// cold recall, dollars per event and per month, and the inverse: how many hours of stall
/// the article's $30k–$50k buys at the chosen price.
public struct StallPanel: Sendable {
    public var stall: StallCost
    public var glyphs: Glyphs

    public init(model: Model, glyphs: Glyphs) {
        stall = StallCost(model.schedule.values(at: model.month))
        self.glyphs = glyphs
    }

    public func draw(into f: inout Frame, _ r: Rect) {
        guard r.width >= 24, r.height >= 1 else { return }
        let s = stall
        let gb = { (v: Double) in v >= 1000 ? "\(Format.fixed(v / 1000, 1)) TB/s" : "\(Format.fixed(v, 0)) GB/s" }
        let rows: [(String, String, Role)] = [
            ("cluster", "\(Format.grouped(s.clusterGPUs)) GPUs × $\(Format.fixed(s.gpuHourPrice, 3))/h", .text),
            ("needed at peak", gb(s.peakGBps), .text),
            ("cold tier delivers", gb(s.deliveredGBps), s.deliveredGBps < s.peakGBps ? .warn : .good),
            ("recall of \(Format.fixed(s.recallTB, 0)) TB", hours(s.stallHours) + " stalled", .text),
            ("cost per recall", Format.dollars(s.stallCost), .bad),
            ("per month (\(Format.fixed(s.recallsPerMonth, 0)) recalls)", Format.dollars(s.monthlyCost), .bad),
            ("at flash speed", hours(s.flashHours) + " · " + Format.dollars(s.flashCost), .good),
            ("article $\(Format.fixed(s.costLow / 1000, 0))k–$\(Format.fixed(s.costHigh / 1000, 0))k =",
             "\(Format.fixed(s.lowHours, 1))–\(Format.fixed(s.highHours, 1)) h of stall", .warn),
        ]
        for (i, row) in rows.prefix(r.height).enumerated() {
            let value = row.1
            let label = row.0.truncated(to: max(1, r.width - value.count - 1), ellipsis: glyphs.ellipsis)
            f.text(r.x, r.y + i, label, Style(.dim))
            f.text(r.maxX - value.count, r.y + i, value.truncated(to: r.width), Style(row.2, .bold))
        }
    }

    /// `0.6 h`, `42 min`, `9.5 h`.
    func hours(_ h: Double) -> String {
        guard h.isFinite else { return "—" }
        return h < 1 ? "\(Format.fixed(h * 60, 0)) min" : "\(Format.fixed(h, 1)) h"
    }
}
