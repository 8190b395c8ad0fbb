/// The kinds of deal a loop file can declare (their keys: docs/simulation.md).
public enum DealKind: String, CaseIterable, Sendable, Codable, Hashable {
    case takeOrPay = "take-or-pay"
    case usage
    case perUnit = "per-unit"
    case vendorSale = "vendor-sale"
    case equity
    case loan
    case backstop
    case warrant
    case recurring

    /// The words shown in node details and reports.
    public var label: String {
        switch self {
        case .takeOrPay: "take-or-pay contract"
        case .usage: "usage-billed capacity"
        case .perUnit: "capped per-unit deal"
        case .vendorSale: "vendor sale"
        case .equity: "equity investment"
        case .loan: "loan or facility"
        case .backstop: "capacity backstop"
        case .warrant: "warrant"
        case .recurring: "recurring flow"
        }
    }
}

/// What kind of money a loop flow carries. `warrantValue` is not cash. An entity's own
/// financing adds `refinancing` (principal rolled over), `newDebt` and `fees`; its new
/// equity is `equity`, its revolver draws `draw`.
public enum LoopFlowKind: String, CaseIterable, Sendable, Codable, Hashable, BitwiseCopyable {
    case contract, usage, perUnit, purchase, equity, backstop, recurring
    case draw, interest, principal, opex, warrantValue
    case refinancing, newDebt, fees

    /// True for flows that move cash; the others are marked and never summed as cash.
    public var isCash: Bool { self != .warrantValue }

    /// Flows that make up operating cash earnings (EBITDA): sales of capacity and
    /// services, and operating costs; not purchases of GPUs, financing or equity.
    public var isOperating: Bool {
        switch self {
        case .contract, .usage, .perUnit, .backstop, .recurring, .opex: true
        default: false
        }
    }
}
