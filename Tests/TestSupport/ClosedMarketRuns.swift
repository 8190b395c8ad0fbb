import LoopSim

extension Support {
    /// Where the engine's one pass (the closed-market ledger carried beside the first)
    /// differs from the two-run way: the projection without the closed ledger, and a second
    /// full run with `credit.window` 0 (a projection and `finalCash`). Empty when every
    /// number is the same to the bit.
    public static func closedLedgerDifferences(_ loop: MoneyLoop, _ levers: LoopLevers, months: Int? = nil) -> [String] {
        var problems: [String] = []
        let one = LoopEngine.project(loop, levers: levers, months: months)
        var openOnly = one
        openOnly.cashIfClosed = []
        if openOnly != LoopEngine.project(loop, levers: levers, months: months, closed: false) {
            problems.append("carrying the closed ledger changed the projection as credit is set")
        }
        var shut = levers.clamped
        shut.creditWindow = 0
        let second = LoopEngine.project(loop, levers: shut, months: months, flows: false, closed: false).cash
        if !same(one.cashIfClosed, second) { problems.append("cashIfClosed differs from a second run with markets closed") }
        var final: [Double] = []
        LoopEngine.finalCash(loop, levers: shut, months: one.horizon) { _, cash in final += cash }
        if !same(one.cashIfClosed, final) { problems.append("cashIfClosed differs from finalCash with markets closed") }
        return problems
    }

    /// The same numbers bit for bit (NaN equal to the same NaN).
    public static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
