/// A loop flattened for the monthly loop: plain arrays by deal and by entity, so the month
/// loop copies no names or sources. Built once per loop (`MoneyLoop.plan`, anew when its
/// entities or deals change) and once per Monte Carlo thread (threads share nothing they
/// count references on). Immutable; a class so that a run holds it by one reference, not
/// thirty arrays.
final class LoopPlan: Sendable {
    let from: [Int], to: [Int]
    /// Each deal's terms as plain values: lists are ranges into `tranches` and `collateral`.
    let terms: [PlanTerms]
    /// The loan deals' terms again, by loan (`loanSlot[i]` for deal i, -1 for other kinds):
    /// read in place each month, without copying a deal's terms out of `terms`.
    let loans: [PlanLoan], loanSlot: [Int]
    let tranches: [Tranche]
    /// The loans' collateral, flat (`PlanLoan.collateral` ranges into it).
    let collateral: [PlanCollateral]
    let binding: [Bool]
    /// The vendor sales and the plain revolvers, in the scheduler's order (the capacity and
    /// dependent phases are `capacityTerms` and `dependentSteps`).
    let deliveries: [Int], revolvers: [Int]
    /// The dependent phase as steps (runs of loans, other deals one by one), its loans in
    /// its order (slots of `loans`), and its other deals' terms in its order (records every
    /// run reads in place, made once here).
    let dependentSteps: [PlanStep], dependentLoans: [Int], dependentTerms: RunRecords<PlanDependent>
    /// `tranches` as plain records with their milestones' bounds (read in place, as `dependentTerms`).
    let milestones: RunRecords<PlanMilestone>
    /// The capacity deals' terms in the scheduler's order, read in place each month.
    let capacityTerms: [PlanCapacity]
    /// Per entity: operating costs, their payee (-1: none), kW per GPU, opening fleet and debt.
    let opexPerGPUHour: [Double], overhead: [Double], supplier: [Int], kwPerGPU: [Double]
    let openingCash: [Double], openingFleet: [Double], openingDebt: [Double]
    /// Per entity: the loan deals it borrows under.
    let loansOf: [[Int]]
    /// Per deal: its ramp's total weight and the share paid before month 0 (take-or-pay),
    /// and its monthly growth factor.
    let rampTotal: [Double], paidBefore: [Double], growthRate: [Double]
    /// The entities that finance themselves: per entity its slot (-1: none); per slot the
    /// entity, its terms, and its revolver deals (drawn by its `EntityFinancing`, not `topUp`).
    let slot: [Int]
    let financed: [Int]
    let financing: [LoopFinancingTerms]
    let facilityDeals: [[Int]]
    /// Per slot: the take-or-pay contracts it serves, as indices into `capacityTerms` (what its
    /// retired GPUs are replaced for).
    let contractsOf: [[Int]]
    /// The slots in the order their financing runs each month: an entity that lends to (or
    /// invests in) another financed entity runs after it, so what it pays out is seen by its
    /// own revolver and raises and its cash stays at its floor (`financeOrder(_:)`).
    let financeOrder: [Int]
    /// Per entity: its latest vendor-sale deal as buyer, where GPUs at the end of their life
    /// are bought again (-1: none).
    let replacementDeal: [Int]

    convenience init(_ loop: MoneyLoop) { self.init(entities: loop.entities, deals: loop.deals, order: loop.order) }

    /// The plan of the loop with these entities and deals, run in `order` (`MoneyLoop.order`).
    init(entities list: [LoopEntity], deals dealList: [LoopDeal], order: [Int]) {
        let loop = (entities: list, deals: dealList, order: order)
        let deals = loop.deals.count, entities = loop.entities.count
        var from = [Int](), to = [Int](), binding = [Bool](), terms = [PlanTerms]()
        from.reserveCapacity(deals); to.reserveCapacity(deals); binding.reserveCapacity(deals); terms.reserveCapacity(deals)
        var flatTranches: [Tranche] = [], flatCollateral: [Int] = []
        func range(_ t: [Tranche]) -> Range<Int> {
            flatTranches += t
            return (flatTranches.count - t.count)..<flatTranches.count
        }
        var replacement = Array(repeating: -1, count: entities)
        var planLoans: [PlanLoan] = [], loanSlots = Array(repeating: -1, count: deals)
        var loans = Array(repeating: [Int](), count: entities)
        // One pass over the deals, each read in place (no copy of its names and sources).
        for i in 0..<deals {
            from.append(loop.deals[i].from)
            to.append(loop.deals[i].to)
            binding.append(loop.deals[i].status == .binding)
            switch loop.deals[i].terms {
            case let .takeOrPay(v, s, t, r, g): terms.append(.takeOrPay(value: v, start: s, term: t, ramp: r, gpus: g))
            case let .usage(g, f, u, p, d, s, t):
                terms.append(.usage(gpus: g, fleetShare: f, utilization: u, price: p, declinePerYear: d, start: s, term: t))
            case let .perUnit(c, r, ru, s, t, f):
                terms.append(.perUnit(cap: c, rate: r, referenceUtilization: ru, start: s, term: t, flat: f))
            case let .vendorSale(p, m, s, t, o, l):
                terms.append(.vendorSale(unitPrice: p, perMonth: m, start: s, term: t, orders: range(o), leadTime: l))
                replacement[from[i]] = i
            case let .equity(t): terms.append(.equity(tranches: range(t)))
            case let .loan(l):
                flatCollateral += l.collateral
                let loan = PlanLoan(l, deal: i, collateral: (flatCollateral.count - l.collateral.count)..<flatCollateral.count)
                terms.append(.loan(loan))
                loanSlots[i] = planLoans.count
                planLoans.append(loan)
                loans[to[i]].append(i)
            case let .backstop(l, p, s, t): terms.append(.backstop(limit: l, price: p, start: s, term: t))
            case let .warrant(k, p, g, t): terms.append(.warrant(strike: k, sharePrice: p, growthPerYear: g, tranches: range(t)))
            case let .recurring(m, g, s, t): terms.append(.recurring(monthly: m, growthPerYear: g, start: s, term: t))
            }
        }
        self.from = from
        self.to = to
        self.terms = terms
        self.loans = planLoans
        loanSlot = loanSlots
        self.binding = binding
        tranches = flatTranches
        collateral = flatCollateral.map { PlanCollateral(terms[$0], deal: $0) }
        replacementDeal = replacement
        loansOf = loans
        var slots = Array(repeating: -1, count: entities)
        var financedEntities: [Int] = [], entityTerms: [LoopFinancingTerms] = []
        for e in 0..<entities {
            guard let f = loop.entities[e].financing else { continue }
            slots[e] = financedEntities.count
            financedEntities.append(e)
            entityTerms.append(f)
        }
        var facilities = Array(repeating: [Int](), count: financedEntities.count)
        var phases: ([Int], [Int], [Int], [Int]) = ([], [], [], [])
        // Room for all at once: growing these lists one append at a time is most of a plan's cost.
        phases.0.reserveCapacity(deals); phases.1.reserveCapacity(deals); phases.2.reserveCapacity(deals)
        phases.3.reserveCapacity(deals)
        for i in loop.order {
            switch terms[i] {
            case .vendorSale: phases.0.append(i)
            case .takeOrPay, .usage, .recurring: phases.1.append(i)
            case let .loan(l) where l.facility == .revolver:
                if slots[to[i]] >= 0 { facilities[slots[to[i]]].append(i) } else {
                    phases.2.append(i); phases.3.append(i)
                }
            default: phases.2.append(i)
            }
        }
        capacityTerms = phases.1.compactMap { PlanCapacity(terms[$0], deal: $0) }
        (deliveries, revolvers) = (phases.0, phases.3)
        let steps = Self.steps(phases.2, loanSlots)
        (dependentSteps, dependentLoans) = (steps.steps, steps.loans)
        dependentTerms = RunRecords(count: steps.others.count) { k in
            let i = steps.others[k]
            return PlanDependent(terms[i], deal: i, from: from[i], to: to[i], openingFleet: loop.entities[from[i]].fleet)
        }
        let entityKW = loop.entities.map(\.kwPerGPU)
        milestones = RunRecords(count: flatTranches.count) { PlanMilestone(flatTranches[$0], from: from, kwPerGPU: entityKW) }
        slot = slots
        financed = financedEntities
        financing = entityTerms
        facilityDeals = facilities
        var contracts = Array(repeating: [Int](), count: financedEntities.count)
        for k in capacityTerms.indices where capacityTerms[k].kind == .takeOrPay && slots[to[capacityTerms[k].deal]] >= 0 {
            contracts[slots[to[capacityTerms[k].deal]]].append(k)
        }
        contractsOf = contracts
        financeOrder = Self.financeOrder(financedEntities, entityTerms, facilities, from: from, slots: slots)
        var opex = [Double](), overhead = [Double](), supplier = [Int](), kw = [Double]()
        var cash = [Double](), fleet = [Double](), debt = [Double]()
        opex.reserveCapacity(entities); overhead.reserveCapacity(entities); supplier.reserveCapacity(entities)
        kw.reserveCapacity(entities); cash.reserveCapacity(entities); fleet.reserveCapacity(entities)
        debt.reserveCapacity(entities)
        for e in 0..<entities {
            opex.append(loop.entities[e].opexPerGPUHour)
            overhead.append(loop.entities[e].overheadMonthly)
            supplier.append(loop.entities[e].supplier ?? -1)
            kw.append(loop.entities[e].kwPerGPU)
            cash.append(loop.entities[e].cash)
            fleet.append(loop.entities[e].fleet)
            debt.append(loop.entities[e].debt)
        }
        (opexPerGPUHour, self.overhead, self.supplier, kwPerGPU) = (opex, overhead, supplier, kw)
        (openingCash, openingFleet, openingDebt) = (cash, fleet, debt)
        var ramps = Array(repeating: 1.0, count: deals), before = Array(repeating: 0.0, count: deals)
        var growth = Array(repeating: 1.0, count: deals)
        for i in 0..<deals {
            switch terms[i] {
            case let .takeOrPay(_, start, term, ramp, _):
                ramps[i] = max(1e-12, LoopEngine.rampTotal(term: term, ramp: ramp))
                var paid = 0.0
                for k in 0..<max(0, min(term, -start)) { paid += LoopEngine.rampWeight(k, ramp: ramp) }
                before[i] = paid / ramps[i]
            case let .usage(_, _, _, _, decline, _, _): growth[i] = LoopEngine.growth(-decline, months: 1)
            case let .recurring(_, rate, _, _), let .warrant(_, _, rate, _): growth[i] = LoopEngine.growth(rate, months: 1)
            default: break
            }
        }
        rampTotal = ramps
        paidBefore = before
        growthRate = growth
    }
}

extension LoopPlan {
    /// The dependent deals as steps: loans next to each other in one run, in order; the
    /// loans' slots and the other deals, each in order.
    static func steps(_ dependent: [Int], _ loanSlot: [Int]) -> (steps: [PlanStep], loans: [Int], others: [Int]) {
        var steps: [PlanStep] = [], loans: [Int] = [], others: [Int] = []
        for i in dependent {
            guard loanSlot[i] >= 0 else {
                steps.append(PlanStep(other: others.count, loans: loans.count..<loans.count))
                others.append(i)
                continue
            }
            loans.append(loanSlot[i])
            if let last = steps.last, !last.loans.isEmpty {
                steps[steps.count - 1] = PlanStep(other: -1, loans: last.loans.lowerBound..<loans.count)
            } else {
                steps.append(PlanStep(other: -1, loans: (loans.count - 1)..<loans.count))
            }
        }
        return (steps, loans, others)
    }

    /// Borrowers before their lenders: slot s waits for every financed slot whose lender,
    /// investor or revolver lender is s's entity (Kahn's order; ties in file order). Entities
    /// that lend to each other in a circle keep file order among themselves — the limit.
    static func financeOrder(_ financed: [Int], _ terms: [LoopFinancingTerms], _ facilities: [[Int]], from: [Int],
                             slots: [Int]) -> [Int]
    {
        let n = financed.count
        var after = Array(repeating: [Int](), count: n)   // after[b] = lenders that must wait for borrower b
        var waiting = Array(repeating: 0, count: n)
        for b in 0..<n {
            var lenders = Set([terms[b].lender, terms[b].investor])
            for i in facilities[b] { lenders.insert(from[i]) }
            for e in lenders where e >= 0 && e < slots.count && slots[e] >= 0 && slots[e] != b {
                after[b].append(slots[e])
                waiting[slots[e]] += 1
            }
        }
        var order: [Int] = [], done = Array(repeating: false, count: n)
        while order.count < n {
            guard let next = (0..<n).first(where: { !done[$0] && waiting[$0] == 0 })
                ?? (0..<n).first(where: { !done[$0] }) else { break }
            done[next] = true
            order.append(next)
            for l in after[next] { waiting[l] -= 1 }
        }
        return order
    }
}

/// `DealTerms` with lists replaced by ranges into the plan's flat arrays: plain values the
/// month loop switches over without counting references.
enum PlanTerms {
    case takeOrPay(value: Double, start: Int, term: Int, ramp: Int, gpus: Double)
    case usage(gpus: Double, fleetShare: Double, utilization: Double, price: Double, declinePerYear: Double,
               start: Int, term: Int)
    case perUnit(cap: Double, rate: Double?, referenceUtilization: Double, start: Int, term: Int, flat: Bool)
    case vendorSale(unitPrice: Double, perMonth: Double, start: Int, term: Int, orders: Range<Int>, leadTime: Int)
    case equity(tranches: Range<Int>)
    case loan(PlanLoan)
    case backstop(limit: Double, price: Double, start: Int, term: Int)
    case warrant(strike: Double, sharePrice: Double, growthPerYear: Double, tranches: Range<Int>)
    case recurring(monthly: Double, growthPerYear: Double, start: Int, term: Int)
}

/// `LoanTerms` with its collateral as a range into the plan's flat list.
struct PlanLoan {
    let deal: Int
    let facility: LoanTerms.Facility
    let limit, drawn, rate: Double
    let floating: Bool
    let ltv: Double
    let collateral: Range<Int>
    let term: Int
    let maturity: Int?
    let issue: Int?
    let floor: Double

    init(_ l: LoanTerms, deal: Int, collateral: Range<Int>) {
        self.deal = deal; facility = l.facility; limit = l.limit; drawn = l.drawn; rate = l.rate; floating = l.floating; ltv = l.ltv
        self.collateral = collateral; term = l.term; maturity = l.maturity; issue = l.issue; floor = l.floor
    }
}
