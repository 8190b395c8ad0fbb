/// One company's outcome across the paths of a Monte Carlo run.
public struct CompanyOutcome: Sendable, Equatable {
    public var company: Node
    /// Cash per month (index = month), as percentile bands across paths.
    public var cash: Bands
    public var runway: RunwayDistribution

    public init(company: Node, cash: Bands, runway: RunwayDistribution) {
        self.company = company; self.cash = cash; self.runway = runway
    }
}

/// What a Monte Carlo run found: cash bands and runway per company, and how often each
/// company ran out first. Every number comes from the paths; nothing is smoothed.
public struct MonteCarloResult: Sendable, Equatable {
    public var scenarioName: String
    public var start: YearMonth
    public var horizon: Int
    public var paths: Int
    public var seed: UInt64
    /// The parameters and shocks sampled (empty: every path was the same).
    public var sampled: Int
    /// CoreWeave and Vast Data (the companies whose cash the model tracks).
    public var companies: [CompanyOutcome]
    /// `firstOut[i]`: the paths on which `companies[i]` ran out first (ties go to
    /// CoreWeave, as in `Projection.firstToRunOut`).
    public var firstOut: [Int]
    /// The paths on which nobody ran out within the horizon.
    public var nobodyOut: Int

    /// The runway the headline probability is about: 24 months.
    public static let runwayThreshold = 24

    public init(scenarioName: String, start: YearMonth, horizon: Int, paths: Int, seed: UInt64, sampled: Int,
                companies: [CompanyOutcome], firstOut: [Int], nobodyOut: Int)
    {
        self.scenarioName = scenarioName; self.start = start; self.horizon = horizon; self.paths = paths
        self.seed = seed; self.sampled = sampled; self.companies = companies; self.firstOut = firstOut
        self.nobodyOut = nobodyOut
    }

    /// The outcome of `company`, or nil when the run did not track it.
    public func outcome(of company: Node) -> CompanyOutcome? { companies.first { $0.company == company } }

    /// P(runway < 24 months) of `company`.
    public func probabilityOfShortRunway(_ company: Node, below months: Int = runwayThreshold) -> Double {
        outcome(of: company)?.runway.probability(below: months) ?? 0
    }

    /// The share of paths on which `company` ran out first (nil: nobody ran out).
    public func firstOutShare(_ company: Node?) -> Double {
        guard paths > 0 else { return 0 }
        guard let company else { return Double(nobodyOut) / Double(paths) }
        guard let i = companies.firstIndex(where: { $0.company == company }) else { return 0 }
        return Double(firstOut[i]) / Double(paths)
    }
}
