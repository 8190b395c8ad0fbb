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

/// A colour theme: semantic roles mapped to colours, plus gradients. Missing roles fall
/// back to the built-in default's. The terminal's own colours stay where a theme says
/// `default`, so its background stays transparent unless the theme sets `background`.
public struct Theme: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case dark, light }
    public var name: String
    public var kind: Kind
    public var roles: [Role: RoleStyle]
    /// What `default` means in this theme's roles: the terminal's own colours unless set.
    public var foreground: Color
    public var background: Color
    public var gradients: [GradientName: Gradient]

    public init(name: String, kind: Kind, roles: [Role: RoleStyle], foreground: Color = .default,
                background: Color = .default, gradients: [GradientName: Gradient] = [:])
    {
        self.name = name; self.kind = kind; self.roles = roles
        self.foreground = foreground; self.background = background; self.gradients = gradients
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
        var fgColor = rs.fg == .default ? foreground : rs.fg
        var fallback = rs.fg == .default ? nil : rs.fallback16
        // Gradients need the colours in between: 256 colours or more.
        if let shade = style.shade, tier >= .c256, let g = gradients[shade.gradient] {
            fgColor = g.color(at: shade.fraction)
            fallback = nil
        }
        let fg = ColorConversion.foreground(fgColor, tier: tier, fallback16: fallback, kind: kind)
        let bg = ColorConversion.background(rs.bg == .default ? background : rs.bg, tier: tier, kind: kind)
        return ResolvedStyle(fg: fg.color, bg: bg, attributes: style.attributes.union(rs.attributes).union(fg.attributes))
    }

    /// Attributes that stand in for colour in mono.
    static func monoAttributes(_ role: Role) -> Attributes {
        switch role {
        case .bad, .error, .selection, .statusBar, .statusPaused, .statusRunning, .titleFocused, .banner: .reverse
        case .warn, .borderFocused, .keyHint, .pulse, .sliderTarget: .bold
        case .ghost, .dim, .sliderTrack, .axis: .dim
        case .present: .dim
        default: []
        }
    }
}
