import LoopDashboard

/// Where the event loop draws: the curses `Terminal`, or a test's fake that keeps the
/// frames. Main queue only.
public protocol Screen: AnyObject {
    var capabilities: Capabilities { get }
    /// The size in cells.
    func size() -> (width: Int, height: Int)
    /// Shows `frame`, writing only what changed since the last one.
    func blit(_ frame: Frame)
    /// Draws with `theme` from now on; the next blit repaints every cell.
    func setTheme(_ theme: Theme)
    /// Gives the terminal back.
    func stop()
}

extension Terminal: Screen {}
