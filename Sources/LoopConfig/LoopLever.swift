import LoopSim

/// A what-if every loop takes, whatever its entities: the parameter that the sliders,
/// `--set` and the docs show, and how it reads and sets the engine's `LoopLevers`.
public struct LoopLever: Sendable {
    public var parameter: Parameter
    public var read: @Sendable (LoopLevers) -> Double
    public var write: @Sendable (inout LoopLevers, Double) -> Void

    public var id: ParameterID { parameter.id }

    public init(_ parameter: Parameter, read: @escaping @Sendable (LoopLevers) -> Double,
                write: @escaping @Sendable (inout LoopLevers, Double) -> Void)
    {
        self.parameter = parameter; self.read = read; self.write = write
    }

    /// Every loop lever, in the order the levers panel shows them: firmness first, so
    /// "only signed contracts happen" is one coarse step (`[`) from the start.
    public static let all: [LoopLever] = [
        LoopLever(Parameter(.loopNonBinding, "Non-binding deals (0 = none)", unit: .fraction, default: 1,
                            min: 0, max: 1, step: 0.25, confidence: .assumption,
                            source: "lever: weight of every announced, letter-of-intent or reported deal; "
                                + "1 at face value, 0 removed (only signed contracts happen)", lever: true),
                  read: { $0.nonBinding }, write: { $0.nonBinding = $1 }),
        LoopLever(registry(.demandDelayMonths), read: { Double($0.demandDelay) },
                  write: { $0.demandDelay = Int($1.rounded()) }),
        LoopLever(registry(.buildDelayMonths), read: { Double($0.buildDelay) },
                  write: { $0.buildDelay = Int($1.rounded()) }),
        LoopLever(registry(.ratesShockBps), read: { $0.rateShock * 10_000 }, write: { $0.rateShock = $1 / 10_000 }),
        LoopLever(registry(.creditWindow), read: { $0.creditWindow }, write: { $0.creditWindow = $1 }),
        LoopLever(Parameter(.loopUtilizationScale, "Utilization of usage-billed deals", unit: .multiple, default: 1,
                            min: 0, max: 2, step: 0.05, confidence: .assumption,
                            source: "lever: multiplies each usage deal's utilization as the loop file gives it",
                            lever: true),
                  read: { $0.utilizationScale }, write: { $0.utilizationScale = $1 }),
    ]

    /// The lever with `id`, or nil.
    public static func lever(_ id: ParameterID) -> LoopLever? { all.first { $0.id == id } }

    /// The registry's parameter of a lever the article's model shares with every loop.
    private static func registry(_ id: ParameterID) -> Parameter {
        guard let p = ParameterRegistry.parameter(id) else { preconditionFailure("no registry parameter \(id)") }
        return p
    }
}

extension ParameterID {
    /// The loop levers of their own (not in the article's registry: `LoopLever.all` holds them).
    public static let loopNonBinding = ParameterID(rawValue: "loop.nonBinding")
    public static let loopUtilizationScale = ParameterID(rawValue: "loop.utilizationScale")
}
