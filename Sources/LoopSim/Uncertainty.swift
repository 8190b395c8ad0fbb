/// A parameter whose value is uncertain.
public struct UncertainParameter: Sendable, Equatable {
    public var id: ParameterID
    public var distribution: Distribution
    public init(id: ParameterID, distribution: Distribution) { self.id = id; self.distribution = distribution }
}

/// A discrete event that may or may not happen on a path.
public struct Shock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// With probability `chance` over the horizon, `customer` cuts its contract
        /// payments by `share` from `month` on.
        case haircut(customer: Node, share: Distribution, month: Distribution)
        /// In each quarter, with probability `chance`, the credit window is closed: no new
        /// debt is drawn against GPUs landing that quarter (their capex is paid in cash).
        case creditClosed
    }

    /// A few words for tables (`OpenAI haircut`).
    public var name: String
    /// The probability: over the horizon for a haircut, per quarter for a closed window.
    public var chance: Double
    public var kind: Kind

    public init(name: String, chance: Double, kind: Kind) {
        self.name = name; self.chance = chance; self.kind = kind
    }

    /// The name used when a file gives none.
    public static func defaultName(_ kind: Kind) -> String {
        switch kind {
        case let .haircut(customer, _, _): "\(customer.label) haircut"
        case .creditClosed: "Credit window closed"
        }
    }
}

/// What a Monte Carlo run samples: parameters given as distributions and discrete
/// shocks. A scenario's own; empty when the scenario gives only plain values.
///
/// Levers and `--set` move a distribution without changing its spread: a path's draw
/// keeps its distance from the distribution's point value, so setting utilization
/// from 75% to 85% shifts every path's utilization by ten points.
public struct Uncertainty: Sendable, Equatable {
    public var parameters: [UncertainParameter]
    public var shocks: [Shock]

    public init(parameters: [UncertainParameter] = [], shocks: [Shock] = []) {
        self.parameters = parameters; self.shocks = shocks
    }

    /// True when every path would be the same.
    public var isEmpty: Bool {
        parameters.allSatisfy(\.distribution.isFixed) && shocks.allSatisfy { $0.chance <= 0 }
    }

    /// The distribution of `id`, or nil when it is a plain value.
    public func distribution(of id: ParameterID) -> Distribution? {
        parameters.first { $0.id == id }?.distribution
    }

    /// One path's inputs: the schedule with each uncertain parameter moved by its draw
    /// (base value and every dated change alike), and the path's discrete events. Draws
    /// come in a fixed order — parameters, then shocks, each shock drawing the same
    /// numbers whether or not it happens — so paths line up across what-ifs.
    func draw(_ rng: inout PathRandom, schedule: LeverSchedule, horizon: Int,
              events: inout PathEvents) -> LeverSchedule
    {
        events.removeAll()
        guard !parameters.isEmpty else {
            drawShocks(&rng, horizon: horizon, events: &events)
            return schedule
        }
        var base = schedule.base
        var offsets: [(ParameterID, Double)] = []
        for u in parameters {
            let offset = u.distribution.draw(&rng) - u.distribution.value
            base.setClamped(u.id, base[u.id] + offset)
            if !schedule.isEmpty { offsets.append((u.id, offset)) }
        }
        drawShocks(&rng, horizon: horizon, events: &events)
        guard !schedule.isEmpty else { return LeverSchedule(base: base) }
        let changes = schedule.changes.map { c in
            LeverChange(month: c.month, id: c.id, value: c.value + (offsets.first { $0.0 == c.id }?.1 ?? 0))
        }
        return LeverSchedule(base: base, changes: changes)
    }

    private func drawShocks(_ rng: inout PathRandom, horizon: Int, events: inout PathEvents) {
        for s in shocks {
            switch s.kind {
            case let .haircut(customer, share, month):
                let hit = rng.unit() < s.chance
                let cut = share.draw(&rng)
                let from = month.draw(&rng)
                if hit {
                    events.haircuts.append(CustomerHaircut(customer: customer, from: Int(max(0, from.rounded())),
                                                           share: min(1, max(0, cut))))
                }
            case .creditClosed:
                for quarter in 0...(horizon / 3) where rng.unit() < s.chance {
                    for m in quarter * 3..<quarter * 3 + 3 { events.creditClosed.insert(m) }
                }
            }
        }
    }
}
