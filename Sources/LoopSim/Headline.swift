/// The numbers a presenter reads out: each company's months of runway, who runs out
/// first, how much of Vast's revenue comes from CoreWeave, and CoreWeave's utilization.
/// Everything is read from a projection the engine computed; nothing is estimated here.
public struct Headline: Sendable, Equatable {
    /// The month (0 = the scenario's start) the month-dependent figures are read at.
    public var month: Int
    public var date: YearMonth
    public var horizon: Int
    /// Months until CoreWeave's cash goes below zero; nil: not within the horizon.
    public var coreweaveRunway: Int?
    /// Months until Vast's cash goes below zero; nil: not within the horizon.
    public var vastRunway: Int?
    /// The company that runs out first; nil when neither does within the horizon.
    public var firstOut: Node?
    /// Share of Vast's revenue in `month` paid by CoreWeave, 0 … 1.
    public var vastShareFromCoreWeave: Double
    /// CoreWeave's utilization in `month`, 0 … 1.
    public var utilization: Double
    /// The calendar month each company runs out, when it does.
    public var coreweaveOut: YearMonth?
    public var vastOut: YearMonth?

    /// The headline of `projection` at `month` (clamped to the projection).
    public init(_ projection: Projection, month: Int) {
        let now = projection.month(month)
        self.month = now.month
        date = now.date
        horizon = projection.horizon
        coreweaveRunway = projection.runway(of: .coreweave)
        vastRunway = projection.runway(of: .vast)
        firstOut = projection.firstToRunOut
        vastShareFromCoreWeave = now.vast.coreweaveShare
        utilization = now.coreweave.utilization
        coreweaveOut = coreweaveRunway.map { projection.start.adding(months: $0) }
        vastOut = vastRunway.map { projection.start.adding(months: $0) }
    }

    /// The runway of a tracked company.
    public func runway(of company: Node) -> Int? {
        company == .coreweave ? coreweaveRunway : company == .vast ? vastRunway : nil
    }

    /// A short name fit for large letters: `CW`, `VAST`, or `NONE`.
    public var firstOutShortName: String {
        switch firstOut {
        case .coreweave?: "CW"
        case .vast?: "VAST"
        case let other?: other.label.uppercased()
        case nil: "NONE"
        }
    }

    /// One line of text: what `present --rehearse` prints for a step.
    public var line: String {
        let cw = Format.runway(coreweaveRunway, horizon: horizon) + (coreweaveOut.map { " (\($0.shortLabel))" } ?? "")
        let vast = Format.runway(vastRunway, horizon: horizon) + (vastOut.map { " (\($0.shortLabel))" } ?? "")
        let first = firstOut.map { "\($0.label) runs out first" } ?? "neither runs out within \(horizon) months"
        return "CoreWeave runway \(cw) · Vast runway \(vast) · \(first) · "
            + "Vast revenue from CoreWeave \(Format.percent(vastShareFromCoreWeave)) · "
            + "utilization \(Format.percent(utilization))"
    }
}
