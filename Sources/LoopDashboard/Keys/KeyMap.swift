import LoopConfig

/// The key bindings in force: the key table, with a user's remapping applied. Drives
/// key handling, the hint bar and the help overlay.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]
    /// Whether the mouse is wanted: `mouse: off` in the remapping file turns it off, as
    /// `--no-mouse` does.
    public private(set) var mouse = true

    public init(bindings: [KeyBinding] = KeyTable.bindings) { self.bindings = bindings }

    /// The map without the mouse's keys, for a terminal whose mouse is off: the help and the
    /// hint bar then offer only keys.
    public func withoutMouse() -> KeyMap {
        var map = self
        map.mouse = false
        map.bindings = bindings.compactMap { b in
            let keys = b.keys.filter { !$0.isMouse }
            return keys.isEmpty ? nil : b.rebound(to: keys)
        }
        return map
    }

    /// The key table as shipped.
    public static let standard = KeyMap()

    /// The action bound to `key` in the first of `contexts` that binds it.
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for c in contexts {
            if let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) { return b.action }
        }
        return nil
    }

    /// The action bound to `key` when `focus` has focus: a panel's own binding first.
    public func action(for key: Key, focus: Panel) -> Action? {
        action(for: key, in: (KeyContext.of(focus).map { [$0] } ?? []) + [.global])
    }

    /// The keys bound to `action` in `context`, as a question writes them: `y/Enter`.
    public func label(_ action: Action, in context: KeyContext) -> String {
        bindings.first { $0.action == action && $0.context == context }?.keyNames.joined(separator: "/") ?? "?"
    }

    /// The bindings shown in the hint bar while `focus` has focus.
    public func hints(focus: Panel) -> [KeyBinding] {
        let context = KeyContext.of(focus)
        return bindings.filter { $0.hint && ($0.context == .global || $0.context == context) }
    }

    /// The first key bound to `action` (in `context`, or in any), as hints and notices write
    /// it: "u", "Esc"; "?" when unbound. A notice that names a key takes it from here, so a
    /// remapped key is the one it names.
    public func key(for action: Action, in context: KeyContext? = nil) -> String {
        bindings.first { $0.action == action && (context == nil || $0.context == context) }?.keys.first?.description
            ?? "?"
    }

    /// Reads a remapping file: `action: [key, key]` lines replace that action's keys in
    /// every context; `context.action: [keys]` (e.g. `picker.choose: [Space]`) in one;
    /// `mouse: off` leaves the mouse alone.
    /// A key bound twice in one context, an unknown context, action or key name is refused.
    public static func load(contentsOf path: String) throws(ConfigError) -> KeyMap {
        let doc = try YAMLDocument(contentsOf: path)
        return try load(doc)
    }

    public static func load(text: String, file: String) throws(ConfigError) -> KeyMap {
        try load(YAMLDocument(text: text, file: file))
    }

    static func load(_ doc: YAMLDocument) throws(ConfigError) -> KeyMap {
        guard case let .mapping(m) = doc.root else {
            if case .scalar = doc.root, doc.root.string?.isEmpty ?? false { return .standard }
            throw doc.error(at: [], "expected a mapping of action: [keys], e.g. quit: [q, F10]")
        }
        var map = KeyMap.standard
        for (k, v) in m {
            guard let name = k.string else { continue }
            if name == "mouse" {
                guard let on = v.string.flatMap(Self.switchValue) else {
                    throw doc.error(at: [.key(name)], "expected on or off")
                }
                map.mouse = on
                continue
            }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            let context = parts.count == 2 ? KeyContext(rawValue: parts[0]) : nil
            if parts.count == 2 && context == nil {
                let near = YAMLDocument.closest(parts[0], in: KeyContext.allCases.map(\.rawValue))
                throw doc.error(at: [.key(name)], "unknown context '\(parts[0])'" + (near.map { "; did you mean \($0)?" } ?? ""),
                                atKey: true)
            }
            guard let action = Action(rawValue: parts.last ?? name),
                  context.map({ c in map.bindings.contains { $0.context == c && $0.action.rawValue == parts[1] } }) ?? true
            else {
                let names = Action.allCases.map(\.rawValue)
                let near = YAMLDocument.closest(parts.last ?? name, in: names)
                throw doc.error(at: [.key(name)], "unknown action '\(name)'" + (near.map { "; did you mean \($0)?" } ?? ""),
                                atKey: true)
            }
            let names: [String]
            if let s = v.string { names = [s] } else if let seq = v.sequence { names = seq.compactMap(\.string) } else {
                throw doc.error(at: [.key(name)], "expected a key or a list of keys, e.g. [q, F10]")
            }
            var keys: [Key] = []
            for (i, n) in names.enumerated() {
                guard let key = Key(name: n) else {
                    throw doc.error(at: [.key(name), .index(i)],
                                    "'\(n)' is not a key name; e.g. q, Space, Enter, Esc, Tab, Left, PgUp, F5, Ctrl-R")
                }
                keys.append(key)
            }
            map.bindings = map.bindings.map { b in
                b.action == action && (context == nil || b.context == context) ? b.rebound(to: keys) : b
            }
        }
        if let clash = map.firstConflict() {
            throw ConfigError(file: doc.file, keyPath: clash.1.rawValue,
                              message: "\(clash.0) is bound to both \(clash.1.rawValue) and \(clash.2.rawValue); give each key one action")
        }
        return map
    }

    /// `on`/`off` as the remapping file writes a switch (YAML's true/false/yes/no too).
    private static func switchValue(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "on", "true", "yes": true
        case "off", "false", "no": false
        default: nil
        }
    }

    /// A key bound to two actions in the same context (or in a panel and everywhere at once,
    /// which would hide the global one only there — allowed, it is how ←/→ work).
    func firstConflict() -> (Key, Action, Action)? {
        var seen: [String: Action] = [:]
        for b in bindings {
            for k in b.keys {
                let slot = "\(b.context.rawValue)|\(k)"
                if let other = seen[slot], other != b.action { return (k, other, b.action) }
                seen[slot] = b.action
            }
        }
        return nil
    }
}
