import LoopDashboard

/// The input backlog guard. Keys are taken at a human pace with room for a burst (a token
/// bucket); input beyond that is a flood, such as a long paste. A flood is read raw and
/// dropped until the input pauses, so that a key typed after it is reached within moments.
/// Only quit keys found in the dropped bytes still act (Ctrl-C is a signal and always does).
struct InputFlood {
    /// Keys taken at once before input counts as a flood.
    static let burst = 256.0
    /// Keys per second taken after a burst: beyond key repeat, far beyond typing.
    static let rate = 100.0
    /// CPU time, in nanoseconds, the keys of one read may keep the dashboard busy: the rest of
    /// them are dropped (keys that start costly work, pasted, must not hold off q or Ctrl-C
    /// for more than a second). CPU time, not wall time, so a loaded machine does not stretch
    /// it, and long enough that a typed or pasted command line is never cut short.
    static let busy: UInt64 = 750_000_000
    /// The same for one viewer of many in a hosting process, where a read's keys hold up
    /// every other viewer: a pasted command is cut sooner there.
    static let hostedBusy: UInt64 = 50_000_000
    /// Silence, in nanoseconds, that ends a flood: long enough that a paste relayed in
    /// bursts (SSH on a busy host) stays one flood; quit keys in it still act.
    static let quiet: UInt64 = 1_000_000_000
    /// Bytes of flood dropped in one go before the event loop looks at anything else.
    static let drainLimit = 1 << 20
    /// Nanoseconds between frames while a flood is dropped: the notice's count moves, and
    /// the time goes to draining rather than to drawing.
    static let frameInterval: UInt64 = 250_000_000

    private var tokens = InputFlood.burst
    private var refilled: UInt64
    /// Whether input is being dropped.
    private(set) var flooding = false
    private var lastInput: UInt64 = 0
    /// Bytes dropped in the current flood.
    private(set) var dropped = 0
    /// The quit keys as the terminal sends them, and the bytes kept from the last chunk so
    /// that a sequence split between two reads is still found.
    private let quitSequences: [(key: Key, bytes: [UInt8])]
    private var carry: [UInt8] = []

    init(now: UInt64, quitSequences: [(key: Key, bytes: [UInt8])]) {
        refilled = now
        self.quitSequences = quitSequences.filter { !$0.bytes.isEmpty }
    }

    /// How many keys may be read now.
    mutating func allowance(at now: UInt64) -> Int {
        if now > refilled {
            tokens = min(InputFlood.burst, tokens + Double(now - refilled) / 1e9 * InputFlood.rate)
            refilled = now
        }
        return Int(tokens)
    }

    /// Takes `n` keys from the allowance.
    mutating func spend(_ n: Int) { tokens = max(0, tokens - Double(n)) }

    /// Starts dropping input.
    mutating func begin(at now: UInt64) {
        flooding = true
        dropped = 0
        carry = []
        lastInput = now
    }

    /// Whether the flood goes on at `now`: it ends once input paused for `quiet`.
    mutating func continues(at now: UInt64) -> Bool {
        if flooding, now >= lastInput + InputFlood.quiet { flooding = false }
        return flooding
    }

    /// Notes a key dropped after curses decoded it (one byte in the count); true for a quit key.
    mutating func drop(key: Key) -> Bool {
        dropped += 1
        return quitSequences.contains { $0.key == key }
    }

    /// Notes dropped bytes; returns the quit keys among them, in order.
    mutating func drop(_ bytes: ArraySlice<UInt8>, at now: UInt64) -> [Key] {
        lastInput = now
        dropped += bytes.count
        let window = carry + bytes
        var found: [(Int, Key)] = []
        window.withUnsafeBufferPointer { w in
            for (key, seq) in quitSequences where w.count >= seq.count {
                // Matches wholly inside the carry were found in the last chunk.
                var i = max(0, carry.count - seq.count + 1)
                while i <= w.count - seq.count {
                    if w[i] == seq[0], (1..<seq.count).allSatisfy({ w[i + $0] == seq[$0] }) { found.append((i, key)) }
                    i += 1
                }
            }
        }
        let keep = (quitSequences.map(\.bytes.count).max() ?? 1) - 1
        carry = Array(window.suffix(keep))
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
