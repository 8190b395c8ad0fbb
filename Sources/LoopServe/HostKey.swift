import Crypto
import Foundation
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// The server's Ed25519 host key, stored in OpenSSH's private-key format
/// (`openssh-key-v1`, unencrypted) so `ssh-keygen -lf FILE` shows the same fingerprint
/// and a key made by `ssh-keygen -t ed25519 -N ''` can be used.
///
/// When no file is given, the key lives in `$XDG_STATE_HOME/moneyloop/ssh_host_ed25519_key`
/// (or `~/.local/state/moneyloop/…`) and is created on first use: written to a
/// temporary file opened with `O_EXCL` and mode 0600, then linked into place, so two
/// servers starting at once never see a half-written key. A key file that others can
/// read is refused, like OpenSSH does.
public struct HostKey: Sendable {
    /// The key as swift-nio-ssh uses it.
    public let privateKey: NIOSSHPrivateKey
    /// `SHA256:…` of the public key, as `ssh-keygen -lf` and the client's first-connect
    /// prompt show it.
    public let fingerprint: String
    /// The `ssh-ed25519 AAAA…` public key line.
    public let publicKeyLine: String
    /// The file the key was read from or written to.
    public let path: String
    /// Whether this call created the file.
    public let created: Bool

    /// The file name used in the state directory.
    public static let defaultFileName = "ssh_host_ed25519_key"

    /// Loads the key at `path`, creating it first when `createIfMissing` and it does not exist.
    public static func loadOrCreate(path: String, createIfMissing: Bool) throws(ServeError) -> HostKey {
        if createIfMissing && access(path, F_OK) != 0 && errno == ENOENT {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try StateDirectory.makeDirectory(dir) }
            if let key = try create(path: path) { return key }
            // Another server created it first: use theirs.
        }
        return try load(path: path)
    }

    /// Reads an existing key file.
    public static func load(path: String) throws(ServeError) -> HostKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ServeError.file(path: path, message: "cannot read the host key: \(String(cString: strerror(errno)))")
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw ServeError.file(path: path, message:
                "permissions 0\(mode) are too open for a private host key; run `chmod 600 \(path)`")
        }
        if info.st_uid != geteuid() {
            throw ServeError.file(path: path, message: "the host key belongs to another user (uid \(info.st_uid))")
        }
        guard info.st_size < 64 * 1024, let data = FileManager.default.contents(atPath: path) else {
            throw ServeError.file(path: path, message: "cannot read the host key")
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try OpenSSHKeyFormat.decodeEd25519(String(decoding: data, as: UTF8.self))
        } catch {
            throw ServeError.file(path: path, message: error.message)
        }
        return HostKey(key: key, path: path, created: false)
    }

    /// Creates a new key at `path`. Returns nil when the file appeared meanwhile.
    static func create(path: String) throws(ServeError) -> HostKey? {
        let key = Curve25519.Signing.PrivateKey()
        var hostName = [CChar](repeating: 0, count: 256)
        gethostname(&hostName, 255)
        let comment = "moneyloop-serve@" + String(decoding: hostName.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let text = OpenSSHKeyFormat.encodeEd25519(key, comment: comment)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ServeError.file(path: temporary, message: "cannot create the host key: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        let synced = fsync(fd)
        close(fd)
        defer { unlink(temporary) }
        guard written == bytes.count, synced == 0 else {
            throw ServeError.file(path: temporary, message: "cannot write the host key")
        }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return nil }
            throw ServeError.file(path: path, message: "cannot create the host key: \(String(cString: strerror(errno)))")
        }
        return HostKey(key: key, path: path, created: true)
    }

    init(key: Curve25519.Signing.PrivateKey, path: String, created: Bool) {
        let blob = OpenSSHKeyFormat.publicBlob(key.publicKey)
        self.privateKey = NIOSSHPrivateKey(ed25519Key: key)
        self.fingerprint = KeyFingerprint.sha256(blob: blob)
        self.publicKeyLine = "ssh-ed25519 " + blob.base64EncodedString()
        self.path = path
        self.created = created
    }
}

/// Reading and writing Ed25519 keys in OpenSSH's `openssh-key-v1` container.
enum OpenSSHKeyFormat {
    struct Failure: Error {
        let message: String
    }

    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"
    static let magic = Array("openssh-key-v1".utf8) + [0]

    static func publicBlob(_ key: Curve25519.Signing.PublicKey) -> Data {
        var out = Data()
        appendString(&out, Data("ssh-ed25519".utf8))
        appendString(&out, key.rawRepresentation)
        return out
    }

    static func encodeEd25519(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let pub = key.publicKey.rawRepresentation
        var check = UInt32.random(in: .min ... .max)
        var secret = Data()
        withUnsafeBytes(of: &check) { secret.append(contentsOf: $0) }
        withUnsafeBytes(of: &check) { secret.append(contentsOf: $0) }
        appendString(&secret, Data("ssh-ed25519".utf8))
        appendString(&secret, pub)
        appendString(&secret, key.rawRepresentation + pub)  // 64 bytes: seed ‖ public
        appendString(&secret, Data(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(pad)
            pad += 1
        }
        var out = Data(magic)
        appendString(&out, Data("none".utf8))  // cipher
        appendString(&out, Data("none".utf8))  // kdf
        appendString(&out, Data())  // kdf options
        appendUInt32(&out, 1)
        appendString(&out, publicBlob(key.publicKey))
        appendString(&out, secret)
        let base64 = out.base64EncodedString()
        var lines = [begin]
        var index = base64.startIndex
        while index < base64.endIndex {
            let next = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<next]))
            index = next
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    static func decodeEd25519(_ text: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last else {
            if text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
                || text.contains("BEGIN PRIVATE KEY") {
                throw Failure(message: "not an OpenSSH-format Ed25519 key; create one with `ssh-keygen -t ed25519 -N '' -f FILE`")
            }
            throw Failure(message: "not an OpenSSH private key (no \(begin) line)")
        }
        guard let data = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw Failure(message: "the private key is not valid base64")
        }
        var reader = Reader(data: data)
        guard reader.take(magic.count).map(Array.init) == magic else {
            throw Failure(message: "not an openssh-key-v1 private key")
        }
        let cipher = try reader.string()
        _ = try reader.string()  // kdf
        _ = try reader.string()  // kdf options
        guard String(decoding: cipher, as: UTF8.self) == "none" else {
            throw Failure(message: "the host key is protected by a passphrase; the server cannot ask for it. "
                + "Use a key without a passphrase (ssh-keygen -t ed25519 -N '' -f FILE)")
        }
        guard try reader.uint32() == 1 else { throw Failure(message: "the file must hold exactly one key") }
        _ = try reader.string()  // public blob
        var secret = Reader(data: try reader.string())
        guard try secret.uint32() == (try secret.uint32()) else {
            throw Failure(message: "the private key is damaged (check bytes differ)")
        }
        let type = String(decoding: try secret.string(), as: UTF8.self)
        guard type == "ssh-ed25519" else {
            throw Failure(message: "the host key is \(type); moneyloop serve needs an Ed25519 key (ssh-keygen -t ed25519)")
        }
        let pub = try secret.string()
        let priv = try secret.string()
        guard pub.count == 32, priv.count == 64 else { throw Failure(message: "the Ed25519 key has the wrong length") }
        do {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: priv.prefix(32))
            guard key.publicKey.rawRepresentation == pub else {
                throw Failure(message: "the Ed25519 private and public halves do not match")
            }
            return key
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "the Ed25519 key cannot be read: \(error)")
        }
    }

    static func appendUInt32(_ data: inout Data, _ value: UInt32) {
        data.append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }

    static func appendString(_ data: inout Data, _ bytes: Data) {
        appendUInt32(&data, UInt32(bytes.count))
        data.append(bytes)
    }

    /// Reads SSH wire-format fields (uint32, string) from a buffer.
    struct Reader {
        var data: Data

        init(data: Data) { self.data = Data(data) }

        mutating func take(_ n: Int) -> Data? {
            guard n >= 0, data.count >= n else { return nil }
            let out = data.prefix(n)
            data = data.dropFirst(n)
            return Data(out)
        }

        mutating func uint32() throws(Failure) -> UInt32 {
            guard let b = take(4) else { throw Failure(message: "the private key is truncated") }
            return b.reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func string() throws(Failure) -> Data {
            let n = Int(try uint32())
            guard let b = take(n) else { throw Failure(message: "the private key is truncated") }
            return b
        }
    }
}
