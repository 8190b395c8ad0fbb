import Foundation
import LoopConfig

/// The key bindings in force: the key table, with a user's remapping applied. Drives
/// key handling, the hint bar and the help overlay.
public struct KeyMap: Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = KeyTable.bindings) { self.bindings = bindings }

    /// The key table as shipped.
    public static let standard = KeyMap()

    /// The action bound to `key` when `focus` has focus: a panel's own binding first.
    public func action(for key: Key, focus: Panel) -> Action? {
        let context = KeyContext.of(focus)
        if let c = context, let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) {
            return b.action
        }
        return bindings.first { $0.context == .global && $0.keys.contains(key) }?.action
    }

    /// The bindings shown in the hint bar while `focus` has focus.
    public func hints(focus: Panel) -> [KeyBinding] {
        let context = KeyContext.of(focus)
        return bindings.filter { $0.hint && ($0.context == .global || $0.context == context) }
    }

    /// The first key bound to `action`, as written in hints ("?" when unbound).
    public func key(for action: Action) -> String {
        bindings.first { $0.action == action }?.keys.first?.description ?? "?"
    }

    /// Reads a remapping file: `action: [key, key]` lines replace that action's keys.
    /// A key bound twice in one context, an unknown action or key name is refused.
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
            guard let action = Action(rawValue: name) else {
                let near = YAMLDocument.closest(name, in: Action.allCases.map(\.rawValue))
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
                b.action == action
                    ? KeyBinding(keys, b.action, b.short, b.long, context: b.context, hint: b.hint, presenter: b.presenter)
                    : b
            }
        }
        if let clash = map.firstConflict() {
            throw ConfigError(file: doc.file, keyPath: clash.1.rawValue,
                              message: "\(clash.0) is bound to both \(clash.1.rawValue) and \(clash.2.rawValue); give each key one action")
        }
        return map
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

extension KeyContext {
    /// The context of a focused panel; nil for panels with no bindings of their own.
    static func of(_ focus: Panel) -> KeyContext? {
        switch focus {
        case .levers: .levers
        case .graph: .graph
        default: nil
        }
    }
}
