import Foundation
import LoopConfig
import Testing
@testable import LoopDashboard

/// Theme files: a valid file read in full, and each kind of mistake with its exact message.
@Suite struct ThemeFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/themes").path

    /// The error of loading fixture `name`, with the fixture directory left out.
    func error(_ name: String) -> String? {
        do {
            _ = try ThemeFile.load(contentsOf: "\(Self.fixtures)/\(name)")
            return nil
        } catch {
            return error.description.replacingOccurrences(of: Self.fixtures + "/", with: "")
        }
    }

    @Test func validFileSetsEverythingItSays() throws {
        let loaded = try ThemeFile.load(contentsOf: "\(Self.fixtures)/valid.yaml")
        let t = loaded.theme
        #expect(loaded.warnings.isEmpty)
        #expect(t.name == "valid" && t.kind == .light)
        #expect(t.foreground == .rgb(0x10, 0x10, 0x10) && t.background == .ansi(7))
        #expect(loaded.rolesSet == [.text, .good, .border, .bad, .selection, .ghost])
        #expect(t.roles[.good] == RoleStyle(fg: .ansi(2)))
        #expect(t.roles[.border] == RoleStyle(fg: .rgb(0x61, 0xaf, 0xef)))
        #expect(t.roles[.bad] == RoleStyle(fg: .ansi(9), attributes: .bold))
        #expect(t.roles[.selection] == RoleStyle(fg: .rgb(255, 255, 255), bg: .rgb(0x61, 0xaf, 0xef),
                                                 attributes: [.bold, .underline], fallback16: .ansi(15)))
        #expect(t.roles[.ghost] == RoleStyle(attributes: .dim))
        #expect(t.gradients[.slider] == Gradient(start: .rgb(0, 0, 0), end: .rgb(255, 255, 255)))
        // A role the file leaves out comes from the built-in default.
        #expect(t.style(.vast) == Theme.builtInDefault.style(.vast))
    }

    static let invalid: [(String, String)] = [
        ("bad-colour.yaml", "bad-colour.yaml:5:9: roles.bad.fg: '#12345' is not a colour; expected #RRGGBB, a palette name, one of the 16 ANSI names or default"),
        ("unquoted-hash.yaml", "unquoted-hash.yaml:4:10: roles.border: expected a colour (quote colours that start with #: \"#61afef\"), found nothing"),
        ("bad-kind.yaml", "bad-kind.yaml:2:7: kind: 'dusk' is not a kind; expected dark or light"),
        ("missing-name.yaml", "missing-name.yaml:1:1: name: missing required key"),
        ("bad-name.yaml", "bad-name.yaml:1:7: name: 'bad-name!' is not a theme name; expected 1–32 letters, digits, '-' or '_'"),
        ("bad-attribute.yaml", "bad-attribute.yaml:4:42: roles.warn.attributes[1]: 'blink' is not an attribute; expected bold, dim, underline or reverse"),
        ("bad-fallback.yaml", "bad-fallback.yaml:4:36: roles.good.fallback: '#00ff00' is not a 16-colour fallback; expected one of the 16 ANSI names or default"),
        ("role-list.yaml", "role-list.yaml:4:9: roles.good: expected a colour or a mapping of fg, bg, attributes, fallback; found a list"),
        ("palette-shadow.yaml", "palette-shadow.yaml:5:3: palette.blue: 'blue' cannot name a palette colour: it is itself a colour; choose another name"),
        ("palette-typo.yaml", "palette-typo.yaml:6:14: roles.coreweave: 'skyy' is not a colour (did you mean 'sky'?); expected #RRGGBB, a palette name, one of the 16 ANSI names or default"),
        ("gradient-no-end.yaml", "gradient-no-end.yaml:5:5: gradients.slider.end: missing required key; expected a colour"),
        ("not-a-mapping.yaml", "not-a-mapping.yaml:1:1: expected a mapping of theme keys (name, kind, roles, …)"),
        ("syntax-error.yaml", "syntax-error.yaml:4:1: syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("missing.yaml", "missing.yaml: no such file"),
    ]

    @Test(arguments: invalid)
    func invalidFileGivesItsMessage(_ file: String, _ message: String) {
        #expect(error(file) == message)
    }

    @Test func unknownKeysWarnWithTheirLineAndTheThemeStillLoads() throws {
        let loaded = try ThemeFile.load(contentsOf: "\(Self.fixtures)/warnings.yaml")
        let warnings = loaded.warnings.map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") }
        #expect(warnings == [
            "warnings.yaml:3:1: colour: unknown key; allowed: name, kind, foreground, background, palette, roles, gradients; ignored",
            "warnings.yaml:5:3: roles.bordr: unknown role (did you mean 'border'?); ignored",
            "warnings.yaml:6:22: roles.good.fgg: unknown key (did you mean 'fg'?); allowed: fg, bg, attributes, fallback; ignored",
            "warnings.yaml:8:3: gradients.rainbow: unknown gradient; allowed: slider; ignored",
        ])
        #expect(loaded.theme.roles[.good] == RoleStyle(fg: .ansi(2)))
        #expect(loaded.rolesSet == [.good])
    }

    @Test func aNameThatDiffersFromTheFileNameWarns() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("ocean.yaml", "name: sea\nkind: dark\n")
        let loaded = try ThemeFile.load(contentsOf: path)
        #expect(loaded.warnings.map(\.description) == [
            "\(path):1:7: name: 'sea' differs from the file name; --theme finds this theme as 'ocean'",
        ])
    }

    @Test func everyRoleHasAFileName() {
        #expect(Role.borderFocused.name == "border-focused")
        #expect(Role.series1.name == "series-1")
        #expect(ThemeFile.rolesByName.count == Role.allCases.count)
    }
}

/// A directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside (creating subdirectories); returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
