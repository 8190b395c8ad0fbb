/// A semantic style: what a cell means, not what colour it is. Themes map roles to
/// colours per capability tier; in mono, roles map to attributes.
public enum Role: UInt8, CaseIterable, Sendable, Hashable {
    case text, dim, border, borderFocused, title, titleFocused, keyHint, keyLabel, selection
    case good, warn, bad
    case nvidia, coreweave, vast, customer, lender, investor, supplier, hyperscaler
    case series1, series2, series3, ghost, axis, present
    case sliderFill, sliderTrack, sliderTarget, sliderDefault
    case pulse, edge, edgeLabel
    case statusBar, statusPaused, statusRunning
    case banner, overlay, error

    /// The name used in theme files (`borderFocused` → `border-focused`).
    public var name: String {
        var out = ""
        for ch in String(describing: self) {
            if ch.isUppercase || ch.isNumber && !(out.last?.isNumber ?? false) { out += "-" }
            out += ch.lowercased()
        }
        return out
    }
}

/// Text attributes a cell may carry beside its role.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let reverse = Attributes(rawValue: 8)
}

/// A role plus attributes: everything the terminal needs to style one cell.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: Attributes
    /// A step along one of the theme's gradients; it replaces the role's foreground where
    /// the theme has that gradient and the terminal has 256 colours or more.
    public var shade: Shade?
    public init(_ role: Role, _ attributes: Attributes = [], shade: Shade? = nil) {
        self.role = role; self.attributes = attributes; self.shade = shade
    }
    public static let text = Style(.text)
}
