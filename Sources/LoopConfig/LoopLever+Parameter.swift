import LoopSim

/// The levers every loop takes as parameters: what the levers panel, `:set` and undo show
/// and step (label, unit, step, source), with the range `--set` accepts.
extension LoopLever {
    /// The lever as a parameter: the registry's where the article's engine has the same
    /// lever (its label and source), else its own.
    public var parameter: Parameter {
        switch self {
        case .nonBinding:
            Parameter(.loopNonBinding, "Non-binding deals (0 = none)", unit: .fraction, default: 1,
                      min: range.lowerBound, max: range.upperBound, step: 0.25, confidence: .assumption,
                      source: "lever: weight of every announced, letter-of-intent or reported deal; "
                          + "1 at face value, 0 removed (only signed contracts happen)", lever: true)
        case .utilizationScale:
            Parameter(.loopUtilizationScale, "Utilization of usage-billed deals", unit: .multiple, default: 1,
                      min: range.lowerBound, max: range.upperBound, step: 0.05, confidence: .assumption,
                      source: "lever: multiplies each usage deal's utilization as the loop file gives it", lever: true)
        default:
            ParameterRegistry.parameter(ParameterID(rawValue: id))!
        }
    }

    /// The lever's value in `levers`, in the unit `apply` takes (basis points, months).
    public func value(in levers: LoopLevers) -> Double {
        switch self {
        case .nonBinding: levers.nonBinding
        case .demandDelay: Double(levers.demandDelay)
        case .buildDelay: Double(levers.buildDelay)
        case .rateShock: levers.rateShock * 10_000
        case .creditWindow: levers.creditWindow
        case .utilizationScale: levers.utilizationScale
        }
    }

    /// The lever a parameter id names, or nil.
    public init?(_ id: ParameterID) { self.init(id: id.rawValue) }
}

extension ParameterID {
    /// The loop levers of their own (not in the article's registry: `LoopLever` holds them).
    public static let loopNonBinding = ParameterID(rawValue: LoopLever.nonBinding.id)
    public static let loopUtilizationScale = ParameterID(rawValue: LoopLever.utilizationScale.id)
}
