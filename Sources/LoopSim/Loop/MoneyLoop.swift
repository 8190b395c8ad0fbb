/// A money loop as data: entities, the deals between them, and the months to run.
/// `MoneyLoop.make` validates references and orders the deals; the engine runs any loop
/// it accepts (see `LoopEngine`).
public struct MoneyLoop: Sendable, Equatable {
    public var name: String
    public var title: String
    public var start: YearMonth
    public var horizon: Int
    public var entities: [LoopEntity] { didSet { plan = LoopPlan(self) } }
    public var deals: [LoopDeal] { didSet { plan = LoopPlan(self) } }
    /// The deals in an order where every deal comes after the deals it reads.
    public private(set) var order: [Int]
    /// The loop flattened for the engine: built with the loop and again whenever its
    /// entities or deals change, so a projection under new levers (a key press, a Monte
    /// Carlo path's draw) does not build it anew. Derived from the fields above.
    private(set) var plan: LoopPlan

    /// Checks the references and schedules the deals; throws the first problem.
    public static func make(name: String, title: String, start: YearMonth, horizon: Int, entities: [LoopEntity],
                            deals: [LoopDeal]) throws(LoopError) -> MoneyLoop
    {
        let n = entities.count
        for (i, d) in deals.enumerated() {
            guard (0..<n).contains(d.from), (0..<n).contains(d.to) else { throw .unknownEntity(deal: i) }
            guard d.from != d.to else { throw .selfDeal(deal: i) }
            guard d.dependencies.allSatisfy({ (0..<deals.count).contains($0) }) else { throw .unknownDeal(deal: i) }
        }
        for (e, entity) in entities.enumerated() {
            guard let f = entity.financing else { continue }
            guard !entity.external else { throw .externalFinanced(entity: e) }
            for who in [f.lender, f.investor] where !(0..<n).contains(who) || who == e {
                throw .badFinancier(entity: e, index: who)
            }
        }
        let order = try schedule(deals)
        return MoneyLoop(name: name, title: title, start: start, horizon: horizon, entities: entities, deals: deals,
                         order: order)
    }

    private init(name: String, title: String, start: YearMonth, horizon: Int, entities: [LoopEntity],
                 deals: [LoopDeal], order: [Int])
    {
        self.name = name; self.title = title; self.start = start; self.horizon = horizon
        self.entities = entities; self.deals = deals; self.order = order
        plan = LoopPlan(entities: entities, deals: deals, order: order)
    }

    /// Equal loops have equal fields; the plan is derived from them.
    public static func == (a: MoneyLoop, b: MoneyLoop) -> Bool {
        a.name == b.name && a.title == b.title && a.start == b.start && a.horizon == b.horizon
            && a.entities == b.entities && a.deals == b.deals && a.order == b.order
    }

    /// Kahn's algorithm, stable in file order; a deal left over sits on a cycle.
    static func schedule(_ deals: [LoopDeal]) throws(LoopError) -> [Int] {
        var waiting = deals.map { Set($0.dependencies).count }
        var readers = Array(repeating: [Int](), count: deals.count)
        for (i, d) in deals.enumerated() { for dep in Set(d.dependencies) { readers[dep].append(i) } }
        var ready = (0..<deals.count).filter { waiting[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            let next = ready.removeFirst()
            order.append(next)
            for r in readers[next] {
                waiting[r] -= 1
                if waiting[r] == 0 { ready.append(r) }
            }
            ready.sort()
        }
        if order.count < deals.count, let stuck = (0..<deals.count).first(where: { waiting[$0] > 0 }) {
            throw .cycle(deal: stuck, through: cycle(from: stuck, deals))
        }
        return order
    }

    /// The deals on a cycle reached from `start`, in reading order.
    static func cycle(from start: Int, _ deals: [LoopDeal]) -> [Int] {
        var path: [Int] = []
        var at = start
        while !path.contains(at) {
            path.append(at)
            guard let next = deals[at].dependencies.first(where: { reaches($0, path.first!, deals) || path.contains($0) })
            else { return path }
            at = next
        }
        return Array(path[path.firstIndex(of: at)!...])
    }

    static func reaches(_ from: Int, _ target: Int, _ deals: [LoopDeal]) -> Bool {
        var seen = Set<Int>(), stack = [from]
        while let d = stack.popLast() {
            if d == target { return true }
            if seen.insert(d).inserted { stack += deals[d].dependencies }
        }
        return false
    }

    /// The index of the entity with `id`.
    public func entity(_ id: String) -> Int? { entities.firstIndex { $0.id == id } }
    /// The index of the deal with `id`.
    public func deal(_ id: String) -> Int? { deals.firstIndex { $0.id == id } }
}

/// A loop the engine cannot run; indices name the deal at fault.
public enum LoopError: Error, Equatable, Sendable {
    case unknownEntity(deal: Int)
    case unknownDeal(deal: Int)
    case selfDeal(deal: Int)
    /// The deals read each other in a circle, so no month can compute them in order.
    case cycle(deal: Int, through: [Int])
    /// The outside world does not finance itself.
    case externalFinanced(entity: Int)
    /// An entity's lender or investor is not another entity of the loop.
    case badFinancier(entity: Int, index: Int)
}
