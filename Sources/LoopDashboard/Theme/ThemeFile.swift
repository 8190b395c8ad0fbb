import LoopConfig

/// Theme files (`themes/*.yaml`): reading with `file:line:column: key: message` errors
/// that say what was expected, and warnings (with their line) for keys that are not known.
/// The format is described in `docs/themes.md`.
public enum ThemeFile {
    /// A theme read from a file, with the warnings met on the way.
    public struct Loaded: Sendable {
        public var theme: Theme
        /// Unknown keys, roles and gradients: positioned like errors, but not fatal.
        public var warnings: [ConfigError]
        /// The roles the file sets; the others come from the built-in default.
        public var rolesSet: Set<Role>
    }

    /// The keys of a theme file, in the order "allowed: …" lists them.
    public static let topKeys = ["name", "kind", "foreground", "background", "palette", "roles", "gradients"]
    static let roleKeys = ["fg", "bg", "attributes", "fallback"]
    static let gradientKeys = ["start", "mid", "end"]
    static let attributeNames: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
    ]
    /// Every role by its name in theme files.
    public static let rolesByName: [String: Role] = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.name, $0) })

    /// Reads the theme file at `path`.
    /// Themes are found by file name, so a `name:` that differs from it gets a warning.
    public static func load(contentsOf path: String) throws(ConfigError) -> Loaded {
        let doc = try YAMLDocument(contentsOf: path, maxBytes: 256 * 1024)
        var loaded = try load(doc)
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        if !stem.isEmpty, stem != loaded.theme.name {
            loaded.warnings.append(doc.error(at: [.key("name")],
                                             "'\(loaded.theme.name)' differs from the file name; --theme finds this theme as '\(stem)'"))
        }
        return loaded
    }

    /// Reads a theme from YAML text named `file` in messages.
    public static func load(text: String, file: String) throws(ConfigError) -> Loaded {
        try load(YAMLDocument(text: text, file: file))
    }

    /// Reads a composed document.
    public static func load(_ doc: YAMLDocument) throws(ConfigError) -> Loaded {
        var parser = ThemeParser(doc: doc)
        return try parser.parse()
    }
}

/// Walks a theme document's node tree; keeps the palette and the warnings met so far.
struct ThemeParser {
    typealias Path = [KeyPathComponent]
    let doc: YAMLDocument
    var warnings: [ConfigError] = []
    var palette: [String: Color] = [:]

    init(doc: YAMLDocument) { self.doc = doc }

    static let colourHelp = "expected #RRGGBB, a palette name, one of the 16 ANSI names or default"

    mutating func parse() throws(ConfigError) -> ThemeFile.Loaded {
        guard case let .mapping(root) = doc.root else {
            throw doc.error(at: [], "expected a mapping of theme keys (name, kind, roles, …)")
        }
        let top = entries(root, path: [], allowed: ThemeFile.topKeys, what: "key")
        let name = try themeName(top["name"])
        let kind = try themeKind(top["kind"])
        if let p = top["palette"] { try readPalette(p) }
        let foreground = try top["foreground"].map { node throws(ConfigError) in try color(node, [.key("foreground")]) }
        let background = try top["background"].map { node throws(ConfigError) in try color(node, [.key("background")]) }
        var roles: [Role: RoleStyle] = [:]
        if let r = top["roles"] { roles = try readRoles(r) }
        var gradients: [GradientName: Gradient] = [:]
        if let g = top["gradients"] { gradients = try readGradients(g) }
        let theme = Theme(name: name, kind: kind, roles: roles, foreground: foreground ?? .default,
                          background: background ?? .default, gradients: gradients)
        return ThemeFile.Loaded(theme: theme, warnings: warnings, rolesSet: Set(roles.keys))
    }

    // MARK: Structure

    /// The known entries of a mapping by key; unknown keys become warnings.
    mutating func entries(_ m: YAMLNode.Mapping, path: Path, allowed: [String], what: String) -> [String: YAMLNode] {
        var out: [String: YAMLNode] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            if allowed.contains(key) { out[key] = v; continue }
            warnUnknown(key, path: path, allowed: allowed, what: what)
        }
        return out
    }

    mutating func warnUnknown(_ key: String, path: Path, allowed: [String], what: String) {
        let hint = YAMLDocument.closest(key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        let list = allowed.count <= 12 ? "; allowed: \(allowed.joined(separator: ", "))" : ""
        warnings.append(doc.error(at: path + [.key(key)], "unknown \(what)\(hint)\(list); ignored", atKey: true))
    }

    func mapping(_ node: YAMLNode, _ path: Path, expected: String) throws(ConfigError) -> YAMLNode.Mapping {
        guard case let .mapping(m) = node else { throw doc.error(at: path, "expected \(expected), found \(found(node))") }
        return m
    }

    func text(_ node: YAMLNode, _ path: Path, expected: String) throws(ConfigError) -> String {
        guard case let .scalar(s) = node else { throw doc.error(at: path, "expected \(expected), found \(found(node))") }
        guard !ThemeParser.isNull(s) else { throw doc.error(at: path, "expected \(expected), found nothing") }
        return s.string
    }

    static func isNull(_ s: YAMLNode.Scalar) -> Bool {
        s.string.isEmpty || s.style == .plain && ["~", "null", "Null", "NULL"].contains(s.string)
    }

    func found(_ node: YAMLNode) -> String {
        switch node {
        case let .scalar(s): ThemeParser.isNull(s) ? "nothing" : "'\(s.string.count > 40 ? s.string.prefix(40) + "…" : Substring(s.string))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    // MARK: Keys

    func themeName(_ node: YAMLNode?) throws(ConfigError) -> String {
        guard let node else {
            var e = doc.error(at: [], "missing required key")
            e.keyPath = "name"
            throw e
        }
        let allowed = "1–32 letters, digits, '-' or '_'"
        let name = try text(node, [.key("name")], expected: "a name of \(allowed)")
        let ok = name.count <= 32 && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        guard ok else { throw doc.error(at: [.key("name")], "'\(name)' is not a theme name; expected \(allowed)") }
        return name
    }

    func themeKind(_ node: YAMLNode?) throws(ConfigError) -> Theme.Kind {
        guard let node else {
            var e = doc.error(at: [], "missing required key; expected dark or light")
            e.keyPath = "kind"
            throw e
        }
        let text = try text(node, [.key("kind")], expected: "dark or light")
        guard let kind = Theme.Kind(rawValue: text) else {
            throw doc.error(at: [.key("kind")], "'\(text)' is not a kind; expected dark or light")
        }
        return kind
    }

    mutating func readPalette(_ node: YAMLNode) throws(ConfigError) {
        let path: Path = [.key("palette")]
        for (k, v) in try mapping(node, path, expected: "a mapping of colour names to colours") {
            let name = k.string ?? ""
            let at = path + [.key(name)]
            guard !name.isEmpty, !name.hasPrefix("#"), Color(name: name) == nil else {
                throw doc.error(at: at, "'\(name)' cannot name a palette colour: it is itself a colour; choose another name",
                                atKey: true)
            }
            let text = try text(v, at, expected: "#RRGGBB or one of the 16 ANSI names" + ThemeParser.quoteHint)
            guard let c = Color(name: text), c != .default else {
                throw doc.error(at: at, "'\(text)' is not a colour; expected #RRGGBB or one of the 16 ANSI names")
            }
            palette[name] = c
        }
    }

    /// Said whenever a colour is missing: `fg: #61afef` is a YAML comment, not a colour.
    static let quoteHint = " (quote colours that start with #: \"#61afef\")"

    func color(_ node: YAMLNode, _ path: Path) throws(ConfigError) -> Color {
        let text = try text(node, path, expected: "a colour" + ThemeParser.quoteHint)
        if let c = palette[text] ?? Color(name: text) { return c }
        let hint = YAMLDocument.closest(text, in: Array(palette.keys) + Color.ansiNames + ["default"])
            .map { " (did you mean '\($0)'?)" } ?? ""
        throw doc.error(at: path, "'\(text)' is not a colour\(hint); \(ThemeParser.colourHelp)")
    }

    mutating func readRoles(_ node: YAMLNode) throws(ConfigError) -> [Role: RoleStyle] {
        let path: Path = [.key("roles")]
        var roles: [Role: RoleStyle] = [:]
        for (k, v) in try mapping(node, path, expected: "a mapping of role names to colours") {
            let name = k.string ?? ""
            guard let role = ThemeFile.rolesByName[name] else {
                warnUnknown(name, path: path, allowed: Role.allCases.map(\.name), what: "role")
                continue
            }
            roles[role] = try roleStyle(v, path + [.key(name)])
        }
        return roles
    }

    /// A role: a colour (the foreground), or a mapping of fg, bg, attributes, fallback.
    mutating func roleStyle(_ node: YAMLNode, _ path: Path) throws(ConfigError) -> RoleStyle {
        if case .scalar = node { return RoleStyle(fg: try color(node, path)) }
        guard case let .mapping(m) = node else {
            throw doc.error(at: path, "expected a colour or a mapping of fg, bg, attributes, fallback; found \(found(node))")
        }
        let e = entries(m, path: path, allowed: ThemeFile.roleKeys, what: "key")
        var style = RoleStyle()
        if let fg = e["fg"] { style.fg = try color(fg, path + [.key("fg")]) }
        if let bg = e["bg"] { style.bg = try color(bg, path + [.key("bg")]) }
        if let a = e["attributes"] { style.attributes = try attributes(a, path + [.key("attributes")]) }
        if let fb = e["fallback"] {
            let at = path + [.key("fallback")]
            let text = try text(fb, at, expected: "one of the 16 ANSI names or default")
            guard let c = Color(name: text), !isRGB(c) else {
                let hint = YAMLDocument.closest(text, in: Color.ansiNames).map { " (did you mean '\($0)'?)" } ?? ""
                throw doc.error(at: at, "'\(text)' is not a 16-colour fallback\(hint); expected one of the 16 ANSI names or default")
            }
            style.fallback16 = c
        }
        return style
    }

    func isRGB(_ c: Color) -> Bool { if case .rgb = c { true } else { false } }

    /// `bold`, or a list `[bold, underline]`.
    func attributes(_ node: YAMLNode, _ path: Path) throws(ConfigError) -> Attributes {
        let names = ThemeFile.attributeNames.map(\.0)
        let expected = "\(names.dropLast().joined(separator: ", ")) or \(names.last!)"
        var items: [(YAMLNode, Path)] = []
        switch node {
        case .scalar: items = [(node, path)]
        case let .sequence(s): items = s.enumerated().map { ($0.element, path + [.index($0.offset)]) }
        default: throw doc.error(at: path, "expected an attribute or a list of them (\(expected)); found \(found(node))")
        }
        var out: Attributes = []
        for (n, p) in items {
            let word = try text(n, p, expected: "an attribute (\(expected))")
            guard let a = ThemeFile.attributeNames.first(where: { $0.0 == word })?.1 else {
                throw doc.error(at: p, "'\(word)' is not an attribute; expected \(expected)")
            }
            out.insert(a)
        }
        return out
    }

    mutating func readGradients(_ node: YAMLNode) throws(ConfigError) -> [GradientName: Gradient] {
        let path: Path = [.key("gradients")]
        var out: [GradientName: Gradient] = [:]
        for (k, v) in try mapping(node, path, expected: "a mapping of gradient names to start, mid, end") {
            let name = k.string ?? ""
            guard let g = GradientName(rawValue: name) else {
                warnUnknown(name, path: path, allowed: GradientName.allCases.map(\.rawValue), what: "gradient")
                continue
            }
            let at = path + [.key(name)]
            let e = entries(try mapping(v, at, expected: "a mapping of start, mid (optional) and end colours"),
                            path: at, allowed: ThemeFile.gradientKeys, what: "key")
            func stop(_ key: String) throws(ConfigError) -> Color {
                guard let n = e[key] else {
                    var err = doc.error(at: at, "missing required key; expected a colour")
                    err.keyPath = KeyPathComponent.render(at + [.key(key)])
                    throw err
                }
                return try color(n, at + [.key(key)])
            }
            let mid = try e["mid"].map { n throws(ConfigError) in try color(n, at + [.key("mid")]) }
            out[g] = Gradient(start: try stop("start"), mid: mid, end: try stop("end"))
        }
        return out
    }
}
