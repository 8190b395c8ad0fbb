/// One what-if change: parameter `id` takes `value` from `month` on.
public struct LeverChange: Sendable, Equatable, Codable {
    public var month: Int
    public var id: ParameterID
    public var value: Double
    public init(month: Int, id: ParameterID, value: Double) {
        self.month = month; self.id = id; self.value = value
    }
}

/// The parameter values in force month by month: a base set plus dated changes.
/// Changes made at month m leave months before m as they were.
public struct LeverSchedule: Sendable, Equatable {
    public var base: ParameterValues
    /// Changes in the order they were made; later ones win for the same month and id.
    public private(set) var changes: [LeverChange]

    public init(base: ParameterValues, changes: [LeverChange] = []) {
        self.base = base
        self.changes = []
        for c in changes { self.apply(c) }
    }

    /// Adds a change; one for the same id at or after `change.month` is superseded.
    public mutating func apply(_ change: LeverChange) {
        changes.removeAll { $0.id == change.id && $0.month >= change.month }
        changes.append(change)
    }

    /// The values in force at `month`.
    public func values(at month: Int) -> ParameterValues {
        var v = base
        for c in changes where c.month <= month { v.setClamped(c.id, c.value) }
        return v
    }

    /// The values in force after every change (the what-if's final state).
    public var latest: ParameterValues { values(at: Int.max) }

    /// True when there is no what-if change.
    public var isEmpty: Bool { changes.isEmpty }

    /// The first month any change applies from, or nil when there are none.
    public var firstChangeMonth: Int? { changes.map(\.month).min() }
}
