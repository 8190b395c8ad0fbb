import LoopSim

/// `--months N` of the commands that run the model: 1 … 120 months.
public typealias MonthCount = WholeNumberOption<MonthsRun>
/// `snapshot --months N`: the month shown, 0 (the opening) … 120.
public typealias MonthIndex = WholeNumberOption<MonthShown>
/// `--monte-carlo N`: 1 … 100,000 paths.
public typealias PathCount = WholeNumberOption<MonteCarloPaths>
/// `--threads N` of a Monte Carlo run: 1 … 256.
public typealias ThreadCount = WholeNumberOption<MonteCarloThreads>

/// The range of ``MonthCount``.
public enum MonthsRun: WholeNumberRange {
    public static let range = 1...Scenario.maxHorizon
    public static let unit: String? = "months"
}

/// The range of ``MonthIndex``.
public enum MonthShown: WholeNumberRange {
    public static let range = 0...Scenario.maxHorizon
    public static let unit: String? = "months"
}

/// The range of ``PathCount``.
public enum MonteCarloPaths: WholeNumberRange {
    public static let range = 1...MonteCarlo.maxPaths
    public static let unit: String? = "paths"
}

/// The range of ``ThreadCount``.
public enum MonteCarloThreads: WholeNumberRange {
    public static let range = 1...256
    public static let unit: String? = nil
}

/// `--seed S` of the Monte Carlo paths: any whole number 0 … 2⁶⁴ − 1.
public struct PathSeed: OptionValue, Equatable {
    public var value: UInt64
    public init(_ value: UInt64) { self.value = value }
    public init?(optionText text: String) {
        guard let v = UInt64(WholeNumber.digits(text)) else { return nil }
        value = v
    }
    public static func problem(with text: String) -> String { "expected a whole number 0 … \(UInt64.max)" }
}

extension OutputFormat: NamedOptionValue {
    public static let noun = "format"
}
