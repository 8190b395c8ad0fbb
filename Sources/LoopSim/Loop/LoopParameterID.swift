/// The id of one figure of a loop: `entity.<entity>.cash|debt|fleet` or `deal.<deal>.<key>`
/// (`deal.openai-oracle.value`, `deal.cw-ddtl3.ltv`). A loop makes the ids of its own
/// figures (`MoneyLoop.parameters`); text becomes one only through
/// `MoneyLoop.parameterID(validating:)`, which refuses a figure the loop does not have.
public struct LoopParameterID: Hashable, Sendable, CustomStringConvertible {
    /// Whose figure it is.
    public enum Owner: String, Sendable { case entity, deal }

    public let owner: Owner
    /// The entity's or the deal's id in the loop file.
    public let name: String
    /// `cash`, `debt`, `fleet` for an entity; the deal's term (`value`, `ltv`) for a deal.
    public let figure: String

    init(_ owner: Owner, _ name: String, _ figure: String) {
        self.owner = owner; self.name = name; self.figure = figure
    }

    public var rawValue: String { "\(owner.rawValue).\(name).\(figure)" }

    /// The article's ids that name an entity's figure, and that figure.
    static let articleAliases: [ParameterID: LoopParameterID] = [
        .cwGpus: LoopParameterID(.entity, "coreweave", "fleet"),
        .vastCash: LoopParameterID(.entity, "vast", "cash"),
        .cwCashFloor: LoopParameterID(.entity, "coreweave", "cashFloor"),
        .vastCashFloor: LoopParameterID(.entity, "vast", "cashFloor"),
    ]

    /// The loop figure an article id (or `credit.access.<entity>`) stands for, if any.
    static func alias(_ text: String) -> LoopParameterID? {
        let access = "credit.access."
        if text.hasPrefix(access) { return LoopParameterID(.entity, String(text.dropFirst(access.count)), "marketAccess") }
        return articleAliases[ParameterID(rawValue: text)]
    }
    public var description: String { rawValue }
}

extension MoneyLoop {
    /// `text` as the id of one of this loop's figures, or `.unknown` with the closest id.
    /// The article's id of the same figure works as an alias where the loop has that entity
    /// (`vast.cash` for `entity.vast.cash`, `credit.access.<entity>` for its market access).
    public func parameterID(validating text: String) throws(ParameterError) -> LoopParameterID {
        let ids = parameters.map(\.id)
        if let id = ids.first(where: { $0.rawValue == text }) { return id }
        if let alias = LoopParameterID.alias(text), let id = ids.first(where: { $0 == alias }) { return id }
        throw .unknown(ParameterID(rawValue: text),
                       suggestion: closestWord(to: text, in: ids.map(\.rawValue)).map(ParameterID.init(rawValue:)))
    }
}
