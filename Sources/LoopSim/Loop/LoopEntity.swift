/// A company (or the outside world) in a money loop: its opening stocks and operating
/// costs. Indices into `MoneyLoop.entities` stand for entities inside the engine.
public struct LoopEntity: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: EntityKind
    /// Opening cash, debt outside the loop's loan deals, and GPUs in service.
    public var cash: Double
    public var debt: Double
    public var fleet: Double
    /// Power and rent per GPU-hour of the fleet (busy or idle), and other costs per
    /// month; both paid to `supplier`.
    public var opexPerGPUHour: Double
    public var overheadMonthly: Double
    public var supplier: Int?
    /// All-in kilowatts per GPU: converts the fleet to gigawatts for milestones.
    public var kwPerGPU: Double
    /// The outside world (other customers, suppliers): its flows count, its cash is no headline.
    public var external: Bool
    /// The source of each opening figure by name: "cash", "debt", "fleet", ….
    public var sources: [String: SourceNote]
    /// How it finances itself; nil: it does not (its cash may go below zero).
    public var financing: LoopFinancingTerms?

    public init(id: String, name: String, kind: EntityKind, cash: Double = 0, debt: Double = 0, fleet: Double = 0,
                opexPerGPUHour: Double = 0, overheadMonthly: Double = 0, supplier: Int? = nil,
                kwPerGPU: Double = LoopEntity.defaultKwPerGPU, external: Bool = false,
                sources: [String: SourceNote] = [:], financing: LoopFinancingTerms? = nil)
    {
        self.financing = financing
        self.id = id; self.name = name; self.kind = kind; self.cash = cash; self.debt = debt; self.fleet = fleet
        self.opexPerGPUHour = opexPerGPUHour; self.overheadMonthly = overheadMonthly; self.supplier = supplier
        self.kwPerGPU = kwPerGPU; self.external = external; self.sources = sources
    }

    /// 1.4 kW per GPU all-in (a GB200 NVL72 rack ≈ 120–132 kW IT for 72 GPUs, × PUE 1.2; assumption).
    public static let defaultKwPerGPU = 1.4
}
