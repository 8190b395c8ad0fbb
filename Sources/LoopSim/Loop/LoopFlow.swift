/// One month's money along one deal (or an entity's operating costs) between two entities.
/// Plain values (`BitwiseCopyable`): a run writes flows into raw memory it owns.
public struct LoopFlow: Sendable, Equatable, BitwiseCopyable {
    /// Index into `MoneyLoop.deals`; `operatingCosts` or `financing` for money that moves
    /// outside any deal of the file.
    public var deal: Int
    /// The `deal` of an entity's operating costs, and of its own financing (rollovers,
    /// new debt and equity, their interest, principal and fees).
    public static let operatingCosts = -1
    public static let financing = -2
    public var from: Int
    public var to: Int
    public var kind: LoopFlowKind
    public var amount: Double
    public var isCash: Bool { kind.isCash }
    public init(deal: Int, from: Int, to: Int, kind: LoopFlowKind, amount: Double) {
        self.deal = deal; self.from = from; self.to = to; self.kind = kind; self.amount = amount
    }
}
