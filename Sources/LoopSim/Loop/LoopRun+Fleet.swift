/// The fleet's useful life in a loop (issue 17; `usefulLifeYears` in `financing:`): a
/// financed entity's GPUs bought in the loop are booked by month (`GPUFleetBook`). At the end
/// of their useful life they retire; those its running take-or-pay contracts still need are
/// replaced — bought again from the vendor of its latest vendor-sale deal, at that deal's unit
/// price, a `purchase` flow like any other. Off contract, GPUs re-lease: its usage deals bill
/// the oldest GPUs at the share of their life left (`GPUFleetBook.lifeLeftShare`; GPUs of
/// unknown age, an opening fleet without a book, count as new).
extension LoopRun {
    /// Retires the GPUs whose life ended by month `t` and buys back what contracts still need.
    mutating func retireAndReplace(month t: Int) {
        for s in 0..<plan.financed.count {
            // Read first: most months nothing retires, and a book changed in place is checked for sharing.
            guard book[s].retires(through: t) else { continue }
            let e = plan.financed[s]
            let gone = min(fleet[e], book[s].retire(through: t))
            guard gone > 0 else { continue }
            fleet[e] -= gone
            let i = plan.replacementDeal[e]
            guard i >= 0, case let .vendorSale(price, _, _, _, _, _) = plan.terms[i] else { continue }
            let replace = min(gone, max(0, contractedGPUs(of: e, month: t) - fleet[e]))
            guard replace > 0 else { continue }
            fleet[e] += replace
            open.purchases[e] += replace * price
            if closed { shut.purchases[e] += replace * price }
            book[s].add(gpus: replace, cost: replace * price, month: t)
            emit(i, e, plan.to[i], .purchase, replace * price)
        }
    }

    /// GPUs reserved this month by the take-or-pay contracts financed entity `e` serves
    /// (`plan.contractsOf`, in the plan's order; inlined: a call from the run's mutating month
    /// would copy the run).
    @inline(__always)
    func contractedGPUs(of e: Int, month t: Int) -> Double {
        var n = 0.0
        let s = plan.slot[e]
        for j in 0..<plan.contractsOf[s].count {
            let k = plan.contractsOf[s][j], i = plan.capacityTerms[k].deal
            let m = t - begin[i]
            if m >= 0, m < plan.capacityTerms[k].term { n += plan.capacityTerms[k].gpus * weight[i] }
        }
        return n
    }

    /// The price share `count` usage-billed GPUs of `e` re-lease at this month: 1 unless `e`
    /// keeps a book (inlined, as `contractedGPUs`).
    @inline(__always)
    func releaseShare(of e: Int, count: Double, month t: Int) -> Double {
        let s = plan.slot[e]
        guard s >= 0 else { return 1 }
        return book[s].lifeLeftShare(oldest: count, month: t, unbooked: max(0, fleet[e] - book[s].gpus))
    }
}
