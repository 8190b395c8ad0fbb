/// Joins the bytes of a UTF-8 character that arrive in separate reads (over SSH a read can
/// end inside one). A partial character waits for its next byte, however late; a byte
/// that cannot continue it drops the partial one and is read afresh. Invalid bytes, overlong
/// forms and surrogates give nothing.
struct UTF8Assembler {
    private var pending: [UInt8] = []
    private var needed = 0

    /// Whether part of a character is waiting for the rest.
    var isPartial: Bool { needed > 0 }

    /// Takes one byte; returns the character's scalar once it is whole.
    mutating func feed(_ byte: UInt8) -> Unicode.Scalar? {
        guard needed > 0 else { return start(byte) }
        guard byte & 0xC0 == 0x80 else {
            reset()
            return start(byte)
        }
        pending.append(byte)
        needed -= 1
        guard needed == 0 else { return nil }
        defer { reset() }
        var bytes = pending.makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(s) = decoder.decode(&bytes) { return s }
        return nil
    }

    /// Drops a partial character (a key that is not a character came in between).
    mutating func reset() {
        pending = []
        needed = 0
    }

    private mutating func start(_ byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case 0..<0x80: return Unicode.Scalar(byte)
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return nil
        }
        pending = [byte]
        return nil
    }
}
