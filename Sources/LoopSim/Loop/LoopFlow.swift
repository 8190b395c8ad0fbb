/// One month's money along one deal (or an entity's operating costs) between two entities.
public struct LoopFlow: Sendable, Equatable {
    /// Index into `MoneyLoop.deals`; -1 for operating costs.
    public var deal: Int
    public var from: Int
    public var to: Int
    public var kind: LoopFlowKind
    public var amount: Double
    public var isCash: Bool { kind.isCash }
    public init(deal: Int, from: Int, to: Int, kind: LoopFlowKind, amount: Double) {
        self.deal = deal; self.from = from; self.to = to; self.kind = kind; self.amount = amount
    }
}
