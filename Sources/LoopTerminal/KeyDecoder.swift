import CNcursesw
import LoopDashboard

/// Turns what `wget_wch` returns into a `Key`; nil for keys the dashboard ignores.
enum KeyDecoder {
    static func decode(status: Int32, value: Int32) -> Key? {
        if status == KEY_CODE_YES { return decodeKeyCode(value) }
        guard status == OK else { return nil }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + value))))
        case 0..<32: return nil
        default:
            guard let s = Unicode.Scalar(UInt32(value)), s.properties.generalCategory != .control else { return nil }
            return .char(Character(s))
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
