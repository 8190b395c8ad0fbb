import Foundation
import LoopConfig
import Testing
@testable import LoopDashboard

/// Where themes are found, in which order, and how `t` and `:theme` switch between them.
@Suite struct ThemeCatalogTests {
    /// The themes compiled into the binary (`themes/*.yaml` of the repository), by name.
    static let embedded = (BundledData.fileNames(in: BundledData.embeddedRoot + "/themes") ?? [])
        .map { String($0.dropLast(".yaml".count)) }
    /// The fixture's themes and the compiled-in ones, sorted.
    static func all(_ fixture: [String]) -> [String] { Set(fixture + embedded).sorted() }

    /// A `--themes-dir`, an XDG config home and a bundled directory, each with themes.
    func makeCatalog(_ dir: TemporaryDirectory) throws -> ThemeCatalog {
        try dir.write("flag/ocean.yaml", "name: ocean\nkind: dark\n")
        try dir.write("flag/paper.yaml", "name: paper\nkind: light\n")
        try dir.write("xdg/moneyloop/themes/paper.yaml", "name: paper\nkind: dark\n")
        try dir.write("xdg/moneyloop/themes/broken.yaml", "name: broken\nkind: dusk\n")
        try dir.write("pkg/themes/ember.yaml", "name: ember\nkind: dark\n")
        try dir.write("pkg/Package.swift", "")
        return ThemeCatalog.standard(themesDir: dir.path + "/flag", environment: ["XDG_CONFIG_HOME": dir.path + "/xdg"],
                                     executable: dir.path + "/pkg/.build/debug/moneyloop")
    }

    @Test func searchOrderIsFlagThenUserThenBundled() throws {
        let dir = try TemporaryDirectory()
        let catalog = try makeCatalog(dir)
        #expect(catalog.sources.prefix(4) == [
            ThemeSource(directory: dir.path + "/flag", origin: .themesDir),
            ThemeSource(directory: dir.path + "/xdg/moneyloop/themes", origin: .user),
            ThemeSource(directory: dir.path + "/pkg/themes", origin: .bundled),
            ThemeSource(directory: "(built in)/themes", origin: .bundled),
        ])
        #expect(catalog.sources.contains(ThemeSource(directory: dir.path + "/pkg/.build/share/moneyloop/themes",
                                                     origin: .bundled)))
        let list = catalog.list()
        #expect(Self.embedded.contains("light") && Self.embedded.contains("default"), "\(Self.embedded)")
        #expect(list.map(\.name) == Self.all(["broken", "ember", "ocean", "paper"]))
        // The first match wins: paper from --themes-dir (light), not the user's (dark).
        let paper = try #require(list.first { $0.name == "paper" })
        #expect(paper.kind == .light && paper.origin == .themesDir)
        // default.yaml is compiled in: the catalog reads it rather than the fallback in code.
        #expect(list.first { $0.name == "default" }?.path == "(built in)/themes/default.yaml")
        let broken = try #require(list.first { $0.name == "broken" })
        #expect(broken.kind == nil && broken.problem?.hasSuffix("kind: 'dusk' is not a kind; expected dark or light") == true)
    }

    @Test func homeConfigWhenXDGIsNotSet() {
        let c = ThemeCatalog.standard(environment: ["HOME": "/home/ann"], executable: nil)
        #expect(c.sources.first == ThemeSource(directory: "/home/ann/.config/moneyloop/themes", origin: .user))
    }

    @Test func namesFilesAndUnknownNames() throws {
        let dir = try TemporaryDirectory()
        let catalog = try makeCatalog(dir)
        #expect(try catalog.theme(named: "ember").name == "ember")
        #expect(try catalog.theme(named: "default") == Theme.builtInDefault)
        #expect(try catalog.theme(named: dir.path + "/flag/ocean.yaml").name == "ocean")
        #expect(throws: ConfigError(file: "--theme", keyPath: "embr",
                                    message: "no such theme (did you mean ember?); known: "
                                        + Self.all(["broken", "ember", "ocean", "paper"]).joined(separator: ", ")
                                        + "; or give a path to a .yaml file")) {
            try catalog.theme(named: "embr")
        }
    }

    @Test func cycleNamesStartWithDefaultAndReadNoFile() throws {
        let dir = try TemporaryDirectory()
        #expect(try makeCatalog(dir).names() == ["default"] + Self.all(["broken", "ember", "ocean", "paper"]).filter { $0 != "default" })
    }

    static let paper = Theme(name: "paper", kind: .light, roles: [:])

    @Test func tShowsAThemeReadBeforeAtOnceAndAsksForTheOthers() {
        var m = Model(paused: true)
        m.setThemes(ThemeCycle(names: ["default", "paper", "ocean"]))
        // Not read yet: the outside world reads it and answers.
        #expect(update(&m, .key(.char("t"))) == [.setTheme("paper")])
        #expect(m.themes.current.name == "default")
        #expect(update(&m, .themeLoaded(Self.paper)) == [.themeChanged])
        #expect(m.themes.current.name == "paper" && m.themes.current.name == "paper")
        #expect(view(m, width: 120, height: 40, caps: .plain).row(0).contains("theme paper"))
        // A theme that does not load is passed over by the next t.
        #expect(update(&m, .key(.char("t"))) == [.setTheme("ocean")])
        _ = update(&m, .loadFailed("ocean.yaml:2:7: kind: 'dusk' is not a kind; expected dark or light"))
        #expect(m.themes.current.name == "paper" && m.notice?.hasPrefix("ocean.yaml:2:7") == true)
        // Back to the start, read already.
        #expect(update(&m, .key(.char("t"))) == [.themeChanged] && m.themes.current.name == "default")
        #expect(update(&m, .key(.char("t"))) == [.themeChanged] && m.themes.current.name == "paper")
    }

    @Test func withOneThemeTSaysWhereToAddMore() {
        var m = Model(paused: true)
        #expect(update(&m, .key(.char("t"))).isEmpty)
        #expect(m.notice?.contains("only one theme") == true)
    }

    @Test func colonThemePicksAReadThemeAtOnceOrAsksForIt() {
        var m = Model(paused: true)
        m.setThemes(ThemeCycle(themes: [.builtInDefault, Self.paper]))
        func command(_ text: String) -> [Effect] {
            _ = update(&m, .key(.char(":")))
            for c in text { _ = update(&m, .key(.char(c))) }
            return update(&m, .key(.enter))
        }
        #expect(command("theme paper") == [.themeChanged] && m.themes.current.name == "paper")
        #expect(command("theme ./mine.yaml") == [.setTheme("./mine.yaml")] && m.themes.current.name == "paper")
        #expect(update(&m, .themeLoaded(Theme(name: "mine", kind: .dark, roles: [:]))) == [.themeChanged])
        #expect(m.themes.current.name == "mine" && m.themes.current.name == "mine")
        #expect(m.themes.names == ["default", "paper", "mine"])
        // Loading another scenario keeps the themes.
        m.load(.article2025, path: nil)
        #expect(m.themes.names == ["default", "paper", "mine"] && m.themes.current.name == "mine")
    }

    @Test func aThemeGivenByFileStartsTheCycle() {
        let cycle = ThemeCycle(names: ["default", "paper"], current: Theme(name: "mine", kind: .dark, roles: [:]))
        #expect(cycle.names == ["mine", "default", "paper"] && cycle.current.name == "mine")
        #expect(cycle.theme(named: "default") == .builtInDefault && cycle.theme(named: "paper") == nil)
    }

    @Test func theKeyTableOffersT() {
        #expect(KeyTable.action(for: .char("t"), focus: .levers) == .nextTheme)
        #expect(KeyTable.hints(focus: .graph).contains { $0.action == .nextTheme })
    }
}
