import CNcursesw
import LoopDashboard

/// Turns what curses reads into a `Key`: a character (joined from bytes by
/// `UTF8Assembler`) or a key code; nil for keys the dashboard ignores.
enum KeyDecoder {
    static func decode(_ scalar: Unicode.Scalar) -> Key? {
        let value = Int32(scalar.value)
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + value))))
        case 0..<32: return nil
        default:
            guard scalar.properties.generalCategory != .control else { return nil }
            return .char(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case ml_KEY_F(1)...ml_KEY_F(12): return .function(Int(code - ml_KEY_F(0)))
        default: return nil
        }
    }
}

extension KeyDecoder {
    /// The terminfo capability that names what the terminal sends for `key`; nil for keys
    /// that are plain bytes.
    static func terminfoName(_ key: Key) -> String? {
        switch key {
        case .up: "kcuu1"
        case .down: "kcud1"
        case .left: "kcub1"
        case .right: "kcuf1"
        case .shiftLeft: "kLFT"
        case .shiftRight: "kRIT"
        case .shiftUp: "kri"
        case .shiftDown: "kind"
        case .home: "khome"
        case .end: "kend"
        case .pageUp: "kpp"
        case .pageDown: "knp"
        case .insert: "kich1"
        case .delete: "kdch1"
        case .backTab: "kcbt"
        case let .function(n): "kf\(n)"
        default: nil
        }
    }

    /// The bytes of a key that is not a terminfo sequence: a character, Ctrl + letter, Enter…
    static func plainBytes(_ key: Key) -> [UInt8] {
        switch key {
        case let .char(c): Array(String(c).utf8)
        case let .ctrl(c): c.asciiValue.map { [$0 & 0x1F] } ?? []
        case .enter: [13]
        case .escape: [27]
        case .tab: [9]
        case .backspace: [127]
        default: []
        }
    }
}
