import LoopSim

/// The one-line progress bar of a long headless run (drawn on stderr by the command).
public enum ProgressText {
    /// `[#####...............] 25%  500/2,000 paths  ETA 3.0 s`: the estimate assumes
    /// the remaining paths take as long each as the ones done.
    public static func line(done: Int, total: Int, elapsed: Double) -> String {
        let share = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((share * 20).rounded(.down))
        let eta = done > 0 ? elapsed * Double(max(0, total - done)) / Double(done) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "] "
            + Format.percent(share) + "  \(Format.grouped(Double(done)))/\(Format.grouped(Double(total))) paths"
            + "  ETA \(Format.fixed(eta, 1)) s"
    }
}
