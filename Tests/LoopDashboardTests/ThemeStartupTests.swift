import LoopConfig
import Testing
@testable import LoopDashboard

/// The dashboard starts without reading the bundled default theme, and still reads a
/// user's own `default.yaml`.
@Suite struct ThemeStartupTests {
    func catalog(_ dir: TemporaryDirectory, userDefault: String?) throws -> ThemeCatalog {
        // A bundled default.yaml that would fail to load if it were read.
        try dir.write("pkg/themes/default.yaml", "name: default\nkind: dusk\n")
        try dir.write("pkg/Package.swift", "")
        if let text = userDefault { try dir.write("xdg/moneyloop/themes/default.yaml", text) }
        return ThemeCatalog.standard(environment: ["XDG_CONFIG_HOME": dir.path + "/xdg"],
                                     executable: dir.path + "/pkg/.build/debug/moneyloop")
    }

    @Test func bundledDefaultIsTheCompiledInOneUnread() throws {
        let dir = try TemporaryDirectory()
        let c = try catalog(dir, userDefault: nil)
        #expect(try c.loadAtStartup(nil).theme == Theme.builtInDefault)
        #expect(try c.loadAtStartup("default").theme == Theme.builtInDefault)
        // `load`, as `themes check default` uses it, still reads the file.
        #expect(throws: ConfigError.self) { try c.load("default") }
        withExtendedLifetime(dir) {}
    }

    @Test func usersDefaultIsRead() throws {
        let dir = try TemporaryDirectory()
        let c = try catalog(dir, userDefault: "name: default\nkind: light\n")
        #expect(try c.loadAtStartup(nil).theme.kind == .light)
        withExtendedLifetime(dir) {}
    }

    @Test func otherNamesLoadAsUsual() throws {
        let dir = try TemporaryDirectory()
        let c = try catalog(dir, userDefault: nil)
        try dir.write("xdg/moneyloop/themes/paper.yaml", "name: paper\nkind: light\n")
        #expect(try c.loadAtStartup("paper").theme.name == "paper")
        withExtendedLifetime(dir) {}
    }
}
