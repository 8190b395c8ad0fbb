/// When a tranche is released or a warrant tranche vests: a month, the gigawatts or GPUs
/// deployed (an entity's fleet, or the units a vendor-sale deal has delivered), and/or a
/// share price. Every condition given must hold.
public struct Milestone: Sendable, Equatable {
    /// Months from the loop's start (nil: no date condition).
    public var month: Int?
    /// The entity whose fleet counts, or the vendor-sale deal whose deliveries count (then
    /// gigawatts use the buyer's kW per GPU), and the gigawatts or GPUs to reach.
    public var entity: Int?
    public var deal: Int?
    public var gigawatts: Double?
    public var fleet: Double?
    /// The issuer's share price it must reach (warrants).
    public var priceTarget: Double?

    public init(month: Int? = nil, entity: Int? = nil, deal: Int? = nil, gigawatts: Double? = nil, fleet: Double? = nil,
                priceTarget: Double? = nil)
    {
        self.month = month; self.entity = entity; self.deal = deal; self.gigawatts = gigawatts; self.fleet = fleet
        self.priceTarget = priceTarget
    }
}

/// An amount released when its milestone is met (equity tranches, warrant shares).
public struct Tranche: Sendable, Equatable {
    public var amount: Double
    public var milestone: Milestone
    public init(amount: Double, milestone: Milestone) { self.amount = amount; self.milestone = milestone }
}
