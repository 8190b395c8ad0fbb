/// One deal of a loop: who pays whom, on what terms, how firm it is, and its source.
public struct LoopDeal: Sendable, Equatable {
    public var id: String
    /// The payer (lender, investor, customer, buyer, guarantor, issuer) and the payee.
    public var from: Int
    public var to: Int
    public var status: DealStatus
    public var source: SourceNote
    public var terms: DealTerms

    public init(id: String, from: Int, to: Int, status: DealStatus, source: SourceNote, terms: DealTerms) {
        self.id = id; self.from = from; self.to = to; self.status = status; self.source = source; self.terms = terms
    }

    public var kind: DealKind { terms.kind }

    /// The deals this one reads within a month (so they must be run first).
    public var dependencies: [Int] {
        switch terms {
        case let .loan(l): return l.collateral
        case let .equity(t), let .warrant(_, _, _, t): return t.compactMap(\.milestone.deal)
        default: return []
        }
    }
}
