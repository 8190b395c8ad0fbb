/// One row of the key table: keys, action, descriptions, context, and whether the
/// hint bar shows it.
public struct KeyBinding: Sendable, Equatable {
    public let keys: [Key]
    public let action: Action
    /// A word or two for the hint bar.
    public let short: String
    /// A sentence for the help overlay and the README.
    public let long: String
    public let context: KeyContext
    public let hint: Bool
    /// Whether presenter mode's reduced hint bar shows it.
    public let presenter: Bool

    public init(_ keys: [Key], _ action: Action, _ short: String, _ long: String,
                context: KeyContext = .global, hint: Bool = false, presenter: Bool = false)
    {
        self.keys = keys; self.action = action; self.short = short; self.long = long
        self.context = context; self.hint = hint
        self.presenter = presenter
    }

    /// The same binding on other keys (a remapping).
    func rebound(to keys: [Key]) -> KeyBinding {
        KeyBinding(keys, action, short, long, context: context, hint: hint, presenter: presenter)
    }

    /// Why pressing it does nothing in `model`'s state (served, following, read-only); nil
    /// when it works.
    public func disabledReason(in model: Model) -> String? { model.refusal(of: action) }

    /// The keys as written in docs, with the digits 1…9 as one name: `?`, `F1`, `1–9`.
    public var keyNames: [String] {
        let digits = (1...9).map { Key.char(Character("\($0)")) }
        if keys == digits { return ["1–9"] }
        return keys.map(\.description)
    }

    /// The keys as the hint bar writes them: the keyboard's only, unless the mouse alone has
    /// the binding (`Click`).
    public var hintNames: [String] {
        guard keys.contains(where: \.isMouse), keys.contains(where: { !$0.isMouse }) else { return keyNames }
        return keys.filter { !$0.isMouse }.map(\.description)
    }

    /// The keys as written in the help: `? / F1`.
    public var keyLabel: String { keyNames.joined(separator: " / ") }
}
