/// A lever every loop takes (`LoopLevers`), addressable by `--set`: its id, range and
/// effect. Where the article's engine has the same lever, the id is the article's
/// (`demand.delayMonths`, `credit.window`), so one id works for both kinds of scenario.
public enum LoopLever: CaseIterable, Sendable {
    case nonBinding, demandDelay, buildDelay, rateShock, creditWindow, utilizationScale

    public var id: String {
        switch self {
        case .nonBinding: "loop.nonBinding"
        case .demandDelay: ParameterID.demandDelayMonths.rawValue
        case .buildDelay: ParameterID.buildDelayMonths.rawValue
        case .rateShock: ParameterID.ratesShockBps.rawValue
        case .creditWindow: ParameterID.creditWindow.rawValue
        case .utilizationScale: "loop.utilizationScale"
        }
    }

    /// The values `--set` accepts.
    public var range: ClosedRange<Double> {
        switch self {
        case .nonBinding, .creditWindow: 0...1
        case .demandDelay, .buildDelay: 0...24
        case .rateShock: 0...1_000
        case .utilizationScale: 0...2
        }
    }

    /// `levers` with this lever at `value` (basis points for the rate shock, months rounded).
    public func apply(_ value: Double, to levers: inout LoopLevers) {
        switch self {
        case .nonBinding: levers.nonBinding = value
        case .demandDelay: levers.demandDelay = Int(value.rounded())
        case .buildDelay: levers.buildDelay = Int(value.rounded())
        case .rateShock: levers.rateShock = value / 10_000
        case .creditWindow: levers.creditWindow = value
        case .utilizationScale: levers.utilizationScale = value
        }
    }

    /// The lever `text` names, or nil.
    public init?(id text: String) {
        guard let lever = Self.allCases.first(where: { $0.id == text }) else { return nil }
        self = lever
    }
}
