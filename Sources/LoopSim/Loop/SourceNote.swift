/// Where a figure or a deal comes from: a named source with its date, or a marked
/// assumption with its reason.
public struct SourceNote: Sendable, Equatable, Hashable {
    /// The source's words ("CoreWeave 10-Q Q3 2025"), or the assumption's reason.
    public var text: String
    /// `YYYY-MM-DD` or `YYYY-MM`; empty for an assumption.
    public var date: String
    public var url: String
    /// True when the figure is a modelling choice, not a published number.
    public var isAssumption: Bool

    public init(text: String, date: String = "", url: String = "", isAssumption: Bool = false) {
        self.text = text; self.date = date; self.url = url; self.isAssumption = isAssumption
    }

    /// "CoreWeave 10-Q Q3 2025, 2025-09-30" or "assumption: why".
    public var label: String {
        isAssumption ? "assumption: \(text)" : (date.isEmpty ? text : "\(text), \(date)")
    }
}
