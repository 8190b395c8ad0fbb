#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generic monthly engine: runs any `MoneyLoop`. Each month every deal yields flows
/// between its two entities, in three phases: deliveries (vendor sales land and are paid),
/// capacity (contracts, usage, recurring flows: they set busy and idle GPU-hours), then the
/// deals that read those (per-unit deals, backstops, equity, warrants, loans) in the
/// loop's scheduled order, and last the revolvers, which top cash up to their floor.
/// Every entity's cash changes by exactly its cash inflows minus outflows.
public enum LoopEngine {
    /// GPU-hours in a GPU-month.
    public static let hoursPerMonth = 730.0

    /// Runs `loop` for `months` months (its horizon when nil) under `levers`; with
    /// `closed`, also with markets closed for `cashIfClosed` (the headline's second half),
    /// in the same pass: a second ledger beside the first (`LoopLedger`), exactly what a
    /// second run with `credit.window` 0 gives.
    public static func project(_ loop: MoneyLoop, levers: LoopLevers = LoopLevers(), months: Int? = nil,
                               flows: Bool = true, closed: Bool = true) -> LoopProjection
    {
        let horizon = max(1, min(Scenario.maxHorizon, months ?? loop.horizon))
        let n = loop.entities.count
        var out = LoopProjection(name: loop.name, start: loop.start, horizon: horizon, entityCount: n,
                                 cash: [], debt: [], fleet: [], busyHours: [], idleHours: [], flows: [],
                                 flowStart: [])
        out.flowStart.reserveCapacity(horizon + 2)
        out.flowStart.append(0)
        let plan = loop.plan
        let levers = levers.clamped
        var run = LoopRun(plan, levers: levers, months: horizon, recordFlows: flows,
                          closed: closed && levers.creditWindow != 0)
        out.financingSlot = plan.slot
        out.creditWindow = run.levers.creditWindow
        let slots = plan.financed.count
        // The flows are written where the projection keeps them, and each month's columns and
        // financing straight into its arrays: nothing is appended or copied per number.
        let room = flows ? (horizon + 1) * (loop.deals.count * 2 + n + 8 * slots) : 0
        var columns: [[Double]] = [], inPlace: Int?
        let recorded = [LoopFlow](unsafeUninitializedCapacity: room) { buffer, written in
            run.stage.write(into: buffer)
            out.financing = [FinancingMonth](unsafeUninitializedCapacity: (horizon + 1) * slots) { financing, kept in
                columns = [Double].written(run.closed ? 6 : 5, size: (horizon + 1) * n) { c in
                    // Where the run keeps them (fixed for the run): read through locals, not
                    // reloaded from the run after every number written.
                    let (cashNow, fleetNow, busyNow, shutNow) = (run.open.cash.base, run.fleet.base, run.busy.base,
                                                                 run.shut.cash.base)
                    for t in 0...horizon {
                        run.step(month: t)
                        let row = t * n
                        let (cash, fleet, busy, idle) = (c[0] + row, c[2] + row, c[3] + row, c[4] + row)
                        // One loop for the columns, not a call per column: a month is a dozen numbers each.
                        for e in 0..<n {
                            cash[e] = cashNow[e]
                            fleet[e] = fleetNow[e]
                            busy[e] = busyNow[e]
                            idle[e] = max(0, fleetNow[e] * hoursPerMonth - busyNow[e])
                        }
                        run.writeDebt(into: c[1] + row)
                        if run.closed {
                            let shut = c[5] + row
                            for e in 0..<n { shut[e] = shutNow[e] }
                        }
                        out.flowStart.append(run.stage.count)
                        if let kept = financing.baseAddress {
                            (kept + t * slots).initialize(from: run.financingMonth.base, count: slots)
                        }
                    }
                }
                kept = (horizon + 1) * slots
            }
            inPlace = run.stage.leave(buffer)
            written = inPlace ?? 0
        }
        // More flows than there was room for: they are in the run's memory.
        out.flows = inPlace == nil ? run.stage.flows : recorded
        (out.cash, out.debt, out.fleet, out.busyHours, out.idleHours) = (columns[0], columns[1], columns[2],
                                                                          columns[3], columns[4])
        if run.closed { out.cashIfClosed = columns[5] }
        if closed, levers.creditWindow == 0 { out.cashIfClosed = out.cash }
        return out
    }

    /// The entities' cash after `months` months, without keeping anything per month (Monte Carlo).
    public static func finalCash(_ loop: MoneyLoop, levers: LoopLevers, months: Int,
                                 _ body: (Int, [Double]) -> Void)
    {
        finalCash(loop.plan, levers: levers, months: months) { t, cash in body(t, cash.array) }
    }

    /// The same from a plan already built (one per Monte Carlo thread), the cash read in place.
    static func finalCash(_ plan: LoopPlan, levers: LoopLevers, months: Int, _ body: (Int, RunColumn<Double>) -> Void) {
        let months = max(1, min(Scenario.maxHorizon, months))
        var run = LoopRun(plan, levers: levers.clamped, months: months, recordFlows: false)
        for t in 0...months {
            run.step(month: t)
            body(t, run.open.cash)
        }
    }

    /// Weights of a linear ramp over `ramp` months, then flat, for a `term`-month contract:
    /// the share of the value paid in month k of the contract is `weight(k) / total`.
    static func rampWeight(_ k: Int, ramp: Int) -> Double {
        ramp <= 0 ? 1 : min(1, Double(k + 1) / Double(ramp + 1))
    }

    static func rampTotal(term: Int, ramp: Int) -> Double {
        var s = 0.0
        for k in 0..<max(0, term) { s += rampWeight(k, ramp: ramp) }
        return s
    }

    /// The growth factor of `perYear` after `months` months.
    static func growth(_ perYear: Double, months: Int) -> Double {
        pow(max(0, 1 + perYear), Double(months) / 12)
    }
}
