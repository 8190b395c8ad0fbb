import NIOCore
import Synchronization

/// The room's passcode (`serve --passcode [WORD]`) and the limit on wrong codes per
/// address. OpenSSH asks `user@host's password:` and the person types the code (swift-nio-ssh
/// has no keyboard-interactive, so a passcode is a password). Codes compare ignoring case,
/// spaces and dashes, in constant time.
public final class Passcode: Sendable {
    /// The code as shown to the room.
    public let code: String
    private let normalized: [UInt8]
    /// Wrong codes an address may try within `window` before it is locked out for `window`.
    let maxWrong: Int
    let window: Duration
    /// A wrong code is answered after this, times the address's wrong codes so far (up to 5).
    let delayStep: TimeAmount
    private let failures = Mutex<[String: [ContinuousClock.Instant]]>([:])

    public init(_ code: String, maxWrong: Int = 10, window: Duration = .seconds(600), delayStep: TimeAmount = .seconds(1)) {
        self.code = code
        normalized = Self.normalize(code)
        self.maxWrong = maxWrong
        self.window = window
        self.delayStep = delayStep
    }

    /// A short random code: six letters and digits that cannot be mistaken for one another
    /// on a slide, as `abc-def` (about 30 bits; with the rate limit, far beyond guessing).
    public static func random() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return String(letters[0..<3]) + "-" + String(letters[3...])
    }

    /// Whether a typed code could ever match: at least four letters or digits.
    public static func isUsable(_ code: String) -> Bool { normalize(code).count >= 4 }

    /// The verdict on one attempt from `address` (an IP address, without port).
    public enum Verdict: Equatable, Sendable {
        case accepted
        /// Wrong: answer after `delay`.
        case wrong(delay: TimeAmount)
        /// Too many wrong codes from this address lately: refused without checking.
        case lockedOut
    }

    public func check(_ attempt: String, from address: String, now: ContinuousClock.Instant = .now) -> Verdict {
        failures.withLock { all in
            var recent = (all[address] ?? []).filter { now - $0 < window }
            defer { all[address] = recent.isEmpty ? nil : recent }
            if recent.count >= maxWrong { return .lockedOut }
            if Self.constantTimeEqual(Self.normalize(attempt), normalized) { return .accepted }
            recent.append(now)
            if all.count > 4096 { all = all.filter { !$0.value.isEmpty } }
            return .wrong(delay: delayStep * Int64(min(recent.count, 5)))
        }
    }

    static func normalize(_ text: String) -> [UInt8] {
        Array(text.lowercased().utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }.prefix(256))
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }
}
