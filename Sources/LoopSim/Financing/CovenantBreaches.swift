/// The covenants broken in one month, in the order they are tested: at most one of each
/// kind, so two fit in place. A plain value (no buffer to count references on), so a
/// month of financing copies as plain memory; it reads and encodes as an array.
public struct CovenantBreaches: RandomAccessCollection, Sendable, Equatable, Codable, ExpressibleByArrayLiteral {
    private var earlier: CovenantBreach?
    private var later: CovenantBreach?

    public init() {}

    public init(arrayLiteral elements: CovenantBreach...) {
        for b in elements { append(b) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { earlier == nil ? 0 : later == nil ? 1 : 2 }

    public subscript(i: Int) -> CovenantBreach {
        precondition(i >= 0 && i < endIndex, "covenant breach index out of range")
        return i == 0 ? earlier! : later!
    }

    /// Adds a breach after those already there (one a kind: there are two covenants).
    public mutating func append(_ b: CovenantBreach) {
        if earlier == nil {
            earlier = b
        } else {
            precondition(later == nil, "more covenant breaches in a month than covenants")
            later = b
        }
    }

    public init(from decoder: any Decoder) throws {
        let list = try decoder.singleValueContainer().decode([CovenantBreach].self)
        guard list.count <= 2 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "more covenant breaches than covenants"))
        }
        for b in list { append(b) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Array(self))
    }
}
