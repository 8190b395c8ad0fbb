/// A named moment of a scenario for a presentation (keys 1–9 in the dashboard): a
/// caption, an optional month to jump to, and lever values to set.
public struct Scene: Sendable, Equatable {
    /// The longest list of scenes a scenario may have (one per digit key).
    public static let maxCount = 9

    public var name: String
    public var caption: String
    /// The month (0 = the scenario's start) the scene shows; nil keeps the current month.
    public var month: Int?
    /// Lever values in the order written; each id is a registry id, each value in range.
    public var levers: [SceneLever]

    public init(name: String, caption: String, month: Int? = nil, levers: [SceneLever] = []) {
        self.name = name; self.caption = caption; self.month = month; self.levers = levers
    }
}

/// One lever value of a scene.
public struct SceneLever: Sendable, Equatable {
    public var id: ParameterID
    public var value: Double
    public init(id: ParameterID, value: Double) { self.id = id; self.value = value }
}
