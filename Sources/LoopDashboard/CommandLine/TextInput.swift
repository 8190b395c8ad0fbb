import LoopSim

/// A one-line text field: the `:` command line, a lever's exact value, the help search.
public struct TextInput: Sendable, Equatable {
    /// What the text is for.
    public enum Purpose: Sendable, Equatable {
        case command
        case leverValue(ParameterID)
        case helpSearch
    }

    public var purpose: Purpose
    public var text: String = ""
    /// Cursor position in characters, 0 … text.count.
    public var cursor: Int = 0
    /// Why the last attempt was refused, shown under the line.
    public var error: String?
    /// Position in the history while browsing it with ↑/↓ (nil: editing a new line).
    var historyIndex: Int?

    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose; self.text = text; self.cursor = text.count
    }

    /// The prompt shown before the text.
    public var prompt: String {
        switch purpose {
        case .command: ":"
        case let .leverValue(id): "\(ParameterRegistry.parameter(id)?.label ?? id.rawValue) = "
        case .helpSearch: "/"
        }
    }

    /// Applies an editing key as the shipped key table binds it; false for keys the field
    /// does not handle.
    public mutating func edit(_ key: Key, history: [String]) -> Bool {
        edit(KeyMap.standard.action(for: key, in: [.input]), key: key, history: history)
    }

    /// Applies an editing action of the `input` context, or types `key` when none is bound
    /// to it; false for keys the field does not handle.
    public mutating func edit(_ action: Action?, key: Key, history: [String]) -> Bool {
        // A combining mark typed alone joins the character before it: the text can then hold
        // fewer characters than were typed, so the cursor is kept inside the text.
        defer { cursor = max(0, min(cursor, text.count)) }
        cursor = max(0, min(cursor, text.count))
        switch action {
        case nil:
            guard case let .char(c) = key else { return false }
            var chars = Array(text)
            chars.insert(c, at: cursor)
            text = String(chars); cursor += 1
        case .deleteBackward?:
            guard cursor > 0 else { return true }
            var chars = Array(text)
            chars.remove(at: cursor - 1)
            text = String(chars); cursor -= 1
        case .deleteForward?:
            guard cursor < text.count else { return true }
            var chars = Array(text)
            chars.remove(at: cursor)
            text = String(chars)
        case .cursorLeft?: cursor = max(0, cursor - 1)
        case .cursorRight?: cursor = min(text.count, cursor + 1)
        case .lineStart?: cursor = 0
        case .lineEnd?: cursor = text.count
        case .clearLine?: text = ""; cursor = 0
        case .historyPrevious?:
            guard !history.isEmpty else { return true }
            let i = max(0, (historyIndex ?? history.count) - 1)
            historyIndex = i
            text = history[i]; cursor = text.count
        case .historyNext?:
            guard let i = historyIndex else { return true }
            if i + 1 < history.count {
                historyIndex = i + 1
                text = history[i + 1]
            } else {
                historyIndex = nil
                text = ""
            }
            cursor = text.count
        default:
            return false
        }
        error = nil
        return true
    }
}
