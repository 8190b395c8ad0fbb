import Foundation
import Testing

@testable import LoopServe

@Suite struct HostKeyTests {
    func mode(_ path: String) -> Int {
        var info = stat()
        stat(path, &info)
        return Int(info.st_mode & 0o777)
    }

    @Test func createdOnFirstUseWithPrivatePermissionsAndReloaded() throws {
        let root = Fixture.temporaryDirectory("hostkey")
        let environment = ["XDG_STATE_HOME": root + "/state", "HOME": root]
        let dir = try StateDirectory.state(environment: environment)
        #expect(dir == root + "/state/moneyloop")
        let path = dir + "/" + HostKey.defaultFileName
        let created = try HostKey.loadOrCreate(path: path, createIfMissing: true)
        #expect(created.created)
        #expect(mode(path) == 0o600)
        #expect(mode(dir) == 0o700)
        #expect(created.fingerprint.hasPrefix("SHA256:") && created.fingerprint.count == 50)
        let again = try HostKey.loadOrCreate(path: path, createIfMissing: true)
        #expect(!again.created)
        #expect(again.fingerprint == created.fingerprint)
        #expect(again.publicKeyLine == created.publicKeyLine)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [HostKey.defaultFileName])
    }

    @Test func stateDirectoryFallsBackToHome() throws {
        #expect(try StateDirectory.state(environment: ["HOME": "/home/x"]) == "/home/x/.local/state/moneyloop")
        #expect(try StateDirectory.state(environment: ["HOME": "/home/x", "XDG_STATE_HOME": "relative"])
            == "/home/x/.local/state/moneyloop")
    }

    @Test func tooOpenPermissionsAreRefused() throws {
        let dir = Fixture.temporaryDirectory("hostkey")
        let path = dir + "/key"
        _ = try HostKey.loadOrCreate(path: path, createIfMissing: true)
        chmod(path, 0o644)
        #expect {
            try HostKey.load(path: path)
        } throws: { error in
            "\(error)".contains("too open") && "\(error)".contains("chmod 600")
        }
    }

    @Test func missingExplicitKeyIsAnError() {
        #expect(throws: ServeError.self) {
            try HostKey.loadOrCreate(path: "/nonexistent/dir/key", createIfMissing: false)
        }
    }

    @Test(.enabled(if: Fixture.sshKeygen != nil, "ssh-keygen is not installed"))
    func interoperatesWithSSHKeygen() throws {
        let keygen = try #require(Fixture.sshKeygen)
        let dir = Fixture.temporaryDirectory("hostkey")
        // Ours, read by ssh-keygen: same fingerprint, and it derives the same public key.
        let ours = try HostKey.loadOrCreate(path: dir + "/ours", createIfMissing: true)
        let listed = try Fixture.run([keygen, "-lf", dir + "/ours"])
        #expect(listed.status == 0 && listed.output.contains(ours.fingerprint), "\(listed.output)")
        let derived = try Fixture.run([keygen, "-y", "-f", dir + "/ours"])
        #expect(derived.output.hasPrefix(ours.publicKeyLine), "\(derived.output)")
        // ssh-keygen's, read by us.
        try Fixture.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", dir + "/theirs"])
        let theirs = try HostKey.load(path: dir + "/theirs")
        #expect(try Fixture.run([keygen, "-lf", dir + "/theirs"]).output.contains(theirs.fingerprint))
        // A passphrase or another key type is refused with advice.
        try Fixture.run([keygen, "-q", "-t", "ed25519", "-N", "secret", "-f", dir + "/locked"])
        #expect { try HostKey.load(path: dir + "/locked") } throws: { "\($0)".contains("passphrase") }
        try Fixture.run([keygen, "-q", "-t", "ecdsa", "-N", "", "-f", dir + "/ecdsa"])
        #expect { try HostKey.load(path: dir + "/ecdsa") } throws: { "\($0)".contains("needs an Ed25519 key") }
    }

    @Test func garbageIsRefused() throws {
        let dir = Fixture.temporaryDirectory("hostkey")
        let path = dir + "/garbage"
        _ = FileManager.default.createFile(atPath: path, contents: Data("hello\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect { try HostKey.load(path: path) } throws: { "\($0)".contains("not an OpenSSH private key") }
    }
}
