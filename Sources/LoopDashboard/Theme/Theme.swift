/// How one role looks: foreground, background, attributes, and an optional explicit
/// colour for 16- and 8-colour terminals.
public struct RoleStyle: Equatable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes
    public var fallback16: Color?
    public init(fg: Color = .default, bg: Color = .default, attributes: Attributes = [], fallback16: Color? = nil) {
        self.fg = fg; self.bg = bg; self.attributes = attributes; self.fallback16 = fallback16
    }
}

/// A role resolved for a terminal: colour numbers and attributes.
public struct ResolvedStyle: Equatable, Hashable, Sendable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var attributes: Attributes
    public init(fg: TerminalColor, bg: TerminalColor, attributes: Attributes) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
}

/// A colour theme: semantic roles mapped to colours. Missing roles fall back to the
/// built-in default's.
public struct Theme: Equatable, Sendable {
    public enum Kind: String, Sendable { case dark, light }
    public var name: String
    public var kind: Kind
    public var roles: [Role: RoleStyle]

    public init(name: String, kind: Kind, roles: [Role: RoleStyle]) {
        self.name = name; self.kind = kind; self.roles = roles
    }

    /// The style of `role`, falling back to the built-in default theme's.
    public func style(_ role: Role) -> RoleStyle {
        roles[role] ?? Theme.builtInDefault.roles[role] ?? RoleStyle()
    }

    /// A cell style resolved for a colour tier. In mono, roles that carry meaning get
    /// attributes instead of colours, so nothing rests on colour alone.
    public func resolve(_ style: Style, tier: ColorTier) -> ResolvedStyle {
        let rs = self.style(style.role)
        if tier == .mono {
            return ResolvedStyle(fg: -1, bg: -1, attributes: style.attributes.union(Theme.monoAttributes(style.role)))
        }
        return ResolvedStyle(fg: ColorConversion.resolve(rs.fg, tier: tier, fallback16: rs.fallback16),
                             bg: ColorConversion.resolve(rs.bg, tier: tier),
                             attributes: style.attributes.union(rs.attributes))
    }

    /// Attributes that stand in for colour in mono.
    static func monoAttributes(_ role: Role) -> Attributes {
        switch role {
        case .bad, .error, .selection, .statusBar, .titleFocused: .reverse
        case .warn, .borderFocused, .keyHint, .pulse: .bold
        case .ghost, .dim, .sliderTrack, .axis: .dim
        case .present: .dim
        default: []
        }
    }
}
