import Crypto
import Foundation
import NIOSSH
import Testing

@testable import LoopServe

@Suite struct AuthorizedKeysTests {
    static func ed25519Line() -> String {
        String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey)
    }

    static func ecdsaLine() -> String {
        String(openSSHPublicKey: NIOSSHPrivateKey(p256Key: P256.Signing.PrivateKey()).publicKey)
    }

    static let rsaLine = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDxroYuN30k6utBB9kO0TBKzX0IuYxDGeb alice@laptop"

    @Test func tabsCommentsAndBlankLines() throws {
        let a = Self.ed25519Line()
        let b = Self.ed25519Line()
        let tabbed = a.replacingOccurrences(of: " ", with: "\t")
        let text = "# the meeting\n\n   \n\(tabbed)\t  bob@host with spaces  \r\n  \(b)\n"
        let keys = AuthorizedKeys(text: text)
        #expect(keys.entries.count == 2)
        #expect(keys.warnings.isEmpty, "\(keys.warnings)")
        #expect(keys.entries[0].comment == "bob@host with spaces")
        #expect(keys.entries[0].line == 4)
        #expect(keys.entries[1].comment == "")
        #expect(keys.entry(for: try NIOSSHPublicKey(openSSHPublicKey: b)) != nil)
    }

    @Test func optionsWithQuotedSpacesAndCommas() throws {
        let a = Self.ed25519Line()
        let text = "no-agent-forwarding,command=\"echo \\\"hi, there\\\"\",no-port-forwarding\t\(a) carol\n"
            + "restrict,pty \(Self.ed25519Line())\n"
        let keys = AuthorizedKeys(text: text)
        #expect(keys.entries.count == 2)
        #expect(keys.entries[0].comment == "carol")
        #expect(keys.warnings.map(\.message) == ["option command= ignored: sessions always run the dashboard"])
    }

    @Test func rsaIsSkippedWithAWarningThatSaysWhyAndWhatToDo() {
        let keys = AuthorizedKeys(text: Self.rsaLine + "\n" + Self.ed25519Line() + "\n")
        #expect(keys.entries.count == 1)
        #expect(keys.entries[0].line == 2)
        let warning = try! #require(keys.warnings.first)
        #expect(warning.line == 1)
        #expect(warning.message.contains("RSA"))
        #expect(warning.message.contains("only Ed25519 and ECDSA"))
        #expect(warning.message.contains("ssh-keygen -t ed25519"))
    }

    @Test func ecdsaIsAccepted() throws {
        let line = Self.ecdsaLine()
        let keys = AuthorizedKeys(text: "from-laptop-comment-free " + line + " dave\n" + line + "\n")
        // The first token is not a key type, so it is read as (unknown) options: skipped.
        #expect(keys.warnings.count == 1)
        #expect(keys.entries.count == 1)
        #expect(keys.entries[0].key == (try NIOSSHPublicKey(openSSHPublicKey: line)))
        #expect(keys.entries[0].fingerprint.hasPrefix("SHA256:"))
    }

    @Test func linesThatCannotBeHonouredAreSkipped() {
        let cases: [(String, String)] = [
            ("from=\"10.0.0.*\" \(Self.ed25519Line())", "from= is not supported"),
            ("expiry-time=\"20300101\" \(Self.ed25519Line())", "expiry-time= is not supported"),
            ("no-pty \(Self.ed25519Line())", "needs a terminal"),
            ("restrict \(Self.ed25519Line())", "restrict without pty"),
            ("frobnicate \(Self.ed25519Line())", "unknown option"),
            ("cert-authority \(Self.ed25519Line())", "certificates"),
            ("ssh-ed25519 not*base64", "not valid base64"),
            ("ssh-ed25519", "not valid base64"),
            ("ssh-dss AAAAB3NzaC1kc3MAAACBAP", "DSA"),
            ("sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t", "security-key"),
            ("command=\"unbalanced \(Self.ed25519Line())", "cannot parse the options"),
        ]
        for (line, expected) in cases {
            let keys = AuthorizedKeys(text: line + "\n")
            #expect(keys.entries.isEmpty, "\(line)")
            #expect(keys.warnings.count == 1 && keys.warnings[0].message.contains(expected),
                    "\(line): \(keys.warnings.map(\.message))")
        }
    }

    @Test func keyDataMustMatchItsType() {
        // An Ed25519 blob labelled as ECDSA.
        let blob = Self.ed25519Line().split(separator: " ")[1]
        let keys = AuthorizedKeys(text: "ecdsa-sha2-nistp256 \(blob)\n")
        #expect(keys.entries.isEmpty)
        #expect(keys.warnings.first?.message.contains("does not match its type") == true)
    }

    @Test(.enabled(if: Fixture.sshKeygen != nil, "ssh-keygen is not installed"))
    func fingerprintMatchesSSHKeygen() throws {
        let keys = try #require(Fixture.keys)
        let parsed = try AuthorizedKeys(contentsOf: keys.authorized)
        let expected = try Fixture.run([Fixture.sshKeygen!, "-lf", keys.viewer + ".pub"]).output
        #expect(parsed.entries.count == 1)
        #expect(expected.contains(parsed.entries[0].fingerprint), "\(expected) vs \(parsed.entries[0].fingerprint)")
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: ServeError.self) { try AuthorizedKeys(contentsOf: "/nonexistent/authorized_keys") }
    }

    @Test func sourceReloadsWhenTheFileChanges() async throws {
        let dir = Fixture.temporaryDirectory("reload")
        let path = dir + "/authorized_keys"
        let first = Self.ed25519Line()
        let second = Self.ed25519Line()
        try (first + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let source = try AuthorizedKeysSource(path: path, log: .silent)
        #expect(source.current().entries.count == 1)
        try (first + "\n" + second + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(source.current().entry(for: try NIOSSHPublicKey(openSSHPublicKey: second)) != nil)
        try FileManager.default.removeItem(atPath: path)
        #expect(source.current().isEmpty)
    }
}
