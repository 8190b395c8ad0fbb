import Foundation
import TestSupport
import Testing
@testable import LoopDashboard

/// The themes shipped in `themes/`: each loads cleanly, sets every role, resolves at every
/// tier, and keeps meaning apart when colours are converted down.
@Suite struct BundledThemeTests {
    static let directory = Support.root.appendingPathComponent("themes").path
    static let names = ["colorblind", "default", "high-contrast", "light", "mono", "projector"]

    static func load(_ name: String) throws -> ThemeFile.Loaded {
        try ThemeFile.load(contentsOf: "\(directory)/\(name).yaml")
    }

    @Test func theBundleHoldsTheSixThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter { $0.hasSuffix(".yaml") }
        #expect(files.sorted() == Self.names.map { "\($0).yaml" })
    }

    @Test(arguments: names)
    func loadsWithEveryRoleAndNoWarnings(_ name: String) throws {
        let loaded = try Self.load(name)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.theme.name == name)
        let missing = Set(Role.allCases).subtracting(loaded.rolesSet).map(\.name).sorted()
        #expect(missing.isEmpty, "roles left to the default: \(missing)")
        let limits: [ColorTier: Int] = [.mono: -1, .c8: 7, .c16: 15, .c256: 255, .direct: 0xFFFFFF]
        for tier in ColorTier.allCases {
            for role in Role.allCases {
                for shade in [nil, Shade(.slider, fraction: 0.5)] {
                    let r = loaded.theme.resolve(Style(role, shade: shade), tier: tier)
                    #expect((-1...limits[tier]!).contains(r.fg) && (-1...limits[tier]!).contains(r.bg),
                            "\(name) \(role.name) at \(tier): \(r)")
                }
            }
        }
    }

    @Test func theDefaultFileIsTheCompiledInTheme() throws {
        #expect(try Self.load("default").theme == Theme.builtInDefault)
    }

    @Test func kinds() throws {
        for name in Self.names {
            let kind: Theme.Kind = ["light", "projector"].contains(name) ? .light : .dark
            #expect(try Self.load(name).theme.kind == kind, "\(name)")
        }
    }

    @Test func monoHasNoColourAndStandsInWithAttributes() throws {
        let theme = try Self.load("mono").theme
        for role in Role.allCases {
            let r = theme.resolve(Style(role), tier: .direct)
            #expect(r.fg == -1 && r.bg == -1, "\(role.name) has a colour")
            #expect(r.attributes.isSuperset(of: Theme.monoAttributes(role)), "\(role.name) lacks its mono attributes")
        }
    }

    @Test func colourBlindSafeHasNoRedGreenPair() throws {
        let theme = try Self.load("colorblind").theme
        // What reads as "fine" must not be green when "bad" is red (or the other way round).
        for role in [Role.good, .statusRunning, .sliderTarget, .bad, .error, .warn] {
            guard case let .rgb(r, g, b) = theme.style(role).fg else { Issue.record("\(role.name) is not RGB"); continue }
            let hue = Self.hue(r, g, b)
            #expect(!(75...165).contains(hue), "\(role.name) is green (hue \(hue))")
            if [.good, .statusRunning, .sliderTarget].contains(role) {
                #expect(!(hue < 20 || hue > 340), "\(role.name) is red (hue \(hue))")
            }
        }
    }

    static func hue(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Double {
        let (r, g, b) = (Double(r), Double(g), Double(b))
        let mx = max(r, g, b), c = mx - min(r, g, b)
        guard c > 0 else { return 0 }
        let h = mx == r ? (g - b) / c : mx == g ? (b - r) / c + 2 : (r - g) / c + 4
        return (h * 60 + 360).truncatingRemainder(dividingBy: 360)
    }

    /// Good, warn and bad must stay three different looks at every colour tier, as must the
    /// two companies' chart lines and the baseline ghost.
    @Test(arguments: names.filter { $0 != "mono" })
    func meaningfulRolesStayApartAtEveryTier(_ name: String) throws {
        let theme = try Self.load(name).theme
        for tier in [ColorTier.c8, .c16, .c256, .direct] {
            for group in [[Role.good, .warn, .bad], [.series1, .series2, .ghost], [.sliderFill, .sliderTarget, .sliderDefault]] {
                let looks = group.map { theme.resolve(Style($0), tier: tier) }
                #expect(Set(looks).count == group.count, "\(name) at \(tier): \(group.map(\.name)) look alike: \(looks)")
            }
        }
    }

    @Test func projectorPaintsItsOwnBackground() throws {
        let theme = try Self.load("projector").theme
        let text = theme.resolve(.text, tier: .c256)
        #expect(text.bg == 231 && text.fg == 16)
        #expect(theme.resolve(.text, tier: .c8).bg == 7)
        // The default theme leaves the terminal's background alone.
        #expect(Theme.builtInDefault.resolve(.text, tier: .c256).bg == -1)
    }

    @Test func sliderGradientAppliesFrom256ColoursUp() {
        let t = Theme.builtInDefault
        let start = t.resolve(Style(.sliderFill, shade: Shade(.slider, fraction: 0)), tier: .c256)
        let end = t.resolve(Style(.sliderFill, shade: Shade(.slider, fraction: 1)), tier: .c256)
        #expect(start.fg == ColorConversion.index256(0x56, 0xb6, 0xc2))
        #expect(end.fg == ColorConversion.index256(0xc6, 0x78, 0xdd))
        #expect(t.resolve(Style(.sliderFill, shade: Shade(.slider, fraction: 1)), tier: .direct).fg == 0xc678dd)
        // Below 256 colours the role's own fallback, the same all along the bar.
        #expect(t.resolve(Style(.sliderFill, shade: Shade(.slider, fraction: 1)), tier: .c16).fg == 12)
    }
}
