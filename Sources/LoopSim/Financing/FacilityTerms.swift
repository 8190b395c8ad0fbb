/// A committed facility of one entity: a revolver, a term or delayed-draw loan, or a
/// bond. The `loan or facility` deal of a scenario, as the financing component runs it.
public struct FacilityTerms: Sendable, Equatable {
    /// What kind of facility it is; a revolver is drawn and repaid as cash needs, the
    /// others pay interest and principal on a schedule.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case revolver
        case termLoan = "term-loan"
        case delayedDraw = "delayed-draw"
        case bond
    }

    public var id: String
    public var kind: Kind
    /// The committed amount (for a revolver, the most that may be drawn).
    public var limit: Double
    /// The balance drawn at the start.
    public var drawn: Double
    /// Annual rate, a fraction (0.11 = 11%).
    public var rate: Double
    /// Floating facilities take the rate shock.
    public var floating: Bool
    /// Months from the scenario start to maturity (0 or less: already due).
    public var maturityMonth: Int
    /// Even principal to maturity; else all at maturity (a bullet).
    public var amortizing: Bool

    public init(id: String, kind: Kind, limit: Double, drawn: Double = 0, rate: Double, floating: Bool = true,
                maturityMonth: Int, amortizing: Bool = false)
    {
        self.id = id; self.kind = kind; self.limit = limit; self.drawn = drawn; self.rate = rate
        self.floating = floating; self.maturityMonth = maturityMonth; self.amortizing = amortizing
    }

    /// What may still be drawn.
    public var available: Double { Swift.max(0, limit - drawn) }

    /// A month's interest on the balance drawn (floating facilities plus `rateShock`).
    public func monthlyInterest(rateShock: Double) -> Double { monthlyInterest(on: drawn, rateShock: rateShock) }

    /// A month's interest had `drawn` been the balance (the engine's balance before the month).
    public func monthlyInterest(on drawn: Double, rateShock: Double) -> Double {
        drawn * Swift.max(0, rate + (floating ? rateShock : 0)) / 12
    }
}
