import Crypto
import Foundation
import NIOSSH

/// The public keys allowed to connect, read from an OpenSSH `authorized_keys` file.
///
/// Lines are tokenised here, not by `NIOSSHPublicKey(openSSHPublicKey:)` (which splits
/// on spaces only): tabs, leading options (with quoted values that may contain spaces),
/// and comments are handled. Ed25519 and ECDSA keys are accepted; RSA, DSA, security-key
/// (`sk-…`) and certificate lines are skipped with a warning that says why and what to
/// do. Options that restrict *where* or *until when* a key may be used (`from=`,
/// `expiry-time=`) and `no-pty`/`restrict` (every session needs a terminal) cannot be
/// honoured, so those lines are skipped rather than widened.
public struct AuthorizedKeys: Sendable {
    /// One accepted key.
    public struct Entry: Sendable, Equatable {
        public let key: NIOSSHPublicKey
        /// The comment after the key, often `user@host`.
        public let comment: String
        /// The 1-based line number in the file.
        public let line: Int
        /// `SHA256:…`, as `ssh-keygen -lf` prints it.
        public let fingerprint: String
    }

    /// A line that was skipped or an option that was ignored.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The accepted keys, in file order.
    public let entries: [Entry]
    /// Problems found while parsing, in file order.
    public let warnings: [Warning]
    private let index: [NIOSSHPublicKey: Int]

    /// Parses the text of an `authorized_keys` file.
    public init(text: String) {
        var entries: [Entry] = []
        var warnings: [Warning] = []
        var index: [NIOSSHPublicKey: Int] = [:]
        var lineNumber = 0
        // "\r\n" is a single Character in Swift: split on both.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            switch AuthorizedKeys.parseLine(Substring(rawLine), line: lineNumber) {
            case .blank:
                continue
            case .skipped(let warning):
                warnings.append(warning)
            case .accepted(let entry, let notes):
                warnings += notes
                if index[entry.key] == nil {
                    index[entry.key] = entries.count
                    entries.append(entry)
                }
            }
        }
        self.entries = entries
        self.warnings = warnings
        self.index = index
    }

    /// Reads and parses a file (at most 1 MiB).
    public init(contentsOf path: String) throws(ServeError) {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? NSNumber, size.intValue > 1 << 20 {
                throw ServeError.file(path: path, message: "larger than 1 MiB; is this an authorized_keys file?")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ServeError {
            throw error
        } catch {
            throw ServeError.file(path: path, message: "cannot read the authorized keys: \(AuthorizedKeys.reason(error))")
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// The entry for a key, if it is authorized.
    public func entry(for key: NIOSSHPublicKey) -> Entry? {
        index[key].map { entries[$0] }
    }

    /// Whether no key was accepted.
    public var isEmpty: Bool { entries.isEmpty }

    // MARK: - Parsing one line

    enum LineResult {
        case blank
        case skipped(Warning)
        case accepted(Entry, notes: [Warning])
    }

    static let supportedTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    ]

    static let rsaAdvice =
        "an RSA key (ssh-rsa) was skipped: the SSH library of moneyloop serve (swift-nio-ssh) "
        + "supports only Ed25519 and ECDSA keys. Ask its owner for an Ed25519 key: "
        + "`ssh-keygen -t ed25519` makes ~/.ssh/id_ed25519.pub; add that line instead"

    static func parseLine(_ line: Substring, line number: Int) -> LineResult {
        var rest = line.drop(while: isBlank)
        if rest.last == "\r" { rest = rest.dropLast() }
        if rest.isEmpty || rest.first == "#" { return .blank }
        let body = rest
        let skip = { (message: String) in LineResult.skipped(Warning(line: number, message: message)) }

        var first = takeToken(&rest, quoted: false)
        var options: [(name: String, value: String?)] = []
        if !isKeyType(first) {
            // The first token is the options list; it may contain quoted spaces.
            rest = body
            let optionText = takeToken(&rest, quoted: true)
            guard let parsed = parseOptions(optionText) else {
                return skip("cannot parse the options before the key (unbalanced quotes?); line skipped")
            }
            options = parsed
            first = takeToken(&rest, quoted: false)
        }
        let type = String(first)
        let blob = takeToken(&rest, quoted: false)
        var comment = String(rest.drop(while: isBlank))
        while let last = comment.last, last == " " || last == "\t" || last == "\r" { comment.removeLast() }

        if type.isEmpty { return skip("no key on this line; line skipped") }
        if type == "ssh-rsa" { return skip(rsaAdvice) }
        if type == "ssh-dss" {
            return skip("a DSA key (ssh-dss) was skipped: DSA is obsolete and not supported; use `ssh-keygen -t ed25519`")
        }
        if type.hasPrefix("sk-") {
            return skip("a security-key (\(type)) line was skipped: swift-nio-ssh does not support FIDO keys; "
                + "use a plain key from `ssh-keygen -t ed25519`")
        }
        if type.contains("-cert-v01@openssh.com") {
            return skip("a certificate (\(type)) line was skipped: certificates are not supported; list the plain key")
        }
        guard supportedTypes.contains(type) else {
            return skip("unknown key type \(ServeLog.quote(type)); line skipped")
        }
        guard !blob.isEmpty, let raw = Data(base64Encoded: String(blob)) else {
            return skip("the \(type) key is not valid base64; line skipped")
        }
        // The blob repeats the type; a mismatch means a damaged or doctored line.
        guard raw.count > 4 else { return skip("the \(type) key is truncated; line skipped") }
        let nameLength = Int(raw[raw.startIndex]) << 24 | Int(raw[raw.startIndex + 1]) << 16
            | Int(raw[raw.startIndex + 2]) << 8 | Int(raw[raw.startIndex + 3])
        guard nameLength == type.utf8.count, raw.count >= 4 + nameLength,
              String(decoding: raw[(raw.startIndex + 4)..<(raw.startIndex + 4 + nameLength)], as: UTF8.self) == type
        else {
            return skip("the key data does not match its type \(type); line skipped")
        }
        let key: NIOSSHPublicKey
        do {
            key = try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(blob)")
        } catch {
            return skip("the \(type) key cannot be read (\(error)); line skipped")
        }

        var notes: [Warning] = []
        var hasRestrict = false
        var allowsPty = false
        for option in options {
            switch option.name.lowercased() {
            case "from", "expiry-time":
                return skip("option \(option.name)= is not supported by moneyloop serve, so this key "
                    + "would be allowed more than the file says; line skipped (remove the option to allow it)")
            case "cert-authority", "principals":
                return skip("option \(option.name) (certificates) is not supported; line skipped")
            case "no-pty":
                return skip("option no-pty: every moneyloop session needs a terminal; line skipped")
            case "restrict":
                hasRestrict = true
            case "pty":
                allowsPty = true
            case "command":
                notes.append(Warning(line: number, message: "option command= ignored: sessions always run the dashboard"))
            case "environment":
                notes.append(Warning(line: number, message: "option environment= ignored"))
            case "no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc",
                 "port-forwarding", "agent-forwarding", "x11-forwarding", "user-rc", "permitopen",
                 "permitlisten", "tunnel", "no-touch-required", "verify-required":
                // Nothing to do: serve never forwards, tunnels or runs rc files.
                break
            default:
                return skip("unknown option \(ServeLog.quote(option.name)); line skipped (OpenSSH would reject it too)")
            }
        }
        if hasRestrict && !allowsPty {
            return skip("option restrict without pty: every moneyloop session needs a terminal; "
                + "line skipped (write restrict,pty to allow it)")
        }
        let entry = Entry(key: key, comment: comment, line: number, fingerprint: KeyFingerprint.sha256(key))
        return .accepted(entry, notes: notes)
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    static func isKeyType(_ token: Substring) -> Bool {
        supportedTypes.contains(String(token)) || token == "ssh-rsa" || token == "ssh-dss"
            || token.hasPrefix("sk-") || token.hasSuffix("-cert-v01@openssh.com")
            || token.hasPrefix("ecdsa-sha2-")
    }

    /// Takes the next blank-separated token; with `quoted`, blanks inside "…" do not end it.
    static func takeToken(_ text: inout Substring, quoted: Bool) -> Substring {
        text = text.drop(while: isBlank)
        var inQuotes = false
        var escaped = false
        var end = text.startIndex
        while end < text.endIndex {
            let c = text[end]
            if escaped {
                escaped = false
            } else if quoted && c == "\\" && inQuotes {
                escaped = true
            } else if quoted && c == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && isBlank(c) {
                break
            }
            end = text.index(after: end)
        }
        let token = text[..<end]
        text = text[end...]
        return token
    }

    /// Splits `a,b="x, y",c` into names and unquoted values; nil when quotes are unbalanced.
    static func parseOptions(_ text: Substring) -> [(name: String, value: String?)]? {
        var result: [(name: String, value: String?)] = []
        var name = ""
        var value: String? = nil
        var inQuotes = false
        var escaped = false
        func flush() {
            if !name.isEmpty { result.append((name, value)) }
            name = ""
            value = nil
        }
        for c in text {
            if escaped {
                value?.append(c)
                escaped = false
            } else if inQuotes {
                if c == "\\" { escaped = true } else if c == "\"" { inQuotes = false } else { value?.append(c) }
            } else if c == "\"" {
                if value == nil { value = "" }
                inQuotes = true
            } else if c == "," {
                flush()
            } else if c == "=" && value == nil {
                value = ""
            } else if value != nil {
                value?.append(c)
            } else {
                name.append(c)
            }
        }
        if inQuotes || escaped { return nil }
        flush()
        return result
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return "\(error)"
    }
}

/// OpenSSH-style key fingerprints.
public enum KeyFingerprint {
    /// `SHA256:` followed by the unpadded base64 of the SHA-256 of the key's wire blob,
    /// exactly as `ssh-keygen -lf` and the OpenSSH client print it.
    public static func sha256(_ key: NIOSSHPublicKey) -> String {
        let line = String(openSSHPublicKey: key)
        let base64 = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return sha256(blob: Data(base64Encoded: base64) ?? Data())
    }

    /// The fingerprint of a raw public key blob.
    public static func sha256(blob: Data) -> String {
        let digest = Data(SHA256.hash(data: blob))
        var text = digest.base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }
}
