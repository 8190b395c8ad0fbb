/// The two programs of serving: `moneyloop serve` (in the dashboard program) runs
/// `moneyloop-serve` from its own folder and names itself in `MONEYLOOP_DASHBOARD`, the
/// program the server's sessions run. The server alone loads SSH, NIO and Foundation.
public enum ServePrograms {
    /// The SSH server's file name, beside the dashboard's.
    public static let serverName = "moneyloop-serve"
    /// The dashboard's file name, beside the server's.
    public static let dashboardName = "moneyloop"
    /// The dashboard program for the server's sessions (set by `moneyloop serve`).
    public static let dashboardVariable = "MONEYLOOP_DASHBOARD"
}
